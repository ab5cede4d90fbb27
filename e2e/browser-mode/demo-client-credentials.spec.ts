/**
 * Demo mode against the real Lab: the client-credentials walkthrough clicked (and keyed)
 * through from the header to the end, the demo app registered on the way, the diagram
 * lit one step per click; and a full mock account, whose limit is raised only when asked.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/browser-lab';
import { saveScreenshot } from '../support/screenshots';
import { callLab, registerApp } from './flows-support';

function demoParts(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Demo mode: client credentials' });
  return {
    dialog,
    narration: dialog.getByTestId('demo-narration'),
    next: dialog.getByRole('button', { name: 'Next' }),
    diagram: dialog.getByRole('img', { name: /^Sequence diagram of the client credentials flow/ }),
  };
}

test('walks through the client-credentials grant one click per step, from the header to the end', async ({ page, lab, request }, testInfo) => {
  await lab.open(page);
  await page.getByRole('banner').getByRole('link', { name: 'Demo mode' }).click();
  const { dialog, narration, next, diagram } = demoParts(page);
  await expect(dialog).toBeVisible();
  await expect(narration.getByRole('heading', { name: 'Client credentials: machine to machine' })).toBeVisible();
  await expect(diagram).toHaveAccessibleName(/0 of 4 messages so far/);
  await saveScreenshot(page, testInfo, 'demo client credentials intro');
  // Full screen for the presenter, and back.
  await dialog.getByRole('button', { name: 'Full screen' }).click();
  await expect(dialog.getByRole('button', { name: 'Leave full screen' })).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate('document.fullscreenElement === document.documentElement')).toBe(true);
  await dialog.getByRole('button', { name: 'Leave full screen' }).click();
  await expect(dialog.getByRole('button', { name: 'Full screen' })).toHaveAttribute('aria-pressed', 'false');

  await next.click();
  await expect(narration.getByRole('heading', { name: 'The demo app is registered' })).toBeVisible();
  await expect(narration).toContainText('“Demo · client credentials” is registered for the client-credentials grant, acting as Integration Bot');
  const apps = await callLab<{ applications: { name: string; secretInLab: boolean }[] }>(request, lab, 'applications', 'list');
  expect(apps.applications).toEqual([expect.objectContaining({ name: 'Demo · client credentials', secretInLab: true })]);

  await next.click();
  await expect(narration.getByRole('heading', { name: 'The client builds its token request' })).toBeVisible();
  await expect(narration).toContainText('The Lab reports: Built a client-credentials token request');
  // One click, one step: the token is there already, but shown only at the next click.
  await expect(diagram).toHaveAccessibleName(/1 of 4 messages so far/);

  // A presenter's clicker: the right arrow is Next.
  await page.keyboard.press('ArrowRight');
  await expect(narration.getByRole('heading', { name: 'The server checks, then answers with a token' })).toBeVisible();
  await expect(diagram).toHaveAccessibleName(/2 of 4 messages so far/);
  await saveScreenshot(page, testInfo, 'demo client credentials token received');

  await next.click();
  await expect(narration.getByRole('heading', { name: 'What the token holds' })).toBeVisible();
  const claims = narration.getByRole('list', { name: 'What the token holds' });
  await expect(claims).toContainText('scope: Scopes: what the token allows, 2 in all');
  await expect(claims).toContainText('totango_user: The Totango user the token acts as: integration.bot@acme-demo.example');
  await expect(narration.getByLabel('The access token, shortened')).toHaveAttribute('data-secret');
  await saveScreenshot(page, testInfo, 'demo client credentials token claims');

  await page.keyboard.press('ArrowRight');
  await expect(narration.getByRole('heading', { name: 'The token at work' })).toBeVisible();
  await expect(narration).toContainText('The Lab called POST /api/v1/search/accounts with Authorization: Bearer and the token');
  await expect(narration).toContainText('HTTP 200');
  await expect(diagram).toHaveAccessibleName(/4 of 4 messages so far/);

  await next.click();
  await expect(narration.getByRole('heading', { name: 'That is the client-credentials grant' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'demo client credentials end');
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await expect(narration.getByRole('heading', { name: 'Client credentials: machine to machine' })).toBeVisible();
  await expect(diagram).toHaveAccessibleName(/0 of 4 messages so far/);

  // Escape leaves demo mode, back where the presenter came from.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Apps' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/apps');
  expect(lab.errors).toEqual([]);
});

test('says when the mock account is full, and raises the limit only when asked', async ({ page, lab, request }, testInfo) => {
  await registerApp(request, lab, { name: 'Nightly sync', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'] });
  await registerApp(request, lab, { name: 'Partner portal', grantType: 'authorization_code', callbackUrls: ['http://127.0.0.1:8765/callback'], scopes: ['account:read'] });
  await lab.open(page);
  await page.goto(`${lab.origin}/#/demo`);
  const { dialog, narration, next } = demoParts(page);
  await next.click();
  const full = narration.getByTestId('demo-limit');
  await expect(full).toContainText('It holds 2 of 2 applications: Totango’s own limit');
  await expect(next).toBeDisabled();
  await saveScreenshot(page, testInfo, 'demo application limit');

  await full.getByRole('button', { name: 'Raise the limit to 3' }).click();
  await expect(narration.getByRole('heading', { name: 'The demo app is registered' })).toBeVisible();
  await expect(next).toBeEnabled();
  const status = await callLab<{ settings: { applicationLimit: number } }>(request, lab, 'mock', 'status');
  expect(status.settings.applicationLimit).toBe(3);
  await dialog.getByRole('button', { name: 'Leave demo mode' }).click();
  await expect(dialog).toHaveCount(0);
});
