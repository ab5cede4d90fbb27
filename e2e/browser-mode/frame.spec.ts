/**
 * The window's frame in browser mode: it loads from the launch URL and becomes ready,
 * every area is reachable from the navigation, the theme switches, the link is shown.
 */
import { READY, expect, test } from '../support/browser-lab';
import { readSavedPreferences } from '../support/lab-files';
import { saveScreenshot } from '../support/screenshots';

/** The areas of issue 5 §4, in the navigation's order. */
const AREAS = ['Apps', 'Flows', 'Tokens', 'API explorer', 'Diagnostics', 'Mock server', 'Support', 'Settings'] as const;

test('loads from the launch URL and becomes ready, in browser mode, without a page error', async ({ page, lab }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await lab.open(page);
  await expect(page).toHaveTitle(/Totango OAuth Lab/);
  await expect(page.getByTestId('shell-summary')).toHaveText(/^Browser mode · version \d+\.\d+\.\d+/);
  // The default area is shown once the contract has answered.
  await expect(page.getByRole('heading', { level: 1, name: 'Apps' })).toBeVisible();
  expect(pageErrors).toEqual([]);
  expect(lab.errors).toEqual([]);
});

test('reaches every area from the navigation and shows its heading', async ({ page, lab }, testInfo) => {
  await lab.open(page);
  const navigation = page.getByRole('navigation', { name: 'Areas' });
  await expect(navigation.getByRole('link')).toHaveText([...AREAS]);
  // From the last to the first, so that every click changes the area (the first is the default).
  for (const name of [...AREAS].reverse()) {
    const link = navigation.getByRole('link', { name, exact: true });
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page.locator(READY)).toBeVisible();
    await saveScreenshot(page, testInfo, `area ${name}`);
  }
});

test('switches between the light and dark themes and keeps the choice after a reload', async ({ page, lab }, testInfo) => {
  await lab.open(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to the light theme' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'dark theme');
  // The choice is a Lab preference, kept in the test's own data directory.
  await expect.poll(() => readSavedPreferences(lab.dataDir).then((preferences) => preferences?.theme)).toBe('dark');

  // Read back from the contract on the next load.
  await page.reload();
  await expect(page.locator(READY)).toBeVisible();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('says the window is connected to the Lab', async ({ page, lab }) => {
  await lab.open(page);
  const badge = page.getByRole('status', { name: 'Connection: Connected' });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText('Connected');
});
