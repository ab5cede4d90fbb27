/**
 * The Tokens screen against the real Lab: the token a client-credentials flow got is
 * decoded, its claims explained and its signature checked against the mock's JWKS;
 * pasted garbage is said to be opaque or not a token; a pasted token becomes current.
 * The app and the flow are set up through the contract (what the Apps and Flows screens
 * call), over the browser-mode host's API with the launch token.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test, type BrowserLab } from '../support/browser-lab';
import { labContract } from '../support/lab-contract';
import { saveScreenshot } from '../support/screenshots';

/** A full-page screenshot from the top (scrolled, the fixed header would be drawn mid-page). */
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, testInfo, name);
}

/** Registers a client-credentials app acting as an active mock user, and runs the flow: the Lab holds a current token. */
async function getToken(lab: BrowserLab, scopes: string[]) {
  const contract = labContract(lab);
  const { users } = await contract.users.list({});
  const actingUser = users.find((user) => user.status === 'active');
  if (actingUser === undefined) throw new Error('the mock has no active user');
  const { application } = await contract.applications.create({ name: 'Tokens walkthrough', grantType: 'client_credentials', actingUserId: actingUser.id, scopes });
  await contract.targets.useApplication({ clientId: application.clientId });
  const outcome = await contract.flows.clientCredentials({});
  return { contract, accessToken: outcome.token.accessToken, actingUser };
}

async function openTokens(page: Page) {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Tokens', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();
}

test('decodes the current token from a flow: claims explained, scopes expanded, signature verified, countdown running', async ({ page, lab }, testInfo) => {
  await lab.open(page);
  await openTokens(page);
  await expect(page.getByText('Run a flow or paste a token')).toBeVisible();
  await screenshot(page, testInfo, 'tokens no token');

  // A flow gets a token: the screen follows the Lab's event.
  const { accessToken } = await getToken(lab, ['system_user:read', 'touchpoint:all']);
  const claims = page.getByRole('table', { name: 'Claims' });
  await expect(claims).toBeVisible();
  await expect(claims.locator('[data-name="scope"]').getByRole('listitem')).toHaveText([/^system_user:read\s*Read Totango users and teams$/, /^touchpoint:all\s*Every operation on touchpoints/]);
  await expect(claims.locator('[data-name="iss"]')).toContainText('Issuer: the authorization server that issued the token');
  await expect(page.getByRole('table', { name: 'Header' }).locator('[data-name="typ"]')).toContainText('at+jwt');

  const checks = page.getByRole('table', { name: 'Verification checks' });
  await expect(checks.locator('[data-check="signature"]')).toContainText('pass');
  await expect(checks.locator('[data-check="signature"]')).toContainText('The signature verifies with a key of');
  await expect(checks.locator('[data-check="cnf"]')).toContainText('skipped');
  await expect(page.getByTestId('token-verification')).toContainText('Verified');

  const countdown = page.getByRole('timer', { name: 'Time to expiry' });
  await expect(countdown).toHaveText(/^23 h 59 min \d+ s left$/);
  await expect(countdown).toHaveAttribute('data-urgency', 'ok');
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first ?? '');

  const raw = page.getByTestId('raw-token');
  await expect(raw).toHaveAttribute('data-secret');
  await expect(raw).not.toHaveText(accessToken);
  await expect(page.locator('body')).not.toContainText(accessToken);
  await screenshot(page, testInfo, 'tokens current token decoded');
  expect(lab.errors).toEqual([]);
});

test('says pasted garbage is opaque or not a token, and makes a pasted token current', async ({ page, lab }, testInfo) => {
  const { contract, accessToken } = await getToken(lab, ['account:read']);
  await contract.tokens.clear({});
  await lab.open(page);
  await openTokens(page);
  await page.getByRole('tab', { name: 'Paste a token' }).click();
  const box = page.getByRole('textbox', { name: 'Paste a token' });

  await box.fill('garbage-token-value');
  await page.getByRole('button', { name: 'Inspect' }).click();
  const inspection = page.getByTestId('token-inspection');
  await expect(inspection).toHaveAttribute('data-token-kind', 'opaque');
  await expect(inspection).toContainText('Opaque token');
  await expect(inspection).toContainText('The token is opaque: not a JWT');
  await screenshot(page, testInfo, 'tokens pasted opaque');

  await box.fill('not a token!');
  await page.getByRole('button', { name: 'Inspect' }).click();
  await expect(inspection).toHaveAttribute('data-token-kind', 'invalid');
  await expect(inspection).toContainText('Not a valid token');
  await page.getByRole('button', { name: 'Use as the current token' }).click();
  await expect(page.getByText('"token" cannot be used: not a token')).toBeVisible();
  await screenshot(page, testInfo, 'tokens pasted invalid');

  await box.fill(`Bearer ${accessToken}`);
  await page.getByRole('button', { name: 'Use as the current token' }).click();
  await expect(page.getByRole('tab', { name: 'Current token' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('current-token-details')).toContainText('Pasted');
  await expect(page.getByRole('table', { name: 'Verification checks' }).locator('[data-check="signature"]')).toContainText('pass');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await screenshot(page, testInfo, 'tokens pasted token made current dark 1024');
  expect((await contract.tokens.current({})).token?.source).toBe('pasted');
  expect(lab.errors).toEqual([]);
});
