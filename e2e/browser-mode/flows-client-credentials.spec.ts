/**
 * The Flows screen against the real Lab, client credentials: an app registered through the
 * contract, run from the screen (loaded onto the mock target on the way), each step and
 * its exchange, the diagram lit, the token, one API call with it; and a scope the app
 * lacks, refused with the advice.
 */
import { expect, test } from '../support/browser-lab';
import { saveScreenshot } from '../support/screenshots';
import { registerApp } from './flows-support';

test('runs the client-credentials grant step by step, lights the diagram and gets a token', async ({ page, lab, request }, testInfo) => {
  await registerApp(request, lab, { name: 'Nightly sync', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'touchpoint:all'] });
  await lab.open(page);
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Flows', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Flows' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Application' })).toHaveValue('Nightly sync · client credentials');
  await expect(page.getByRole('radio', { name: 'Client credentials' })).toBeChecked();
  const diagram = page.getByRole('img', { name: /^Sequence diagram of the client credentials flow/ });
  await expect(diagram).toHaveAccessibleName(/0 of 4 messages so far/);
  await saveScreenshot(page, testInfo, 'flows client credentials ready');

  await page.getByRole('button', { name: 'Run the flow' }).click();
  const steps = page.getByRole('list', { name: 'Steps of the flow' });
  const tokenStep = steps.getByRole('listitem').filter({ hasText: 'Token received' });
  await expect(tokenStep).toContainText('done');
  await expect(tokenStep).toContainText(/Received a bearer access token for the scopes account:read, touchpoint:all, valid 24 h/i);
  await expect(steps.getByRole('listitem').filter({ hasText: 'Token request built' })).toContainText('HTTP Basic (client_secret_basic)');

  // The diagram: the token request done, the token the latest message.
  await expect(diagram).toHaveAccessibleName(/2 of 4 messages so far/);
  const messages = page.getByRole('list', { name: 'The flow’s messages, in order' }).getByRole('listitem');
  await expect(messages.nth(0)).toContainText('Lab → Authorization server: POST /oauth/token: client credentials done');
  await expect(messages.nth(1)).toContainText('Authorization server → Lab: access token just now');
  await expect(messages.nth(2)).toContainText('not yet');

  // The exchange behind the step, on demand.
  await tokenStep.getByRole('button', { name: 'Show the HTTP exchange: token received' }).click();
  await expect(tokenStep.getByText('200 OK')).toBeVisible();
  await expect(tokenStep.getByText(/\/oauth\/token$/)).toBeVisible();
  await expect(tokenStep.getByRole('tab', { name: 'curl' })).toBeVisible();

  // The token, shortened and marked secret, with where to go next.
  const token = page.getByRole('region', { name: 'The token', exact: true });
  await expect(token.getByLabel('The access token, shortened')).toHaveAttribute('data-secret');
  await expect(token.getByLabel('The access token, shortened')).toHaveText(/^eyJ[\w-]{5}…[\w-]{4}$/);
  await expect(token.getByRole('link', { name: 'Decode it in Tokens' })).toHaveAttribute('href', '#/tokens');
  await expect(page.getByTestId('selected-target')).toHaveText('Local mock Totango (US)');
  await saveScreenshot(page, testInfo, 'flows client credentials token received');

  // The token at work: the last two messages light up.
  await page.getByRole('button', { name: 'Call the API with the token' }).click();
  await expect(page.getByRole('region', { name: 'Use the token' }).getByText('200 OK')).toBeVisible();
  await expect(messages.nth(3)).toContainText('API → Lab: HTTP 200 just now');
  await expect(diagram).toHaveAccessibleName(/4 of 4 messages so far/);
  await saveScreenshot(page, testInfo, 'flows client credentials api call');
  expect(lab.errors).toEqual([]);
});

test('stops at the token request when the app lacks a scope asked for, with the cause and the advice', async ({ page, lab, request }, testInfo) => {
  await registerApp(request, lab, { name: 'Nightly sync', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'] });
  await lab.open(page);
  await page.goto(`${lab.origin}/#/flows`);
  await page.getByRole('textbox', { name: 'Also ask for' }).fill('user:read');
  await page.getByRole('button', { name: 'Run the flow' }).click();

  const steps = page.getByRole('list', { name: 'Steps of the flow' }).getByRole('listitem');
  const failed = steps.filter({ hasText: 'Token received' });
  await expect(failed).toContainText('failed');
  await expect(steps.filter({ hasText: 'Token request built' })).toContainText('done');
  const failure = failed.getByRole('alert');
  await expect(failure).toContainText('The flow stopped here: invalid_scope');
  await expect(failure).toContainText('user:read');
  await expect(failure).toContainText('The app does not hold that scope');
  await expect(failure.getByRole('link', { name: 'Open Apps' })).toHaveAttribute('href', '#/apps');
  await expect(page.getByRole('list', { name: 'The flow’s messages, in order' }).getByRole('listitem').nth(1)).toContainText('failed');
  // The refused answer is there to read.
  await failed.getByRole('button', { name: 'Show the HTTP exchange: token received' }).click();
  await expect(failed.getByText('400 Bad Request')).toBeVisible();
  await expect(page.getByRole('region', { name: 'The token', exact: true })).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'flows client credentials invalid scope');
});

test('fits a 1024x700 window in the dark theme, the diagram and the steps readable', async ({ page, lab, request }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await registerApp(request, lab, { name: 'Nightly sync', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'] });
  await lab.open(page);
  await page.goto(`${lab.origin}/#/flows`);
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByRole('button', { name: 'Run the flow' }).click();
  await expect(page.getByRole('region', { name: 'The token', exact: true })).toBeVisible();
  // Nothing wider than the window.
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  await expect(page.getByRole('img', { name: /2 of 4 messages so far/ })).toBeInViewport({ ratio: 0.5 });
  await saveScreenshot(page, testInfo, 'flows client credentials 1024x700 dark');
});
