/**
 * The Apps screen against the real Lab (mock, services, browser-mode host): register
 * client-credentials apps up to the limit and see the third refused in the mock's words;
 * a mutual-TLS app's PEM download, renewal and deletion. Screenshots mask the secrets.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/browser-lab';
import { saveScreenshot } from '../support/screenshots';

interface Registration {
  readonly name: string;
  readonly grant: 'Authorization Code' | 'Client Credentials';
  /** The seeded active user a client-credentials app acts as. */
  readonly actingUser?: string;
  readonly scopes: readonly string[];
  readonly mutualTls?: boolean;
}

function registrationForm(page: Page) {
  return page.getByRole('form', { name: 'Register New OAuth Application' });
}

async function fillRegistration(page: Page, registration: Registration) {
  const form = registrationForm(page);
  await expect(form).toBeVisible();
  await form.getByRole('textbox', { name: /^Application name/ }).fill(registration.name);
  if (registration.mutualTls) await form.getByRole('switch', { name: /^Mutual TLS/ }).check({ force: true });
  await form.getByRole('radio', { name: registration.grant }).check();
  if (registration.actingUser !== undefined) {
    await form.getByRole('combobox', { name: /^Acting user/ }).click();
    await page.getByRole('option', { name: new RegExp(`^${registration.actingUser}`) }).click();
  }
  for (const scope of registration.scopes) await form.getByRole('checkbox', { name: scope, exact: true }).check();
}

async function register(page: Page, registration: Registration) {
  await fillRegistration(page, registration);
  await registrationForm(page).getByRole('button', { name: 'Create Application' }).click();
  const result = page.getByTestId('registration-result');
  await expect(result).toBeVisible();
  return result;
}

async function startRegistration(page: Page) {
  const empty = page.getByTestId('apps-empty');
  const button = (await empty.isVisible()) ? empty.getByRole('button', { name: 'Register an application' }) : page.getByRole('button', { name: 'Register an application' });
  await button.click();
}

