/**
 * What the product promises a newcomer (issue 6, "Done when"): within a minute, register an
 * app on the mock, get a token, see it decoded, and see a red row in the diagnostics that
 * names the missing scope and its fix. Driven through the window, screen by screen, with
 * a screenshot at each step.
 *
 * The app is a client-credentials app holding account:read and touchpoint:all, acting as
 * the seeded active user u-1003 (Integration Bot). Until the Apps screen registers apps,
 * it is registered through the contract, as a script would (the launch token in its
 * header); the rest goes through the screens.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, test, type BrowserLab } from '../support/browser-lab';
import { saveScreenshot } from '../support/screenshots';

async function callLab<T>(request: APIRequestContext, lab: BrowserLab, service: string, method: string, input: unknown = {}): Promise<T> {
  const response = await request.post(`${lab.origin}/api/call`, { headers: { 'x-lab-token': lab.token }, data: { service, method, input } });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${service}.${method} refused: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

test('a newcomer registers an app, gets a token, sees it decoded, and reads the red row naming the missing scope and its fix', async ({ page, lab, request }, testInfo) => {
  const started = Date.now();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await lab.open(page);
  const navigation = page.getByRole('navigation', { name: 'Areas' });
  const goTo = async (area: string) => {
    await navigation.getByRole('link', { name: area, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: area, exact: true })).toBeVisible();
  };
  await saveScreenshot(page, testInfo, 'walkthrough 1 the window opens');

  // 1. Register a client-credentials app with account:read and touchpoint:all, acting as an active user.
  await callLab(request, lab, 'applications', 'create', { name: 'My first integration', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'touchpoint:all'] });
  await goTo('Apps');
  await saveScreenshot(page, testInfo, 'walkthrough 2 the app is registered');

  // 2. Flows: client credentials with that app.
  await goTo('Flows');
  await expect(page.getByRole('textbox', { name: 'Application' }).or(page.getByRole('combobox', { name: 'Application' }))).toHaveValue(/My first integration/);
  await page.getByRole('button', { name: 'Run the flow' }).click();
  const tokenSection = page.getByRole('region', { name: 'The token', exact: true });
  await expect(tokenSection).toBeVisible();
  await expect(tokenSection).toContainText('account:read');
  await expect(tokenSection).toContainText('touchpoint:all');
  await saveScreenshot(page, testInfo, 'walkthrough 3 the flow got a token');

  // 3. Tokens: the token decoded, its claims explained.
  await tokenSection.getByRole('link', { name: 'Decode it in Tokens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();
  await expect(page.getByTestId('token-inspection')).toHaveAttribute('data-token-kind', 'jwt');
  const claims = page.getByRole('table', { name: 'Claims' });
  await expect(claims).toContainText('account:read');
  await expect(claims).toContainText('u-1003');
  await saveScreenshot(page, testInfo, 'walkthrough 4 the token decoded');

  // 4. Diagnostics: run every endpoint.
  await goTo('Diagnostics');
  await page.getByRole('button', { name: 'Run all endpoints' }).click();
  await expect(page.getByRole('listitem', { name: 'Pass: 7' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Fail: 22' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'walkthrough 5 the diagnostics ran');

  // 5. The red row: updating accounts needs account:upsert, which the app lacks.
  await page.getByRole('radiogroup', { name: 'Show rows by verdict' }).getByText('Fail 22', { exact: true }).click();
  const matrix = page.getByRole('table', { name: 'Diagnostics matrix' });
  const row = matrix.locator('tr[data-endpoint="upsert-accounts"]');
  await expect(row).toHaveAttribute('data-verdict', 'fail');
  await expect(row).toContainText('account:upsert');
  await expect(row).toContainText('403 insufficient_scope');
  await expect(row.getByText('Fail', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Details of Create or update accounts' }).click();
  const details = matrix.locator('[data-details-of="upsert-accounts"]');
  await expect(details.getByTestId('row-cause')).toHaveText(
    'The token holds no scope that covers "account:upsert", which POST /int-hub/api/v1/accounts requires, so the server refused it with 403 insufficient_scope, as the scope rules predicted.',
  );
  await expect(details.getByTestId('fix-text')).toHaveText("Add account:upsert to the app's scopes");
  await expect(details.getByRole('group', { name: 'The fix' })).toContainText('account:all');
  // Back to the top: the full-page screenshot then shows the header where it belongs.
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, testInfo, 'walkthrough 6 the red row names the missing scope and the fix');

  // The promise: all of it within a minute.
  expect(Date.now() - started).toBeLessThan(60_000);
  expect(pageErrors).toEqual([]);
  expect(lab.errors).toEqual([]);
});
