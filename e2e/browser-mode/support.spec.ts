/**
 * The Support screen against a real Lab in browser mode: the timeline of a real token
 * request; HAR and repro bundle exported through downloads, neither holding the client
 * secret of an app created on the mock's admin API; the bundle imported back as a new
 * app; and the "disabled acting user" scenario set up from a fresh mock, its failure then
 * seen in Flows.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test, type BrowserLab } from '../support/browser-lab';
import { callLab } from '../support/lab-contract';
import { saveScreenshot } from '../support/screenshots';

/** One contract call, as a script would make it: the launch token in its header. */
/** A client-credentials app registered on the mock's own admin API, so that the test knows its secret. */
async function customerApp(request: APIRequestContext, lab: BrowserLab): Promise<{ clientId: string; clientSecret: string }> {
  const status = await callLab<{ urls: { admin: string } }>(request, lab, 'mock', 'status');
  const response = await request.post(`${status.urls.admin}/admin/applications`, {
    data: { name: 'Customer integration', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'touchpoint:create'] },
  });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as { application: { clientId: string }; clientSecret: string };
  return { clientId: created.application.clientId, clientSecret: created.clientSecret };
}

async function openSupport(page: Page, lab: BrowserLab): Promise<void> {
  await lab.open(page);
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Support', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support' })).toBeVisible();
}

