/**
 * The lab and targets services: preferences kept in the data directory, the targets
 * with the mock's URLs read from its admin API, credentials in memory or sealed on disk
 * (never readable there, never in an answer), custom base URLs, and resolution.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContractError } from '../../../shared/contract';
import { memoryKeySecretStore, rejectionOf } from '../../client/testing/test-support';
import { openServices, startTestMock, type RunningMock, type ServicesUnderTest } from './services-fixture';

let running: RunningMock;
let dataDir: string;
let lab: ServicesUnderTest;
const SECRET = 'sEcReT-value-for-a-real-region-9f8e7d';

beforeAll(async () => {
  running = await startTestMock();
});
afterAll(async () => {
  await running.stop();
});
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lab-targets-'));
});
afterEach(async () => {
  await lab.close();
  expect(lab.loggedErrors).toEqual([]);
  await rm(dataDir, { recursive: true, force: true });
});

describe('the lab service', () => {
  it('describes the Lab and keeps its preferences across launches', async () => {
    lab = await openServices(running, { dataDir });
    expect(await lab.client.lab.info({})).toMatchObject({ name: 'Totango OAuth Lab', version: '0.1.0-test', shell: 'browser', dataDir, platform: process.platform, secureStorage: { available: false } });
    expect(await lab.client.lab.preferences({})).toEqual({ callbackPort: null, theme: 'auto', selectedTarget: 'mock:us' });
    expect(await lab.client.lab.updatePreferences({ callbackPort: 8765, theme: 'dark' })).toEqual({ callbackPort: 8765, theme: 'dark', selectedTarget: 'mock:us' });
    await lab.client.targets.select({ targetKey: 'totango:eu' });
    await lab.close();

    lab = await openServices(running, { dataDir, secretStore: memoryKeySecretStore() });
    expect(await lab.client.lab.preferences({})).toEqual({ callbackPort: 8765, theme: 'dark', selectedTarget: 'totango:eu' });
    expect((await lab.client.lab.info({})).secureStorage.available).toBe(true);
    expect(JSON.parse(await readFile(join(dataDir, 'preferences.json'), 'utf8'))).toMatchObject({ schemaVersion: 1, callbackPort: 8765 });
  });
});

describe('targets', () => {
  it("lists the mock's regions with their URLs, Totango's regions and custom ones, and selects one", async () => {
    lab = await openServices(running, { dataDir });
    const { targets, selected } = await lab.client.targets.list({});
    expect(selected).toBe('mock:us');
    expect(targets.map((t) => [t.key, t.kind, t.baseUrl])).toEqual([
      ['mock:us', 'mock', running.mock.urls.regions.us.issuer],
      ['mock:eu', 'mock', running.mock.urls.regions.eu.issuer],
      ['totango:us', 'totango', 'https://api.totango.com'],
      ['totango:eu', 'totango', 'https://api-eu1.totango.com'],
    ]);
    expect(targets.every((t) => t.credentials === null)).toBe(true);

    expect(await lab.client.targets.select({ targetKey: 'mock:eu' })).toMatchObject({ key: 'mock:eu', label: 'Local mock Totango (EU)' });
    expect(lab.eventsNamed('targets.changed')).toEqual([{ selected: 'mock:eu' }]);
    const error = (await rejectionOf(lab.client.targets.select({ targetKey: 'mock:apac' }))) as ContractError;
    expect(error).toMatchObject({ code: 'not_found', field: 'targetKey', message: 'no target "mock:apac": choose one of "targets.list", or add a custom base URL' });
  });

  it("resolves the mock from its RFC 8414 metadata, and Totango's regions from the article", async () => {
    lab = await openServices(running, { dataDir });
    const urls = running.mock.urls.regions.eu;
    expect(await lab.client.targets.resolve({ targetKey: 'mock:eu' })).toEqual({
      key: 'mock:eu',
      label: 'Local mock Totango (EU)',
      issuer: urls.issuer,
      authorizationEndpoint: urls.authorization,
      tokenEndpoint: urls.token,
      mtlsTokenEndpoint: urls.mtls.token,
      jwksUri: urls.jwks,
      apiBase: urls.issuer,
      mtlsApiBase: urls.mtls.origin,
      source: 'rfc8414',
    });
    // No internet here: the article's fixed paths still say where Totango's endpoints are.
    expect(await lab.client.targets.resolve({ targetKey: 'totango:us' })).toMatchObject({ tokenEndpoint: 'https://api.totango.com/oauth/token', source: 'article' });
  });

  it('adds and removes a custom base URL, refusing plain http off loopback', async () => {
    lab = await openServices(running, { dataDir });
    const added = await lab.client.targets.addCustom({ baseUrl: 'https://staging.totango.example/', label: 'Staging' });
    expect(added).toEqual({ key: 'custom:https://staging.totango.example', kind: 'custom', label: 'Staging', baseUrl: 'https://staging.totango.example', credentials: null });
    await lab.client.targets.select({ targetKey: added.key });
    const refused = (await rejectionOf(lab.client.targets.addCustom({ baseUrl: 'http://staging.totango.example' }))) as ContractError;
    expect(refused).toMatchObject({ code: 'invalid_configuration', message: '"baseUrl" must use https (plain http only on 127.0.0.1), got "http://staging.totango.example"' });
    const badCa = (await rejectionOf(lab.client.targets.addCustom({ baseUrl: 'https://ca.example', caPem: 'not a certificate' }))) as ContractError;
    expect(badCa).toMatchObject({ code: 'invalid_input', field: 'caPem', message: '"caPem" holds no certificate (expected -----BEGIN CERTIFICATE-----)' });
    expect((await rejectionOf(lab.client.targets.removeCustom({ targetKey: 'totango:us' }))) as ContractError).toMatchObject({ code: 'invalid_input', message: '"targetKey" must name a custom target; "totango:us" is built in' });

    expect(await lab.client.targets.removeCustom({ targetKey: added.key })).toEqual({ done: true });
    expect((await lab.client.targets.list({})).selected).toBe('mock:us');
    expect((await lab.client.targets.list({})).targets.map((t) => t.key)).not.toContain(added.key);
  });
});

describe('credentials', () => {
  it('refuses to remember credentials where no key store can seal them', async () => {
    lab = await openServices(running, { dataDir });
    const error = (await rejectionOf(lab.client.targets.setCredentials({ targetKey: 'totango:us', clientId: 'client-1', clientSecret: SECRET, remember: true }))) as ContractError;
    expect(error).toMatchObject({ code: 'credentials_unavailable', field: 'remember' });
    expect(error.message).toMatch(/^credentials cannot be remembered here: no system key store/);
    expect(error.message).not.toContain(SECRET);
    const held = await lab.client.targets.setCredentials({ targetKey: 'totango:us', clientId: 'client-1', clientSecret: SECRET });
    expect(held).toEqual({ clientId: 'client-1', authMethod: 'client_secret_basic', hasClientSecret: true, certificate: null, hasCustomCa: false, persisted: false });
  });

  it('seals remembered credentials on disk, brings them back next launch, and forgets them', async () => {
    const secretStore = memoryKeySecretStore();
    lab = await openServices(running, { dataDir, secretStore });
    const summary = await lab.client.targets.setCredentials({ targetKey: 'totango:eu', clientId: 'client-eu', clientSecret: SECRET, authMethod: 'client_secret_post', remember: true });
    expect(summary).toMatchObject({ clientId: 'client-eu', authMethod: 'client_secret_post', hasClientSecret: true, persisted: true });
    const file = await readFile(join(dataDir, 'credentials.json'), 'utf8');
    expect(file).toContain('client-eu');
    expect(file).not.toContain(SECRET);
    expect(JSON.stringify(lab.events)).not.toContain(SECRET);
    await lab.close();

    lab = await openServices(running, { dataDir, secretStore });
    const listed = (await lab.client.targets.list({})).targets.find((t) => t.key === 'totango:eu');
    expect(listed?.credentials).toEqual(summary);
    expect(await lab.client.targets.forgetCredentials({ targetKey: 'totango:eu' })).toEqual({ forgotten: true });
    expect(await lab.client.targets.forgetCredentials({ targetKey: 'totango:eu' })).toEqual({ forgotten: false });
    expect(JSON.parse(await readFile(join(dataDir, 'credentials.json'), 'utf8')).targets).toEqual({});
  });

  it("loads a certificate (PEM or PKCS#12), summarised without its key, and says when the key does not match", async () => {
    lab = await openServices(running, { dataDir });
    const app = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'], mutualTls: true });
    const other = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'], mutualTls: true });
    const exportPem = async (clientId: string) => (await fetch(`${running.mock.urls.admin}/admin/applications/${clientId}/certificate/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"format":"pem"}' })).text();
    const pem = await exportPem(app.clientId);
    const p12 = Buffer.from(await (await fetch(`${running.mock.urls.admin}/admin/applications/${app.clientId}/certificate/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"format":"pkcs12","password":"p12-pass"}' })).arrayBuffer());
    const thumbprint = ((await running.admin<{ certificate: { thumbprint: string } }>('GET', `/admin/applications/${app.clientId}`)).body).certificate.thumbprint;

    const fromPem = await lab.client.targets.setCredentials({ targetKey: 'totango:us', clientId: app.clientId, certificate: { kind: 'pem', certificatePem: pem } });
    expect(fromPem).toMatchObject({ hasClientSecret: false, certificate: { thumbprint } });
    expect(JSON.stringify(fromPem)).not.toContain('PRIVATE KEY');
    const fromP12 = await lab.client.targets.setCredentials({ targetKey: 'totango:us', clientId: app.clientId, certificate: { kind: 'pkcs12', pkcs12Base64: p12.toString('base64'), password: 'p12-pass' } });
    expect(fromP12.certificate).toEqual(fromPem.certificate);

    const wrongPassword = (await rejectionOf(lab.client.targets.setCredentials({ targetKey: 'totango:us', clientId: app.clientId, certificate: { kind: 'pkcs12', pkcs12Base64: p12.toString('base64'), password: 'not-it' } }))) as ContractError;
    expect(wrongPassword).toMatchObject({ code: 'certificate', message: 'wrong "password" for the PKCS#12 file' });
    const otherKey = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(await exportPem(other.clientId))?.[0] ?? '';
    const mismatch = (await rejectionOf(lab.client.targets.setCredentials({ targetKey: 'totango:us', clientId: app.clientId, certificate: { kind: 'pem', certificatePem: pem.replace(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/, ''), privateKeyPem: otherKey } }))) as ContractError;
    expect(mismatch).toMatchObject({ code: 'certificate', message: 'the private key does not match the certificate' });
  });

  it("says plainly when the Lab does not hold a mock app's secret", async () => {
    lab = await openServices(running, { dataDir });
    const created = await running.admin<{ application: { clientId: string } }>('POST', '/admin/applications', { name: 'Made elsewhere', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'] });
    const clientId = created.body.application.clientId;
    const error = (await rejectionOf(lab.client.targets.useApplication({ clientId }))) as ContractError;
    expect(error).toMatchObject({ code: 'credentials_unavailable', field: 'clientId' });
    expect(error.message).toBe(`the Lab does not hold the client secret of "${clientId}" (the mock shows it once, to whoever registered the app): enter it with "targets.setCredentials"`);
    expect((await rejectionOf(lab.client.targets.useApplication({ clientId: 'no-such-app' }))) as ContractError).toMatchObject({ code: 'not_found' });
  });
});
