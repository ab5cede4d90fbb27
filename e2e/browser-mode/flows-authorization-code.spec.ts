/**
 * The Flows screen against the real Lab, authorization code in browser mode: the consent
 * page opens in a new tab (caught as the context's new page), the person signs in and
 * approves, and the stepper finishes with the token; a refusal stops it at the callback
 * with the advice.
 */
import { createServer } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../support/browser-lab';
import { saveScreenshot } from '../support/screenshots';
import { registerApp } from './flows-support';

/** A port free right now, for the app's registered callback URL. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Runs the flow from the screen and returns the consent tab the window opened. */
async function startFlow(page: Page, context: BrowserContext): Promise<Page> {
  const consentTab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Run the flow' }).click();
  const tab = await consentTab;
  await tab.waitForLoadState();
  return tab;
}

test('runs the authorization-code grant through the consent page in a new tab, to the token', async ({ page, context, lab, request }, testInfo) => {
  const callback = `http://127.0.0.1:${await freePort()}/callback`;
  await registerApp(request, lab, { name: 'Partner portal', grantType: 'authorization_code', callbackUrls: [callback], scopes: ['account:read', 'user:read'] });
  await lab.open(page);
  await page.goto(`${lab.origin}/#/flows`);
  await expect(page.getByRole('combobox', { name: 'Application' })).toHaveValue('Partner portal · authorization code');
  await expect(page.getByRole('radio', { name: 'Authorization code' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Callback URL' })).toHaveValue(callback);
  await page.getByRole('checkbox', { name: 'user:read' }).uncheck();

  const tab = await startFlow(page, context);
  // While the person is away: the consent link (in case a blocker refused the tab) and Cancel.
  const steps = page.getByRole('list', { name: 'Steps of the flow' }).getByRole('listitem');
  await expect(steps.filter({ hasText: 'Callback received' })).toContainText('in progress');
  await expect(page.getByRole('link', { name: 'Open the consent page' })).toHaveAttribute('href', /\/oauth\/authorize\?.*code_challenge_method=S256/);
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(steps.filter({ hasText: 'Authorization request built' })).toContainText('with a PKCE S256 challenge');
  await saveScreenshot(page, testInfo, 'flows authorization code waiting for consent');

  await expect(tab.getByRole('heading', { name: 'Sign in to Totango' })).toBeVisible();
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await expect(tab.getByRole('heading', { name: 'Authorize Partner portal' })).toBeVisible();
  await tab.getByRole('button', { name: 'Approve' }).click();
  await expect(tab.getByRole('heading', { name: 'Sign-in received' })).toBeVisible();

  for (const title of ['Authorization request built', 'Consent page opened', 'Callback received', 'Code exchanged', 'Token received']) {
    await expect(steps.filter({ hasText: title })).toContainText('done');
  }
  await expect(steps.filter({ hasText: 'Token received' })).toContainText('for the scopes account:read');
  await expect(page.getByRole('link', { name: 'Open the consent page' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(page.getByRole('img', { name: /^Sequence diagram of the authorization code flow/ })).toHaveAccessibleName(/6 of 8 messages so far/);
  const messages = page.getByRole('list', { name: 'The flow’s messages, in order' }).getByRole('listitem');
  await expect(messages.nth(2)).toContainText('Authorization server → Browser: redirect with the code and state done');
  await expect(messages.nth(5)).toContainText('Authorization server → Lab: access token just now');
  await expect(page.getByRole('region', { name: 'The token', exact: true })).toContainText('account:read');
  await saveScreenshot(page, testInfo, 'flows authorization code token received');
  expect(lab.errors).toEqual([]);
});

test('stops at the callback when the person denies consent, and says what happened', async ({ page, context, lab, request }, testInfo) => {
  const callback = `http://127.0.0.1:${await freePort()}/callback`;
  await registerApp(request, lab, { name: 'Partner portal', grantType: 'authorization_code', callbackUrls: [callback], scopes: ['account:read'] });
  await lab.open(page);
  await page.goto(`${lab.origin}/#/flows`);
  const tab = await startFlow(page, context);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await tab.getByRole('button', { name: 'Deny' }).click();

  const steps = page.getByRole('list', { name: 'Steps of the flow' }).getByRole('listitem');
  const callbackStep = steps.filter({ hasText: 'Callback received' });
  await expect(callbackStep).toContainText('failed');
  await expect(callbackStep).toContainText('The browser came back to the loopback server with the error "access_denied"');
  await expect(callbackStep.getByRole('alert')).toContainText('The flow stopped here: access_denied');
  await expect(callbackStep.getByRole('alert')).toContainText('The person declined consent');
  await expect(steps.filter({ hasText: 'Code exchanged' })).toContainText('not reached');
  await saveScreenshot(page, testInfo, 'flows authorization code access denied');
});
