/**
 * The Settings screen against a real Lab in browser mode: a custom target added (the
 * mock's own US issuer, so that its RFC 8414 metadata answers), its endpoints shown,
 * selected and removed; credentials loaded with a PKCS#12 file and never shown back; the
 * callback port and the exact URL to register; the theme.
 */
import type { Page } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type BrowserLab } from '../support/browser-lab';
import { readSavedPreferences } from '../support/lab-files';
import { callLab } from '../support/lab-contract';
import { saveScreenshot } from '../support/screenshots';

async function openSettings(page: Page, lab: BrowserLab): Promise<void> {
  await lab.open(page);
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test('adds a custom target, shows the endpoints its metadata gives, selects it and removes it', async ({ page, lab, request }, testInfo) => {
  const status = await callLab<{ urls: { regions: { us: { issuer: string } } } }>(request, lab, 'mock', 'status');
  const baseUrl = status.urls.regions.us.issuer;
  await openSettings(page, lab);
  const targets = page.getByRole('region', { name: 'Targets' });
  await expect(targets.getByRole('radio', { name: 'Local mock Totango (US)' })).toBeChecked();
  await saveScreenshot(page, testInfo, 'settings');

  const form = targets.getByRole('form', { name: 'Add a custom target' });
  await form.getByRole('textbox', { name: 'Base URL' }).fill('http://tenant.example');
  await form.getByRole('button', { name: 'Add target' }).click();
  await expect(form.getByText('Plain http is only for a server on this computer')).toBeVisible();
  await form.getByRole('textbox', { name: 'Base URL' }).fill(baseUrl);
  await form.getByRole('textbox', { name: 'Name' }).fill('Staging proxy');
  await form.getByRole('button', { name: 'Add target' }).click();
  const custom = targets.getByRole('radio', { name: 'Staging proxy' });
  await expect(custom).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Base URL' })).toHaveValue('');

  await targets.getByRole('button', { name: 'Show the endpoints of Staging proxy' }).click();
  const endpoints = targets.getByRole('table', { name: 'Endpoints of Staging proxy' });
  await expect(endpoints).toContainText(`${baseUrl}/oauth/token`);
  await expect(targets.getByText('Found in its RFC 8414 metadata')).toBeVisible();

  await custom.check();
  await expect(custom).toBeChecked();
  await expect(page.getByTestId('selected-target')).toHaveText('Staging proxy');
  const listed = await callLab<{ selected: string }>(request, lab, 'targets', 'list');
  expect(listed.selected).toBe(`custom:${baseUrl}`);
  await saveScreenshot(page, testInfo, 'settings custom target selected');

  await targets.getByRole('button', { name: 'Remove Staging proxy' }).click();
  await expect(custom).toHaveCount(0);
  await expect(targets.getByRole('radio', { name: 'Local mock Totango (US)' })).toBeChecked();
});

test('loads credentials with a PKCS#12 file and shows what is loaded, never the secret', async ({ page, lab, request }, testInfo) => {
  // A real PKCS#12: a mutual-TLS app's certificate and key, exported from the mock.
  const { application } = await callLab<{ application: { clientId: string } }>(request, lab, 'applications', 'create', { name: 'Partner app', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'], mutualTls: true });
  const exported = await callLab<{ content: string }>(request, lab, 'applications', 'exportCertificate', { clientId: application.clientId, format: 'pkcs12', password: 'p12-pass' });
  await mkdir(testInfo.outputDir, { recursive: true });
  const p12 = path.join(testInfo.outputDir, 'partner.p12');
  await writeFile(p12, Buffer.from(exported.content, 'base64'));
  const secret = 'partner-secret-that-must-never-show';
  const info = await callLab<{ secureStorage: { available: boolean; description: string } }>(request, lab, 'lab', 'info');

  await openSettings(page, lab);
  const panel = page.getByRole('region', { name: 'Stored credentials' });
  await panel.getByRole('combobox', { name: 'Credentials for' }).click();
  await page.getByRole('option', { name: /^Totango EU/ }).click();
  await expect(panel.getByTestId('credentials-summary')).toContainText('No credentials are loaded for Totango EU');

  const form = panel.getByRole('form', { name: /^Credentials for Totango EU/ });
  await form.getByRole('textbox', { name: 'Client ID' }).fill('partner-client');
  await form.getByLabel('Client secret').fill(secret);
  await form.getByRole('radio', { name: 'Form body (client_secret_post)' }).check();
  await form.getByText('PKCS#12 file', { exact: true }).first().click();
  await form.getByLabel('PKCS#12 file to load').setInputFiles(p12);
  await form.getByLabel('PKCS#12 password').fill('p12-pass');
  const remember = form.getByRole('checkbox', { name: 'Remember on this computer (encrypted)' });
  if (info.secureStorage.available) await expect(remember).toBeEnabled();
  else await expect(remember).toBeDisabled();
  await expect(form).toContainText(info.secureStorage.description);
  await saveScreenshot(page, testInfo, 'settings credentials form');

  await form.getByRole('button', { name: 'Load credentials' }).click();
  const summary = panel.getByRole('table', { name: /^Credentials loaded for Totango EU/ });
  await expect(summary).toContainText('partner-client');
  await expect(summary).toContainText('loaded (never shown)');
  await expect(summary).toContainText('form body (client_secret_post)');
  await expect(summary).toContainText('valid until');
  await expect(form.getByLabel('Client secret')).toHaveValue('');
  await expect(page.locator('body')).not.toContainText(secret);
  const listed = await callLab<{ targets: { key: string; credentials: { clientId: string; certificate: unknown } | null }[] }>(request, lab, 'targets', 'list');
  expect(listed.targets.find((target) => target.key === 'totango:eu')?.credentials).toMatchObject({ clientId: 'partner-client', certificate: expect.anything() });
  await saveScreenshot(page, testInfo, 'settings credentials loaded');

  await panel.getByRole('button', { name: 'Forget these credentials' }).click();
  await expect(panel.getByTestId('credentials-summary')).toContainText('No credentials are loaded for Totango EU');
});

test('sets a fixed callback port and shows the exact URL to register, then goes back to ephemeral', async ({ page, lab }, testInfo) => {
  await openSettings(page, lab);
  const panel = page.getByRole('region', { name: 'Callback port' });
  await expect(panel.getByTestId('callback-saved')).toHaveText('Saved: an ephemeral port.');
  await panel.getByRole('radio', { name: 'A fixed port' }).check();
  const port = panel.getByRole('textbox', { name: 'Port number' });
  await port.fill('9123');
  await expect(panel.getByTestId('callback-url')).toHaveText('http://127.0.0.1:9123/callback');
  await port.fill('80');
  await expect(panel.getByText('Give a whole number from 1024 to 65535.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Save the callback port' })).toBeDisabled();
  await port.fill('8765');
  await expect(panel.getByTestId('callback-url')).toHaveText('http://127.0.0.1:8765/callback');
  await panel.getByRole('button', { name: 'Save the callback port' }).click();
  await expect(panel.getByTestId('callback-saved')).toHaveText('Saved: port 8765.');
  await expect.poll(() => readSavedPreferences(lab.dataDir).then((saved) => (saved as { callbackPort?: number } | undefined)?.callbackPort)).toBe(8765);
  await saveScreenshot(page, testInfo, 'settings callback port');

  await page.reload();
  await expect(panel.getByTestId('callback-url')).toHaveText('http://127.0.0.1:8765/callback');
  await panel.getByRole('radio', { name: 'A free port each time (ephemeral)' }).check();
  await panel.getByRole('button', { name: 'Save the callback port' }).click();
  await expect(panel.getByTestId('callback-saved')).toHaveText('Saved: an ephemeral port.');
});

test('switches the theme to dark, to the system, and keeps it', async ({ page, lab }, testInfo) => {
  await openSettings(page, lab);
  const html = page.locator('html');
  const theme = page.getByRole('region', { name: 'Theme' });
  await theme.getByText('Dark', { exact: true }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect.poll(() => readSavedPreferences(lab.dataDir).then((saved) => saved?.theme)).toBe('dark');
  await saveScreenshot(page, testInfo, 'settings dark theme');

  await theme.getByText('Follow the system', { exact: true }).click();
  await expect.poll(() => readSavedPreferences(lab.dataDir).then((saved) => saved?.theme)).toBe('auto');
  // The test's browser prefers light.
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Theme' }).getByRole('radio', { name: 'Follow the system' })).toBeChecked();
});

test('fits a 1024x700 window without scrolling sideways', async ({ page, lab }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openSettings(page, lab);
  await page.getByRole('region', { name: 'Targets' }).getByRole('button', { name: /^Show the endpoints of Totango US/ }).click();
  await expect(page.getByRole('table', { name: /^Endpoints of Totango US/ })).toBeVisible();
  expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
  await saveScreenshot(page, testInfo, 'settings at 1024x700');
});
