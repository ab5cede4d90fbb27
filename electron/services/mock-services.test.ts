/**
 * The `applications`, `users`, `faults` and `mock` services against the real mock
 * Totango, called through the dispatcher as the window calls them: inputs validated,
 * outputs checked against the contract, errors crossing as data.
 */
import forge from 'node-forge';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/wire';
import { basicAuthorization, postForm } from '../mock/testing/mock-harness';
import { startMockServices, type MockServicesHarness } from './mock/mock-services-harness';

const machine = { name: 'Nightly sync', grantType: 'client_credentials' as const, actingUserId: 'u-1003', scopes: ['account:read'] };
const portal = { name: 'Partner portal', grantType: 'authorization_code' as const, callbackUrls: ['https://partner.example.com/cb'], scopes: ['account:read'] };

async function refusal(promise: Promise<unknown>): Promise<ContractError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ContractError)) throw new Error(`expected a ContractError, got ${String(error)}`);
  return error;
}

let harness: MockServicesHarness;
const lab = () => harness.lab;
const changes = (fromIndex: number) => harness.events.slice(fromIndex).filter((e) => e.name === 'mock.changed').map((e) => (e.payload as { what: string }).what);

beforeAll(async () => {
  harness = await startMockServices({ mode: 'embedded' });
});
afterEach(() => {
  expect(harness.problems.splice(0)).toEqual([]);
});
afterAll(async () => {
  await harness?.stop();
});