async function download(page: Page, button: string): Promise<{ name: string; text: string; path: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await downloading;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

test('shows the timeline, exports HAR and a bundle without the secret, and imports the bundle back', async ({ page, lab, request }, testInfo) => {
  const app = await customerApp(request, lab);
  await openSupport(page, lab);
  await expect(page.getByTestId('timeline-empty')).toBeVisible();
  await saveScreenshot(page, testInfo, 'support empty timeline');

  // The customer's app, loaded with its secret, gets a token: the exchange appears live.
  await callLab(request, lab, 'targets', 'setCredentials', { targetKey: 'mock:us', clientId: app.clientId, clientSecret: app.clientSecret });
  await callLab(request, lab, 'flows', 'clientCredentials', {});
  const exchanges = page.getByRole('region', { name: 'Timeline' });
  const tokenRequest = exchanges.getByRole('button', { name: /^POST .*\/oauth\/token, 200, / });
  await expect(tokenRequest).toBeVisible();
  await tokenRequest.click();
  await expect(exchanges.getByRole('tab', { name: 'Response' })).toBeVisible();
  const headers = exchanges.getByRole('table', { name: 'Request headers' });
  await expect(headers).toContainText('Basic [redacted');
  await expect(headers).not.toContainText(app.clientSecret);
  await saveScreenshot(page, testInfo, 'support timeline exchange opened');

  const har = await download(page, 'Export HAR');
  expect(har.name).toMatch(/\.har$/);
  const entries = (JSON.parse(har.text) as { log: { entries: { request: { url: string } }[] } }).log.entries;
  expect(entries.some((entry) => entry.request.url.endsWith('/oauth/token'))).toBe(true);
  expect(har.text).not.toContain(app.clientSecret);

  const bundle = await download(page, 'Export repro bundle');
  expect(bundle.name).toMatch(/^repro-bundle-.*\.json$/);
  expect(bundle.text).toContain(app.clientId);
  expect(bundle.text).toContain('touchpoint:create');
  expect(bundle.text).not.toContain(app.clientSecret);
  await expect(page.getByTestId('bundle-no-secret')).toContainText('It holds no secret');
  await saveScreenshot(page, testInfo, 'support bundle exported');

  // Back in: a new app on the mock, with the same configuration; the account is full first, so the import makes room and says so.
  await callLab(request, lab, 'applications', 'create', { name: 'Another integration', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'] });
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Repro bundle file' }).click();
  await (await choosing).setFiles(bundle.path);
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible();
  const importedId = (await result.getByTestId('imported-client-id').textContent()) ?? '';
  expect(importedId).not.toBe('');
  expect(importedId).not.toBe(app.clientId);
  await expect(result.getByRole('list', { name: 'What the import did' })).toContainText("raised the mock's application limit to 3");
  const applications = await callLab<{ applications: { clientId: string; scopes: string[] }[] }>(request, lab, 'applications', 'list');
  expect(applications.applications.find((candidate) => candidate.clientId === importedId)?.scopes).toEqual(['account:read', 'touchpoint:create']);
  await saveScreenshot(page, testInfo, 'support bundle imported');

  await result.getByRole('button', { name: 'Use in the Lab' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Flows' })).toBeVisible();
  const targets = await callLab<{ targets: { key: string; credentials: { clientId: string } | null }[] }>(request, lab, 'targets', 'list');
  expect(targets.targets.find((target) => target.key === 'mock:us')?.credentials?.clientId).toBe(importedId);
});

test('sets up the disabled acting user on a fresh mock, and the flow then fails naming the user', async ({ page, lab }, testInfo) => {
  await openSupport(page, lab);
  const scenario = page.locator('[data-scenario="disabled-user"]');
  await scenario.getByRole('button', { name: 'Set up: Disabled acting user' }).click();
  await expect(scenario).toHaveAttribute('data-status', 'done');
  const steps = scenario.getByRole('list', { name: 'What was done for Disabled acting user' });
  await expect(steps).toContainText('Registered the app “Support · disabled acting user”');
  await expect(steps).toContainText('Got a token with the client-credentials grant');
  await expect(steps).toContainText('Disabled the acting user support.acting-user@acme-demo.example');
  await expect(page.getByTestId('scenario-result-disabled-user')).toContainText('now disabled');
  await saveScreenshot(page, testInfo, 'support scenario disabled acting user');

  await page.getByTestId('scenario-next-disabled-user').getByRole('button', { name: 'Open Flows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Flows' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Application' }).click();
  await page.getByRole('option', { name: /^Support · disabled acting user/ }).click();
  await expect(page.getByRole('combobox', { name: 'Application' })).toHaveValue(/^Support · disabled acting user/);
  await page.getByRole('button', { name: 'Run the flow' }).click();
  const failure = page.getByTestId('flow-failure');
  await expect(failure).toContainText('invalid_grant');
  await expect(failure).toContainText('support.acting-user@acme-demo.example');
  await expect(failure).toContainText('disabled');
  await saveScreenshot(page, testInfo, 'support scenario flow fails');
});

/** A contract call's error, for the calls that must fail. */
async function refusal(request: APIRequestContext, lab: BrowserLab, service: string, method: string, input: unknown = {}): Promise<{ code: string; message: string }> {
  const response = await request.post(`${lab.origin}/api/call`, { headers: { 'x-lab-token': lab.token }, data: { service, method, input } });
  const result = (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
  expect(result.ok, `${service}.${method} should fail`).toBe(false);
  return result.error!;
}

interface Matrix {
  counts: Record<string, number>;
  rows: { verdict: string; cause?: { code: string }; fix?: { addScope: string } }[];
}

/** What each scenario's next step promises, checked through the contract right after it is set up. */
const FAILURES_SEEN: Record<string, (request: APIRequestContext, lab: BrowserLab) => Promise<void>> = {
  'expired-certificate': async (request, lab) => {
    const error = await refusal(request, lab, 'flows', 'clientCredentials');
    expect(error.message).toMatch(/certificate/i);
    expect(error.message).toMatch(/expired/i);
  },
  'missing-scope': async (request, lab) => {
    const matrix = await callLab<Matrix>(request, lab, 'diagnostics', 'run', {});
    expect(matrix.counts['pass']).toBeGreaterThan(0);
    expect(matrix.rows.filter((row) => row.verdict === 'fail').every((row) => row.fix !== undefined)).toBe(true);
  },
  'wrong-region': async (request, lab) => {
    const matrix = await callLab<Matrix>(request, lab, 'diagnostics', 'run', {});
    expect(matrix.counts['pass'] ?? 0).toBe(0);
    expect(matrix.rows.find((row) => row.cause !== undefined)?.cause?.code).toBe('wrong_region');
  },
  'redirect-mismatch': async (request, lab) => {
    const { applications } = await callLab<{ applications: { name: string; callbackUrls: string[] }[] }>(request, lab, 'applications', 'list');
    expect(applications.find((app) => app.name === 'Support · redirect URI mismatch')?.callbackUrls).toEqual(['http://localhost:8765/callback']);
  },
  'deleted-app': async (request, lab) => {
    const matrix = await callLab<Matrix>(request, lab, 'diagnostics', 'run', {});
    expect(matrix.counts['pass'] ?? 0).toBe(0);
    expect(matrix.rows.find((row) => row.cause !== undefined)?.cause?.code).toBe('application_deleted');
  },
};

test('sets up every other failure on one fresh mock, each failing as its next step says, the limit raised with a notice', async ({ page, lab, request }, testInfo) => {
  await openSupport(page, lab);
  for (const [id, title] of [
    ['expired-certificate', 'Expired certificate'],
    ['missing-scope', 'Missing scope'],
    ['wrong-region', 'Wrong region'],
    ['redirect-mismatch', 'Redirect URI mismatch'],
    ['deleted-app', 'Deleted app'],
  ] as const) {
    const scenario = page.locator(`[data-scenario="${id}"]`);
    await scenario.getByRole('button', { name: `Set up: ${title}` }).click();
    await expect(scenario).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId(`scenario-next-${id}`)).toBeVisible();
    await FAILURES_SEEN[id]!(request, lab);
  }
  // Four apps stay: the limit of two was raised each time, and the person was told. The deleted one needed a fifth place, given back once it was gone.
  await expect(page.getByText(/The application limit was raised to 3/)).toBeVisible();
  await expect(page.getByText('Put the application limit back to 4: the app it made room for is gone.')).toBeVisible();
  const status = await callLab<{ settings: { applicationLimit: number } }>(request, lab, 'mock', 'status');
  expect(status.settings.applicationLimit).toBe(4);
  await saveScreenshot(page, testInfo, 'support every scenario set up');

  // One button takes the checklist's traces away: every Support app, and the raised limit.
  await page.getByRole('button', { name: 'Remove the support apps' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the support apps?' });
  await expect(dialog.getByRole('list', { name: 'Support apps to remove' }).getByRole('listitem')).toHaveCount(4);
  await saveScreenshot(page, testInfo, 'support remove the support apps');
  await dialog.getByRole('button', { name: 'Remove and restore the limit' }).click();
  await expect(page.getByTestId('support-cleanup-result')).toHaveText('Removed 4 support apps; the application limit is back to 2 (it was 4).');
  const after = await callLab<{ settings: { applicationLimit: number }; counts: { applications: number } }>(request, lab, 'mock', 'status');
  expect(after.settings.applicationLimit).toBe(2);
  expect(after.counts.applications).toBe(0);
});

test('fits a 1024x700 window without scrolling sideways', async ({ page, lab }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openSupport(page, lab);
  const scenario = page.locator('[data-scenario="wrong-region"]');
  await scenario.getByRole('button', { name: 'Set up: Wrong region' }).click();
  await expect(scenario).toHaveAttribute('data-status', 'done');
  await page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: /^POST .*\/oauth\/token/ }).first().click();
  expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
  await saveScreenshot(page, testInfo, 'support at 1024x700');
});