test('registers client-credentials apps up to the limit, shows each secret once, and the third is refused in the mock’s words', async ({ page, lab }, testInfo) => {
  // Three registrations, each hashing a secret with scrypt on the mock.
  test.slow();
  await lab.open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Apps' })).toBeVisible();
  await expect(page.getByText('No applications yet')).toBeVisible();
  await expect(page.getByTestId('application-count')).toHaveText('0 of 2 applications');
  await saveScreenshot(page, testInfo, 'apps empty');

  await startRegistration(page);
  await fillRegistration(page, { name: 'Renewals sync', grant: 'Client Credentials', actingUser: 'Integration Bot', scopes: ['account:read'] });
  await saveScreenshot(page, testInfo, 'apps register form');
  await registrationForm(page).getByRole('button', { name: 'Create Application' }).click();

  const result = page.getByTestId('registration-result');
  await expect(result).toBeVisible();
  const secret = result.getByTestId('client-secret');
  await expect(secret).toHaveAttribute('data-secret', 'true');
  await expect(secret).toHaveText(/^.{8}….{4}$/);
  await expect(result.getByText('The client secret cannot be shown again')).toBeVisible();
  await expect(result.getByRole('button', { name: 'Copy the client secret' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'apps secret panel');

  // Use in the Lab: the app becomes the selected mock target's credentials.
  await result.getByRole('button', { name: 'Use in the Lab' }).click();
  await expect(result.getByText('Renewals sync is now the credentials of')).toBeVisible();
  await saveScreenshot(page, testInfo, 'apps used in the lab');
  await result.getByRole('button', { name: 'Close' }).click();
  await expect(result).toBeHidden();

  const rows = page.getByTestId('application-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('acts as Integration Bot');
  await expect(rows.first()).toContainText('Held this session');
  await expect(page.getByTestId('client-secret')).toHaveCount(0);
  await expect(page.getByTestId('application-count')).toHaveText('1 of 2 applications');

  await startRegistration(page);
  await register(page, { name: 'Health scores', grant: 'Client Credentials', actingUser: 'Maya Cohen', scopes: ['account:read', 'event:read'] });
  await page.getByTestId('registration-result').getByRole('button', { name: 'Close' }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('application-count')).toHaveText('2 of 2 applications');

  await startRegistration(page);
  await fillRegistration(page, { name: 'One too many', grant: 'Client Credentials', actingUser: 'Maya Cohen', scopes: ['user:read'] });
  await registrationForm(page).getByRole('button', { name: 'Create Application' }).click();
  const refusal = page.getByTestId('limit-refusal');
  await expect(refusal).toContainText('this account already has 2 applications, and Totango limits an account to 2; contact your Totango representative if you need additional applications');
  await expect(refusal.getByRole('link', { name: 'Mock server screen' })).toHaveAttribute('href', '#/mock-server');
  await refusal.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'apps third refused');
  await registrationForm(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(2);
  await saveScreenshot(page, testInfo, 'apps list');

  await page.setViewportSize({ width: 1024, height: 700 });
  await saveScreenshot(page, testInfo, 'apps list 1024x700');
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByRole('button', { name: 'Details of Renewals sync' }).click();
  await expect(page.getByRole('dialog', { name: 'Renewals sync', exact: true })).toBeVisible();
  await saveScreenshot(page, testInfo, 'apps details dark 1024x700');
  expect(lab.errors).toEqual([]);
});

test('registers a mutual-TLS app, downloads its certificate and key as PEM, renews the certificate and deletes the app', async ({ page, lab }, testInfo) => {
  await lab.open(page);
  await startRegistration(page);
  const result = await register(page, { name: 'Secure sync', grant: 'Client Credentials', actingUser: 'Maya Cohen', scopes: ['touchpoint:all'], mutualTls: true });

  const downloading = page.waitForEvent('download');
  await result.getByRole('button', { name: 'Export the certificate and key' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Secure-sync.pem');
  const pem = await readFile(await download.path(), 'utf8');
  expect(pem).toMatch(/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/);
  expect(pem).toMatch(/-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+-----END (RSA |EC )?PRIVATE KEY-----/);
  await result.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Details of Secure sync' }).click();
  const drawer = page.getByRole('dialog', { name: 'Secure sync', exact: true });
  const thumbprint = drawer.getByTestId('certificate-thumbprint');
  const expiry = drawer.getByTestId('certificate-expiry');
  await expect(thumbprint).toHaveText(/^[A-Za-z0-9_-]{43}$/);
  const before = { thumbprint: await thumbprint.textContent(), notAfter: await expiry.getAttribute('data-not-after') };
  await saveScreenshot(page, testInfo, 'apps details');

  await drawer.getByRole('button', { name: 'Renew the certificate' }).click();
  const renewal = page.getByRole('dialog', { name: 'Renew the certificate of Secure sync?' });
  await expect(renewal).toContainText('every access token bound to it is refused by the APIs');
  await renewal.getByRole('button', { name: 'Renew the certificate' }).click();
  await expect(renewal).toBeHidden();
  await expect(thumbprint).not.toHaveText(before.thumbprint ?? '');
  const renewedNotAfter = await expiry.getAttribute('data-not-after');
  expect(Date.parse(renewedNotAfter ?? '')).toBeGreaterThanOrEqual(Date.parse(before.notAfter ?? ''));
  await saveScreenshot(page, testInfo, 'apps details renewed');

  await drawer.getByRole('button', { name: 'Delete the application' }).click();
  const deletion = page.getByRole('dialog', { name: 'Delete Secure sync?' });
  await expect(deletion.getByRole('listitem')).toHaveText([
    'Every access token issued to it is revoked: the APIs refuse them from now on.',
    /^Its client certificate \(thumbprint .{12}…\) is revoked\.$/,
    'The client secret the Lab holds for this session is forgotten.',
    'It cannot be undone: registering again gives a new client ID and secret.',
  ]);
  await saveScreenshot(page, testInfo, 'apps delete confirmation');
  await deletion.getByRole('button', { name: 'Delete Secure sync' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByText('No applications yet')).toBeVisible();
  await expect(page.getByTestId('application-count')).toHaveText('0 of 2 applications');
  expect(lab.errors).toEqual([]);
});
