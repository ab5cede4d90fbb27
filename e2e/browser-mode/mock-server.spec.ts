/**
 * The Mock server screen against the real Lab in browser mode: its URLs (copied), users,
 * settings, clock, faults, the live request log and the tenant data reset, each with a
 * screenshot; and every tab at the smallest window size the Lab supports.
 */
import type { Page } from '@playwright/test';
import { expect, test, type BrowserLab } from '../support/browser-lab';
import { saveScreenshot } from '../support/screenshots';

const TABS = ['Status', 'Users', 'Settings', 'Clock', 'Faults', 'Request log'] as const;

async function openMockServer(page: Page, lab: BrowserLab, tab: (typeof TABS)[number] = 'Status') {
  await lab.open(page);
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Mock server', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mock server' })).toBeVisible();
  await expect(page.getByTestId('mock-state')).toHaveText('Running, started by the Lab');
  if (tab !== 'Status') await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
}

/** The US token endpoint as the Status tab shows it. */
async function usTokenEndpoint(page: Page): Promise<string> {
  const row = page.getByRole('table', { name: 'US region endpoints' }).getByRole('row', { name: /^Token endpoint/ });
  return (await row.locator('code').textContent()) ?? '';
}

/** A client-credentials request with an unknown client: the mock answers 401 invalid_client. */
async function unknownClientTokenRequest(tokenUrl: string): Promise<Response> {
  return fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('tl_e2e_unknown:wrong').toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
}

