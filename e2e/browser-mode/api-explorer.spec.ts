/**
 * The API explorer against the real Lab: with a token holding system_user:read only,
 * GET whoami answers 200 with the acting user, and the account search is refused 403
 * with the cause naming the scope it lacks. The app and its token are set up through the
 * contract (what the Apps and Flows screens call), over the browser-mode host's API.
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

/** A client-credentials app acting as an active mock user, and its token made current. */
async function getToken(lab: BrowserLab, scopes: string[]) {
  const contract = labContract(lab);
  const actingUser = (await contract.users.list({})).users.find((user) => user.status === 'active');
  if (actingUser === undefined) throw new Error('the mock has no active user');
  const { application } = await contract.applications.create({ name: 'Explorer walkthrough', grantType: 'client_credentials', actingUserId: actingUser.id, scopes });
  await contract.targets.useApplication({ clientId: application.clientId });
  await contract.flows.clientCredentials({});
  return actingUser;
}

async function openExplorer(page: Page) {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'API explorer', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API explorer' })).toBeVisible();
}

const endpoint = (page: Page, id: string) => page.locator(`button[data-endpoint="${id}"]`);

test('calls GET whoami with the current token and shows the acting user; a search the token lacks the scope for is refused, the cause naming it', async ({ page, lab }, testInfo) => {
  const actingUser = await getToken(lab, ['system_user:read']);
  await lab.open(page);
  await openExplorer(page);
  await expect(page.getByRole('navigation', { name: 'Endpoints' }).locator('button[data-endpoint]')).toHaveCount(29);
  await expect(endpoint(page, 'whoami').locator('[data-coverage]')).toHaveText('covered by system_user:read (exact)');
  await expect(endpoint(page, 'search-accounts').locator('[data-coverage]')).toHaveText('not covered');
  await screenshot(page, testInfo, 'api explorer list');

  await endpoint(page, 'whoami').click();
  const workspace = page.getByTestId('explorer-workspace');
  await expect(workspace).toHaveAttribute('data-endpoint', 'whoami');
  await workspace.getByRole('button', { name: 'Send' }).click();
  const response = page.getByTestId('explorer-response');
  await expect(response.getByTestId('response-status')).toHaveText('200 OK');
  await expect(response.getByTestId('response-body')).toContainText(`"id": "${actingUser.id}"`);
  await expect(response.getByTestId('response-body')).toContainText(actingUser.email);
  await response.getByRole('tab', { name: 'curl' }).click();
  await expect(response.getByText(/^curl /)).toContainText('$ACCESS_TOKEN');
  await screenshot(page, testInfo, 'api explorer whoami 200');

  await endpoint(page, 'search-accounts').click();
  await expect(workspace).toHaveAttribute('data-endpoint', 'search-accounts');
  await expect(workspace.getByRole('textbox', { name: /Form field "query"/ })).toHaveValue(/"terms"/);
  await workspace.getByRole('button', { name: 'Send' }).click();
  await expect(response.getByTestId('response-status')).toHaveText('403 Forbidden');
  await expect(response.getByTestId('response-failure')).toContainText('The token lacks the scope "account:read".');
  await expect(response.getByTestId('response-failure')).toContainText('Add "account:read" to the application and get a new token.');
  await screenshot(page, testInfo, 'api explorer search 403 missing scope');

  // Back to whoami: its answer is still there.
  await endpoint(page, 'whoami').click();
  await expect(response.getByTestId('response-status')).toHaveText('200 OK');
  expect(lab.errors).toEqual([]);
});

test('refuses to send invalid JSON, and says to run a flow when there is no token (at 1024x700, dark)', async ({ page, lab }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await lab.open(page);
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await openExplorer(page);
  await endpoint(page, 'update-touchpoint').click();
  const workspace = page.getByTestId('explorer-workspace');
  const send = workspace.getByRole('button', { name: 'Send' });
  await expect(send).toBeDisabled();
  await expect(workspace).toContainText('There is no current token: run a flow first');
  await expect(workspace.getByRole('textbox', { name: /note-id/ })).toHaveValue(/\S/);
  await screenshot(page, testInfo, 'api explorer no token');

  await getToken(lab, ['touchpoint:all']);
  await expect(endpoint(page, 'update-touchpoint').locator('[data-coverage]')).toHaveText('covered by touchpoint:all (all)');
  await expect(send).toBeEnabled();
  const body = workspace.getByRole('textbox', { name: 'Request body (JSON)' });
  await body.fill('{"subject": ');
  await expect(workspace.getByText(/^Not valid JSON: /)).toBeVisible();
  await expect(send).toBeDisabled();
  await screenshot(page, testInfo, 'api explorer invalid json');
  await workspace.getByRole('button', { name: 'Reset to the example' }).click();
  await expect(send).toBeEnabled();
  await send.click();
  await expect(page.getByTestId('response-status')).toHaveText(/^2\d\d /);
  await expect(page.getByTestId('explorer-response')).toBeInViewport();
  await screenshot(page, testInfo, 'api explorer touchpoint updated');
  expect(lab.errors).toEqual([]);
});