describe('applications', () => {
  it('creates an application, returns its secret once and holds it for the session', async () => {
    const mark = harness.events.length;
    const created = await lab().applications.create(machine);
    expect(created.clientSecret).toMatch(/^[\w-]{43}$/);
    expect(created.application).toMatchObject({ name: 'Nightly sync', region: 'us', accessTokenTtlSeconds: 86400, mutualTls: false, secretInLab: true });
    expect(harness.context.secrets.get(created.application.clientId)).toBe(created.clientSecret);
    expect(changes(mark)).toEqual(['applications']);
    const listed = await lab().applications.list({});
    expect(listed).toEqual({ applications: [created.application], limit: 2 });
    expect(JSON.stringify(listed)).not.toContain(created.clientSecret);
    expect(await lab().applications.get({ clientId: created.application.clientId })).toEqual(created.application);
  });

  it('shows an application registered outside the Lab without a secret in the Lab', async () => {
    const registered = await fetch(`${harness.mock.urls.admin}/admin/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(portal) });
    expect(registered.status).toBe(201);
    const { application } = (await registered.json()) as { application: { clientId: string } };
    expect(await lab().applications.get({ clientId: application.clientId })).toMatchObject({ name: 'Partner portal', secretInLab: false });
  });

  it("refuses a third application with the mock's message, and allows it once the limit is raised", async () => {
    const refused = await refusal(lab().applications.create({ ...machine, name: 'Third' }));
    expect(refused.code).toBe('application_limit_reached');
    expect(refused.message).toBe(
      'this account already has 2 applications, and Totango limits an account to 2; contact your Totango representative if you need additional applications (on the mock, raise "applicationLimit" in the settings)',
    );
    const mark = harness.events.length;
    expect(await lab().mock.updateSettings({ applicationLimit: 4 })).toMatchObject({ applicationLimit: 4 });
    expect(changes(mark)).toEqual(['settings']);
    const third = await lab().applications.create({ ...machine, name: 'Third' });
    expect(third.application.secretInLab).toBe(true);
    expect((await lab().applications.list({})).limit).toBe(4);
  });

  it('updates the token lifetime and the callback URLs, and passes on what the mock refuses, with its field', async () => {
    const { application } = await lab().applications.create({ ...portal, name: 'Callbacks' });
    const updated = await lab().applications.update({ clientId: application.clientId, accessTokenTtlSeconds: 3600, callbackUrls: ['http://127.0.0.1:9000/cb'] });
    expect(updated).toMatchObject({ accessTokenTtlSeconds: 3600, callbackUrls: ['http://127.0.0.1:9000/cb'], secretInLab: true });
    const { applications } = await lab().applications.list({});
    const nightly = applications.find((a) => a.name === 'Nightly sync')!;
    const noCallbacks = await refusal(lab().applications.update({ clientId: nightly.clientId, callbackUrls: ['https://x.example/cb'] }));
    expect(noCallbacks.toJSON()).toEqual({ code: 'validation_failed', message: 'only an authorization-code application has callback URLs', field: 'callbackUrls' });
    const tooLong = await refusal(lab().applications.update({ clientId: nightly.clientId, accessTokenTtlSeconds: 90_000 }));
    expect(tooLong).toMatchObject({ code: 'invalid_input', field: 'accessTokenTtlSeconds' });
    const unknown = await refusal(lab().applications.get({ clientId: 'no-such-app' }));
    expect(unknown.toJSON()).toEqual({ code: 'not_found', message: 'no application "no-such-app"' });
  });

  it('removes an application and forgets its secret', async () => {
    const { applications } = await lab().applications.list({});
    const third = applications.find((a) => a.name === 'Third')!;
    const mark = harness.events.length;
    expect(await lab().applications.remove({ clientId: third.clientId })).toEqual({ done: true });
    expect(harness.context.secrets.has(third.clientId)).toBe(false);
    expect(changes(mark)).toEqual(['applications']);
    expect((await refusal(lab().applications.get({ clientId: third.clientId }))).code).toBe('not_found');
  });
});

describe('certificates', () => {
  let clientId: string;
  beforeAll(async () => {
    await lab().mock.updateSettings({ applicationLimit: 10 });
    clientId = (await lab().applications.create({ ...machine, name: 'Partner mTLS / EU', mutualTls: true })).application.clientId;
  });

  it('exports the certificate as a PEM bundle named after the app', async () => {
    const file = await lab().applications.exportCertificate({ clientId, format: 'pem' });
    expect(file).toMatchObject({ fileName: 'Partner-mTLS-EU.pem', mediaType: 'application/x-pem-file', encoding: 'utf8' });
    const application = await lab().applications.get({ clientId });
    expect(file.content.startsWith(application.certificate!.certificatePem.trim())).toBe(true);
    expect(file.content).toContain('-----BEGIN PRIVATE KEY-----');
  });

  it('exports PKCS#12 that opens with the password given, and only with it', async () => {
    const file = await lab().applications.exportCertificate({ clientId, format: 'pkcs12', password: 'correct horse' });
    expect(file).toMatchObject({ fileName: 'Partner-mTLS-EU.p12', mediaType: 'application/x-pkcs12', encoding: 'base64' });
    const der = forge.asn1.fromDer(forge.util.decode64(file.content));
    const p12 = forge.pkcs12.pkcs12FromAsn1(der, 'correct horse');
    const certificates = p12.getBags({ bagType: forge.pki.oids['certBag']! })[forge.pki.oids['certBag']!] ?? [];
    const pems = certificates.map((bag) => forge.pki.certificateToPem(bag.cert!).replace(/\r\n/g, '\n').trim());
    expect(pems).toContain((await lab().applications.get({ clientId })).certificate!.certificatePem.trim());
    expect(p12.getBags({ bagType: forge.pki.oids['pkcs8ShroudedKeyBag']! })[forge.pki.oids['pkcs8ShroudedKeyBag']!]).toHaveLength(1);
    expect(() => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.decode64(file.content)), 'wrong password')).toThrow();
  });

  it('asks for a password for PKCS#12 and refuses one for PEM, naming "password"', async () => {
    const missing = await refusal(lab().applications.exportCertificate({ clientId, format: 'pkcs12' }));
    expect(missing.toJSON()).toEqual({ code: 'invalid_input', message: 'a PKCS#12 export needs a "password" (at least 4 characters) to protect the private key', field: 'password' });
    const extra = await refusal(lab().applications.exportCertificate({ clientId, format: 'pem', password: 'secret-ish' }));
    expect(extra).toMatchObject({ code: 'invalid_input', field: 'password' });
    const short = await refusal(lab().applications.exportCertificate({ clientId, format: 'pkcs12', password: 'abc' }));
    expect(short).toMatchObject({ code: 'invalid_input', field: 'password' });
  });

  it('refuses to export the certificate of an app without mutual TLS', async () => {
    const { application } = await lab().applications.create({ ...machine, name: 'Plain' });
    const refused = await refusal(lab().applications.exportCertificate({ clientId: application.clientId, format: 'pem' }));
    expect(refused).toMatchObject({ code: 'conflict', field: 'mutualTls' });
    expect(refused.message).toContain('does not use mutual TLS');
  });

  it('renews the certificate, retiring the old one, and expires it on request', async () => {
    const before = (await lab().applications.get({ clientId })).certificate!;
    const mark = harness.events.length;
    const renewed = await lab().applications.renewCertificate({ clientId });
    expect(renewed.certificate!.serial).not.toBe(before.serial);
    expect(renewed.retiredCertificates).toEqual([expect.objectContaining({ serial: before.serial, reason: 'renewed' })]);
    const expired = await lab().applications.expireCertificate({ clientId });
    expect(expired.certificate).toMatchObject({ serial: renewed.certificate!.serial, expired: true });
    expect(changes(mark)).toEqual(['applications', 'applications']);
  });

  it('gives the mock CA certificate as a PEM file', async () => {
    const file = await lab().mock.caCertificate({});
    expect(file).toEqual({ fileName: 'totango-lab-mock-ca.pem', mediaType: 'application/x-pem-file', encoding: 'utf8', content: harness.mock.core.database.pki.ca.certPem });
  });
});

describe('users', () => {
  it('lists, creates, disables and deletes users, and keeps deletion final', async () => {
    expect((await lab().users.list({})).users.map((u) => [u.id, u.status])).toEqual([
      ['u-1001', 'active'],
      ['u-1002', 'active'],
      ['u-1003', 'active'],
      ['u-1004', 'disabled'],
      ['u-1005', 'deleted'],
    ]);
    const mark = harness.events.length;
    const user = await lab().users.create({ email: 'new.hire@acme-demo.example', firstName: 'New', lastName: 'Hire' });
    expect(user).toMatchObject({ id: 'u-1006', role: 'user', status: 'active' });
    expect(await lab().users.setStatus({ userId: user.id, status: 'disabled' })).toMatchObject({ status: 'disabled' });
    expect(await lab().users.setStatus({ userId: user.id, status: 'deleted' })).toMatchObject({ status: 'deleted' });
    expect(changes(mark)).toEqual(['users', 'users', 'users']);
    const revived = await refusal(lab().users.setStatus({ userId: user.id, status: 'active' }));
    expect(revived.toJSON()).toEqual({ code: 'conflict', message: 'user "u-1006" is deleted, which is final; create a new user instead', field: 'status' });
    expect((await refusal(lab().users.setStatus({ userId: 'u-4242', status: 'active' }))).toJSON()).toEqual({ code: 'not_found', message: 'no user "u-4242"' });
    expect(await refusal(lab().users.create({ email: 'not-an-email', firstName: 'A', lastName: 'B' }))).toMatchObject({ code: 'invalid_input', field: 'email' });
  });
});

describe('faults', () => {
  it('injects, lists and clears faults, and the mock applies them', async () => {
    const mark = harness.events.length;
    const failing = await lab().faults.inject({ target: 'token', kind: 'error', status: 503, error: 'temporarily_unavailable', count: 2 });
    expect(failing).toMatchObject({ id: expect.any(String), target: 'token', kind: 'error', status: 503, remaining: 2 });
    const slow = await lab().faults.inject({ target: 'any_api', kind: 'latency', latencyMs: 5 });
    expect(slow.remaining).toBeNull();
    expect((await lab().faults.list({})).faults).toEqual([failing, slow]);
    const answer = await postForm(harness.mock.urls.regions.us.token, { grant_type: 'client_credentials' });
    expect(answer.status).toBe(503);
    expect((await lab().faults.list({})).faults[0]?.remaining).toBe(1);
    expect(await lab().faults.clear({ faultId: failing.id })).toEqual({ done: true });
    expect((await lab().faults.list({})).faults.map((f) => f.id)).toEqual([slow.id]);
    expect(await lab().faults.clearAll({})).toEqual({ done: true });
    expect((await lab().faults.list({})).faults).toEqual([]);
    expect(changes(mark)).toEqual(['faults', 'faults', 'faults', 'faults']);
  });

  it("passes on the mock's refusal of an incomplete fault and of an unknown one", async () => {
    expect(await refusal(lab().faults.inject({ target: 'token', kind: 'latency' }))).toMatchObject({ code: 'validation_failed', field: 'latencyMs' });
    expect((await refusal(lab().faults.clear({ faultId: 'f-none' }))).toJSON()).toEqual({ code: 'not_found', message: 'no fault "f-none"' });
    expect(await refusal(lab().faults.inject({ target: 'nowhere' as 'token', kind: 'error', status: 500 }))).toMatchObject({ code: 'invalid_input', field: 'target' });
  });
});

describe('the mock clock, data and tokens', () => {
  it('moves the clock forward and back to real time', async () => {
    const mark = harness.events.length;
    const advanced = await lab().mock.advanceClock({ seconds: 3600 });
    expect(advanced.offsetSeconds).toBe(3600);
    expect(Date.parse(advanced.now) - Date.now()).toBeGreaterThan(3590_000);
    expect((await lab().mock.resetClock({})).offsetSeconds).toBe(0);
    expect(changes(mark)).toEqual(['clock', 'clock']);
  });

  it("resets the tenant's data", async () => {
    const mark = harness.events.length;
    expect(await lab().mock.resetData({})).toEqual({ done: true });
    expect(changes(mark)).toEqual(['data']);
  });

  it('revokes a token of the mock, and refuses one it did not issue without echoing it', async () => {
    const { application, clientSecret } = await lab().applications.create({ ...machine, name: 'Revoker' });
    const response = await postForm(harness.mock.urls.regions.us.token, { grant_type: 'client_credentials' }, { authorization: basicAuthorization(application.clientId, clientSecret) });
    const { access_token: token } = (await response.json()) as { access_token: string };
    expect(await lab().mock.revokeToken({ token })).toMatchObject({ revoked: true, region: 'us', jti: expect.any(String) });
    const refused = await refusal(lab().mock.revokeToken({ token: 'eyJhbGciOiJub25lIn0.e30.not-ours' }));
    expect(refused).toMatchObject({ code: 'validation_failed', field: 'token' });
    expect(refused.message).not.toContain('not-ours');
  });
});
