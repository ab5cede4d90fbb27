/**
 * The real Electron app: its window opens and becomes ready, and the page has no Node
 * (contextIsolation, sandbox, no nodeIntegration). Run on a laptop before a release;
 * skipped, with the reason, where Electron's runtime is not installed.
 */
import { expect, test } from '../support/electron-app';
import { readSavedPreferences } from '../support/lab-files';
import { saveScreenshot } from '../support/screenshots';

test('opens a window that becomes ready, in the Electron shell', async ({ electronLab }, testInfo) => {
  const { window } = electronLab;
  await expect(window).toHaveTitle(/Totango OAuth Lab/);
  await expect(window.getByTestId('shell-summary')).toHaveText(/^Desktop app · version \d+\.\d+\.\d+/);
  await expect(window.getByRole('status', { name: 'Connection: Connected' })).toBeVisible();
  await saveScreenshot(window, testInfo, 'electron window');
});

test('gives the page no require and no process (context isolation)', async ({ electronLab }) => {
  const globals = await electronLab.window.evaluate(() => {
    const scope = globalThis as Record<string, unknown>;
    return { require: typeof scope.require, process: typeof scope.process, module: typeof scope.module, buffer: typeof scope.Buffer };
  });
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', buffer: 'undefined' });
});

test('keeps its preferences in the data directory it was given', async ({ electronLab }) => {
  const { app, window, dataDir } = electronLab;
  expect(app.windows()).toHaveLength(1);
  const html = window.locator('html');
  const next = (await html.getAttribute('data-mantine-color-scheme')) === 'dark' ? 'light' : 'dark';
  await window.getByRole('button', { name: `Switch to the ${next} theme` }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', next);
  await expect.poll(() => readSavedPreferences(dataDir).then((preferences) => preferences?.theme)).toBe(next);
});
