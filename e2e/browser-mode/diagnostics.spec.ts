/**
 * The Diagnostics screen against a real Lab in browser mode: a client-credentials app on
 * the mock holding account:read and touchpoint:all runs every endpoint (7 pass, the other
 * 22 fail, each naming its fix), filters to the failures, opens one onto its cause and
 * HTTP exchange, exports CSV; the least-privilege recommender; a custom base URL (a real
 * tenant, as far as the Lab knows) asks before any write; and the empty state.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { CATALOGUE } from '../../shared/catalogue';
import { expect, test, type BrowserLab } from '../support/browser-lab';
import { callLab } from '../support/lab-contract';
import { saveScreenshot } from '../support/screenshots';

/** One contract call, as a script would make it: the launch token in its header. */
/** A client-credentials app acting as the seeded active user u-1003, and a token from it. */
async function appWithToken(request: APIRequestContext, lab: BrowserLab, scopes: string[]): Promise<{ clientId: string; clientSecret: string }> {
  const created = await callLab<{ application: { clientId: string }; clientSecret: string }>(request, lab, 'applications', 'create', {
    name: 'Diagnostics e2e',
    grantType: 'client_credentials',
    actingUserId: 'u-1003',
    scopes,
  });
  await callLab(request, lab, 'targets', 'useApplication', { clientId: created.application.clientId });
  await callLab(request, lab, 'flows', 'clientCredentials', {});
  return { clientId: created.application.clientId, clientSecret: created.clientSecret };
}

async function openDiagnostics(page: Page, lab: BrowserLab): Promise<void> {
  await lab.open(page);
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Diagnostics', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
}

const matrix = (page: Page) => page.getByRole('table', { name: 'Diagnostics matrix' });