test('shows the URLs of both regions, and a copy button copies one', async ({ page, lab, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openMockServer(page, lab);
  const tokenUrl = await usTokenEndpoint(page);
  expect(tokenUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/token$/);
  await expect(page.getByRole('table', { name: 'EU region endpoints' }).getByRole('row', { name: /^Issuer/ })).toContainText(/http:\/\/127\.0\.0\.1:\d+/);
  await expect(page.getByRole('table', { name: "The mock's addresses and data directory" })).toContainText(lab.dataDir);

  await page.getByRole('button', { name: 'Copy the US token endpoint' }).click();
  await expect(page.getByRole('button', { name: 'Copy the US token endpoint: copied' })).toBeVisible();
  // Evaluated as a string: the test runs in Node, whose types know no `navigator`.
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(tokenUrl);
  // The copied URL is the mock's own: it answers like Totango's token endpoint.
  expect((await unknownClientTokenRequest(tokenUrl)).status).toBe(401);
  await saveScreenshot(page, testInfo, 'mock server status');
});

test('disables a seeded user and adds a new one', async ({ page, lab }, testInfo) => {
  await openMockServer(page, lab, 'Users');
  const daniel = page.getByTestId('user-row-u-1002');
  await expect(daniel.getByLabel('Status: active')).toBeVisible();
  await page.getByRole('button', { name: 'Disable Daniel Okafor' }).click();
  await expect(daniel.getByLabel('Status: disabled')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Activate Daniel Okafor' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByRole('textbox', { name: 'First name' }).fill('Noa');
  await form.getByRole('textbox', { name: 'Last name' }).fill('Levi');
  await form.getByRole('textbox', { name: 'Email' }).fill('noa.levi@acme-demo.example');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(form.getByRole('status')).toHaveText('Noa Levi was added, active.');
  await expect(page.getByRole('table', { name: 'Users of the mock account' }).getByRole('row', { name: /Noa Levi/ })).toContainText('active');
  await saveScreenshot(page, testInfo, 'mock server users');

  await page.getByRole('button', { name: 'Delete Daniel Okafor' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete Daniel Okafor?' })).toContainText('Deletion is final');
  await saveScreenshot(page, testInfo, 'mock server delete user confirmation');
  await page.getByRole('button', { name: 'Keep the user' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('raises the application limit to 3', async ({ page, lab }, testInfo) => {
  await openMockServer(page, lab, 'Settings');
  const limit = page.getByRole('textbox', { name: 'Application limit' });
  await expect(limit).toHaveValue('2');
  await limit.fill('3');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved: the mock uses these settings from now on.')).toBeVisible();
  await saveScreenshot(page, testInfo, 'mock server settings');

  // The mock kept it: a reload reads it back.
  await page.reload();
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Mock server', exact: true }).click();
  await page.getByRole('tab', { name: /^Settings/ }).click();
  await expect(page.getByRole('textbox', { name: 'Application limit' })).toHaveValue('3');
});

test('moves the clock a day forward and back to now', async ({ page, lab }, testInfo) => {
  await openMockServer(page, lab, 'Clock');
  const offset = page.getByTestId('clock-offset');
  await expect(offset).toHaveText('in step with real time');
  await page.getByRole('button', { name: '+1 day' }).click();
  await expect(offset).toHaveText('1 day ahead of real time');
  await expect(page.getByRole('tab', { name: /^Clock/ })).toContainText('moved');
  await saveScreenshot(page, testInfo, 'mock server clock moved');
  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect(offset).toHaveText('in step with real time');
  await expect(page.getByRole('button', { name: 'Back to now' })).toBeDisabled();
});

test('injects a token-endpoint fault, sees it listed and used, then clears it', async ({ page, lab }, testInfo) => {
  await openMockServer(page, lab);
  const tokenUrl = await usTokenEndpoint(page);
  await page.getByRole('tab', { name: /^Faults/ }).click();
  const form = page.getByRole('form', { name: 'Inject a fault' });
  await form.getByRole('textbox', { name: 'HTTP status' }).fill('503');
  await form.getByRole('textbox', { name: 'OAuth error code' }).fill('temporarily_unavailable');
  await form.getByRole('textbox', { name: 'Requests affected' }).fill('3');
  await form.getByRole('button', { name: 'Inject fault' }).click();

  const row = page.getByTestId('fault-row');
  await expect(row).toContainText('Token endpoint (/oauth/token)');
  await expect(row).toContainText('HTTP 503 temporarily_unavailable');
  await expect(row).toContainText('3 more requests');

  const answer = await unknownClientTokenRequest(tokenUrl);
  expect(answer.status).toBe(503);
  expect(((await answer.json()) as { error: string }).error).toBe('temporarily_unavailable');
  await expect(row).toContainText('2 more requests');
  await saveScreenshot(page, testInfo, 'mock server faults');

  await page.getByRole('button', { name: 'Clear the fault on Token endpoint (/oauth/token)' }).click();
  await expect(page.getByText(/No fault is in force/)).toBeVisible();
  expect((await unknownClientTokenRequest(tokenUrl)).status).toBe(401);
});

test('the request log shows the requests the mock serves, live, and pauses', async ({ page, lab }, testInfo) => {
  await openMockServer(page, lab);
  const tokenUrl = await usTokenEndpoint(page);
  await page.getByRole('tab', { name: /^Request log/ }).click();
  const log = page.getByRole('table', { name: 'Requests the mock served, newest first' });

  await unknownClientTokenRequest(tokenUrl);
  const tokenRow = log.getByRole('row').filter({ hasText: '/oauth/token' }).first();
  await expect(tokenRow).toContainText('POST');
  await expect(tokenRow).toContainText('401');
  await expect(tokenRow).toContainText('invalid_client');
  await expect(tokenRow).toContainText('US');
  await saveScreenshot(page, testInfo, 'mock server request log');

  await page.getByRole('button', { name: 'Pause' }).click();
  const metadataUrl = tokenUrl.replace('/oauth/token', '/.well-known/oauth-authorization-server');
  expect((await fetch(metadataUrl)).status).toBe(200);
  await expect(page.getByTestId('request-log-summary')).toContainText('Paused: 1 new request waits');
  await expect(log.getByRole('row').filter({ hasText: '/.well-known/oauth-authorization-server' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(log.getByRole('row').filter({ hasText: '/.well-known/oauth-authorization-server' })).toHaveCount(1);

  await page.getByRole('combobox', { name: 'Server' }).click();
  await page.getByRole('option', { name: 'Admin API' }).click();
  await expect(log.getByRole('row').filter({ hasText: '/oauth/token' })).toHaveCount(0);
});

test('resets the tenant data after saying what is reset and what is not', async ({ page, lab }, testInfo) => {
  await openMockServer(page, lab);
  await page.getByRole('button', { name: 'Reset tenant data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset the tenant data?' });
  await expect(dialog.getByRole('list', { name: 'Reset' })).toContainText('accounts and their users (contacts)');
  await expect(dialog.getByRole('list', { name: 'Not touched' })).toContainText('the OAuth applications');
  await saveScreenshot(page, testInfo, 'mock server data reset confirmation');
  await dialog.getByRole('button', { name: 'Reset tenant data' }).click();
  await expect(page.getByText('The tenant data is back to its seed.')).toBeVisible();
});

test('every tab fits a 1024x700 window, light and dark', async ({ page, lab }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openMockServer(page, lab);
  const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  for (const tab of TABS) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await saveScreenshot(page, testInfo, `mock server ${tab} 1024x700`);
  }
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByRole('tab', { name: /^Status/ }).click();
  await saveScreenshot(page, testInfo, 'mock server status dark');
});
