/**
 * What the product promises a newcomer (issue 6, "Done when"): within a minute, register an
 * app on the mock, get a token, see it decoded, and see a red row in the diagnostics that
 * names the missing scope and its fix. Driven through the window only, screen by screen,
 * by roles and labels, with a screenshot at each step.
 *
 * The app is a client-credentials app holding account:read and touchpoint:all, acting as
 * the seeded active user Integration Bot (u-1003): it may read accounts, not update them.
 */
import { expect, test } from '../support/browser-lab';
import { saveScreenshot } from '../support/screenshots';

test('a newcomer registers an app, gets a token, sees it decoded, and reads the red row naming the missing scope and its fix', async ({ page, lab }, testInfo) => {
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

  // 1. Apps: register a client-credentials app with account:read and touchpoint:all, acting as an active user.
  await expect(page.getByRole('heading', { level: 1, name: 'Apps' })).toBeVisible();
  await page.getByTestId('apps-empty').getByRole('button', { name: 'Register an application' }).click();
  const form = page.getByRole('form', { name: 'Register New OAuth Application' });
  await form.getByRole('textbox', { name: /^Application name/ }).fill('My first integration');
  await form.getByRole('radio', { name: 'Client Credentials' }).check();
  await form.getByRole('combobox', { name: /^Acting user/ }).click();
  await page.getByRole('option', { name: /^Integration Bot/ }).click();
  await form.getByRole('checkbox', { name: 'account:read', exact: true }).check();
  await form.getByRole('checkbox', { name: 'touchpoint:all', exact: true }).check();
  await saveScreenshot(page, testInfo, 'walkthrough 2 the registration form');
  await form.getByRole('button', { name: 'Create Application' }).click();
  const result = page.getByTestId('registration-result');
  await expect(result.getByTestId('client-secret')).toHaveAttribute('data-secret', 'true');
  await saveScreenshot(page, testInfo, 'walkthrough 3 the app is registered');
  await result.getByRole('button', { name: 'Use in the Lab' }).click();
  await result.getByRole('button', { name: 'Go to Flows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Flows' })).toBeVisible();

  // 2. Flows: client credentials with that app.
  await expect(page.getByRole('combobox', { name: 'Application' })).toHaveValue('My first integration · client credentials');
  await expect(page.getByRole('radio', { name: 'Client credentials' })).toBeChecked();
  await page.getByRole('button', { name: 'Run the flow' }).click();
  const tokenSection = page.getByRole('region', { name: 'The token', exact: true });
  await expect(tokenSection).toBeVisible();
  await expect(tokenSection).toContainText('account:read');
  await expect(tokenSection).toContainText('touchpoint:all');
  await saveScreenshot(page, testInfo, 'walkthrough 4 the flow got a token');

  // 3. Tokens: the token decoded, its claims explained.
  await tokenSection.getByRole('link', { name: 'Decode it in Tokens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();
  await expect(page.getByTestId('token-inspection')).toHaveAttribute('data-token-kind', 'jwt');
  const claims = page.getByRole('table', { name: 'Claims' });
  await expect(claims).toContainText('account:read');
  await expect(claims).toContainText('u-1003');
  await saveScreenshot(page, testInfo, 'walkthrough 5 the token decoded');

  // 4. Diagnostics: run every endpoint.
  await goTo('Diagnostics');
  await page.getByRole('button', { name: 'Run all endpoints' }).click();
  await expect(page.getByRole('listitem', { name: 'Pass: 7' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Fail: 22' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'walkthrough 6 the diagnostics ran');

  // 5. The red row: updating accounts needs account:upsert, which the app lacks.
  await page.getByRole('radiogroup', { name: 'Show rows by verdict' }).getByText('Fail 22', { exact: true }).click();
  const matrix = page.getByRole('table', { name: 'Diagnostics matrix' });
  const row = matrix.locator('tr[data-endpoint="upsert-accounts"]');
  await expect(row).toHaveAttribute('data-verdict', 'fail');
  await expect(row).toContainText('account:upsert');
  await expect(row).toContainText('403 insufficient_scope');
  await expect(row.getByText('Fail', { exact: true })).toBeVisible();
  // Collapsed, the row already names its fix.
  await expect(row.getByTestId('row-fix')).toHaveText('add account:upsert');
  // Red: the row is tinted with the light theme's light red (Mantine's --mantine-color-red-light).
  await expect(row).toHaveCSS('background-color', 'rgb(255, 227, 227)');
  await row.getByRole('button', { name: 'Details of Create or update accounts' }).click();
  const details = matrix.locator('[data-details-of="upsert-accounts"]');
  await expect(details.getByTestId('row-cause')).toHaveText(
    'The token holds no scope that covers "account:upsert", which POST /int-hub/api/v1/accounts requires, so the server refused it with 403 insufficient_scope, as the scope rules predicted.',
  );
  await expect(details.getByTestId('fix-text')).toHaveText("Add account:upsert to the app's scopes");
  await expect(details.getByRole('group', { name: 'The fix' })).toContainText('account:all');
  // Back to the top: the full-page screenshot then shows the header where it belongs.
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, testInfo, 'walkthrough 7 the red row names the missing scope and the fix');

  // The promise: all of it within a minute.
  expect(Date.now() - started).toBeLessThan(60_000);
  expect(pageErrors).toEqual([]);
  expect(lab.errors).toEqual([]);
});