test('runs every endpoint: 7 pass, 22 fail with their fixes; filters to the failures, opens one, exports CSV', async ({ page, lab, request }, testInfo) => {
  await appWithToken(request, lab, ['account:read', 'touchpoint:all']);
  await openDiagnostics(page, lab);
  const notRun = page.getByTestId('diagnostics-not-run');
  await expect(notRun).toContainText('Not run yet');
  await saveScreenshot(page, testInfo, 'diagnostics not run yet');

  await notRun.getByRole('button', { name: 'Run all endpoints' }).click();
  await expect(page.getByRole('listitem', { name: 'Pass: 7' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Fail: 22' })).toBeVisible();
  await expect(matrix(page).locator('tr[data-verdict]')).toHaveCount(29);
  await expect(matrix(page).locator('tr[data-verdict="pass"]')).toHaveCount(7);
  await expect(matrix(page).locator('tr[data-verdict="fail"]')).toHaveCount(22);
  await saveScreenshot(page, testInfo, 'diagnostics matrix');

  const verdicts = page.getByRole('radiogroup', { name: 'Show rows by verdict' });
  await verdicts.getByText('Fail 22', { exact: true }).click();
  await expect(matrix(page).locator('tr[data-verdict]')).toHaveCount(22);
  await expect(matrix(page).locator('tr[data-verdict="pass"]')).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'diagnostics failures only');

  await page.getByRole('button', { name: 'Details of The user the token acts as' }).click();
  const details = matrix(page).locator('[data-details-of="whoami"]');
  await expect(details.getByTestId('row-cause')).toContainText('no scope that covers "system_user:read"');
  await expect(details.getByTestId('fix-text')).toHaveText("Add system_user:read to the app's scopes");
  await expect(details.getByRole('group', { name: 'The fix' })).toContainText('system_user:all');
  // The exchange behind the row, from the recorder: the request went to the mock, the answer was 403.
  await expect(details.getByText(/\/api\/v1\/users\/whoami$/)).toBeVisible();
  await expect(details.getByText('403 Forbidden')).toBeVisible();
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, testInfo, 'diagnostics failure opened');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^diagnostics-[\dT-]+Z\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8')).split('\r\n').filter((line) => line !== '');
  expect(lines[0]).toBe('endpoint,method,path,required scope,covered by,rule,predicted,status,verdict,fix,cause');
  expect(lines).toHaveLength(30);
  const failures = lines.slice(1).filter((line) => line.includes(',fail,'));
  expect(failures).toHaveLength(22);
  // Every failure names the scope to add.
  for (const line of failures) expect(line).toMatch(/,fail,"add ""[a-z_:]+""/);

  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await saveScreenshot(page, testInfo, 'diagnostics failure opened dark');

  // The smallest window the Lab supports: the matrix scrolls inside its frame, the page does not.
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(page.getByRole('button', { name: 'Run all endpoints' })).toBeInViewport();
  expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, testInfo, 'diagnostics at 1024x700');
  expect(lab.errors).toEqual([]);
});

test('recommends the least-privilege scopes for the ticked endpoints and warns about touchpoint:all', async ({ page, lab, request }, testInfo) => {
  await appWithToken(request, lab, ['account:read', 'touchpoint:all']);
  await openDiagnostics(page, lab);
  await page.getByRole('tab', { name: 'Least privilege' }).click();
  await page.getByRole('checkbox', { name: 'Search accounts (POST /api/v1/search/accounts)' }).check();
  await page.getByRole('checkbox', { name: 'Create a touchpoint (POST /api/v3/touchpoints)' }).check();
  await page.getByRole('checkbox', { name: 'The user the token acts as (GET /api/v1/users/whoami)' }).check();
  const result = page.getByRole('region', { name: 'Least-privilege scopes' });
  await expect(result.getByTestId('least-privilege-scopes')).toHaveText('account:read system_user:read touchpoint:create');
  await expect(result).toContainText('The current token lacks:system_user:read');
  await expect(result.locator('[data-warning="entity_all"]')).toContainText('"touchpoint:all" grants every operation on its entity; the integration needs only "touchpoint:create"');

  await page.getByRole('checkbox', { name: 'Select all of accounts' }).check();
  await expect(result.getByTestId('least-privilege-scopes')).toHaveText('account:read account:upsert account:definitions:upsert system_user:read touchpoint:create');
  await saveScreenshot(page, testInfo, 'diagnostics least privilege');
});

test('against a custom base URL (a real tenant), asks before writes and runs only the ticked ones', async ({ page, lab, request }, testInfo) => {
  const app = await appWithToken(request, lab, ['account:read', 'touchpoint:all']);
  const status = await callLab<{ urls: { regions: { us: { issuer: string } } } }>(request, lab, 'mock', 'status');
  const custom = await callLab<{ key: string }>(request, lab, 'targets', 'addCustom', { baseUrl: status.urls.regions.us.issuer, label: 'Customer tenant' });
  await callLab(request, lab, 'targets', 'setCredentials', { targetKey: custom.key, clientId: app.clientId, clientSecret: app.clientSecret });
  await callLab(request, lab, 'targets', 'select', { targetKey: custom.key });
  await callLab(request, lab, 'flows', 'clientCredentials', {});
  await openDiagnostics(page, lab);

  await page.getByRole('button', { name: 'Run all endpoints' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run the diagnostics against Customer tenant?' });
  const writes = CATALOGUE.filter((e) => e.effect !== 'read');
  await expect(dialog.getByRole('group', { name: 'Writes and deletes to run' }).getByRole('checkbox')).toHaveCount(writes.length);
  await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: 'Run Create a touchpoint (POST /api/v3/touchpoints)' }).check();
  await saveScreenshot(page, testInfo, 'diagnostics write confirmation');
  await dialog.getByRole('button', { name: 'Run the reads and 1 write' }).click();

  await expect(page.getByRole('listitem', { name: `Skipped: ${writes.length - 1}` })).toBeVisible();
  await expect(matrix(page).locator('tr[data-endpoint="create-touchpoint"]')).toHaveAttribute('data-verdict', 'pass');
  await expect(matrix(page).locator('tr[data-endpoint="delete-touchpoint"]')).toHaveAttribute('data-verdict', 'skipped');
  await saveScreenshot(page, testInfo, 'diagnostics real tenant run');
});

test('without a token, says so and leads to Flows', async ({ page, lab }, testInfo) => {
  await openDiagnostics(page, lab);
  const empty = page.getByTestId('diagnostics-no-token');
  await expect(empty).toContainText('No token to run with');
  await saveScreenshot(page, testInfo, 'diagnostics without a token');
  await empty.getByRole('button', { name: 'Go to Flows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Flows' })).toBeVisible();
});
