import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../diagnostics/diagnose';
import { explainResponse } from '../diagnostics/failure-causes';
import { runClientCredentialsFlow } from '../flows/client-credentials-flow';
import { createRecordingFetch } from '../http/recording-fetch';
import { createTlsAgent } from '../http/tls-agent';
import { AppCredentials } from '../targets/app-credentials';
import { resolveTarget } from '../targets/resolve-target';
import { registerClientApp } from '../testing/diagnostics-fixture';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { buildReproBundle, parseReproBundle, serializeReproBundle } from './repro-bundle';
import type { ReproApp, ReproBundle } from './repro-bundle-schema';
import { importReproBundle } from './repro-import';
import { Timeline } from './timeline';

let customer: LabMock;
let support: LabMock;
let bundle: ReproBundle;
let text: string;
let secrets: { clientSecret: string; accessToken: string; privateKey: string };

const app: ReproApp = {
  name: 'Bound nightly sync',
  grantType: 'client_credentials',
  scopes: ['account:read', 'touchpoint:all'],
  accessTokenTtlSeconds: 3600,
  mutualTls: true,
  callbackUrls: [],
  actingUser: { id: 'u-1003', email: 'integration.bot@acme-demo.example' },
  region: 'us',
  target: { kind: 'mock' },
  clientAuthentication: 'client_secret_basic',
};

beforeAll(async () => {
  [customer, support] = await Promise.all([startLabMock(), startLabMock()]);
  const registered = await registerClientApp(customer, app.scopes, { mutualTls: true, accessTokenTtlSeconds: 3600 });
  const pem = await customer.exportPem(registered.clientId);
  const certificate = { kind: 'pem' as const, certificatePem: pem };
  const timeline = new Timeline();
  const target = await resolveTarget(customer.target('us'), { fetch: createRecordingFetch({ sink: timeline.sink }) });
  const token = await runClientCredentialsFlow({ target, sink: timeline.sink, credentials: new AppCredentials({ clientId: registered.clientId, clientSecret: registered.clientSecret, certificate, caPem: customer.caPem }) });
  const dispatcher = createTlsAgent({ certificate, caPem: customer.caPem });
  const matrix = await diagnose({ target: { kind: 'mock', apiBaseUrl: target.mtlsApiBase }, accessToken: token.accessToken, grantedScopes: token.scopes, dispatcher, sink: timeline.sink });
  await dispatcher.close();
  const privateKey = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)?.[0] ?? '';
  secrets = { clientSecret: registered.clientSecret, accessToken: token.accessToken, privateKey };
  bundle = buildReproBundle({
    app: { ...app, originalClientId: registered.clientId },
    timeline: timeline.list(),
    accessToken: token.accessToken,
    diagnostics: matrix,
    // What a person might paste while describing the problem: it must not survive.
    description: `fails nightly; our config: secret=${registered.clientSecret} token=${token.accessToken}\n${privateKey}`,
    now: () => Date.parse('2030-05-06T07:08:09.000Z'),
  });
  text = serializeReproBundle(bundle, { knownSecrets: [registered.clientSecret, token.accessToken] });
});
afterAll(async () => Promise.all([customer.stop(), support.stop()]));

describe('a repro bundle', () => {
  it('holds the configuration, the timeline, the decoded token and the matrix', () => {
    const parsed = parseReproBundle(text);
    expect(parsed).toMatchObject({ format: 'totango-oauth-lab/repro-bundle', schemaVersion: 1, createdAt: '2030-05-06T07:08:09.000Z', app: { ...app } });
    expect(parsed.timeline.map((x) => x.purpose)).toEqual(expect.arrayContaining(['token request (client credentials, mutual TLS)', 'diagnostics: whoami']));
    expect(parsed.token).toMatchObject({ kind: 'jwt', header: { typ: 'at+jwt' }, claims: { scope: 'account:read touchpoint:all', totango_user: { id: 'u-1003' } } });
    expect(parsed.diagnostics?.rows).toHaveLength(29);
    expect(parsed.diagnostics?.counts).toMatchObject({ pass: 7, fail: 22, mismatch: 0 });
  });

  it('never holds the client secret, the token, the Basic credentials or a private key', () => {
    const [header, payload, signature] = secrets.accessToken.split('.');
    const basic = Buffer.from(`${bundle.app.originalClientId}:${secrets.clientSecret}`).toString('base64');
    for (const forbidden of [secrets.clientSecret, secrets.accessToken, `${header}.${payload}`, signature ?? '', basic, 'PRIVATE KEY', secrets.privateKey.split('\n')[1] ?? '']) {
      expect(forbidden.length).toBeGreaterThan(10);
      expect(text).not.toContain(forbidden);
    }
  });

  it('round-trips: a serialized bundle parses back to what was written', () => {
    expect(serializeReproBundle(parseReproBundle(text))).toBe(text);
  });

  it('is refused, naming the field, when it is not a valid bundle', () => {
    const value = JSON.parse(text) as Record<string, unknown>;
    const withApp = (changes: Record<string, unknown>) => JSON.stringify({ ...value, app: { ...(value['app'] as object), ...changes } });
    expect(() => parseReproBundle('{nope')).toThrow('the repro bundle is not valid JSON');
    expect(() => parseReproBundle(withApp({ grantType: 'password' }))).toThrow(/^invalid repro bundle: "app\.grantType": /);
    expect(() => parseReproBundle(withApp({ clientSecret: 'hunter2hunter2' }))).toThrow(/^invalid repro bundle: "app": .*clientSecret/);
    expect(() => parseReproBundle(JSON.stringify({ ...value, schemaVersion: 7 }))).toThrow('the repro bundle has "schemaVersion" 7, newer than this Lab reads (1); update the Lab');
    expect(() => parseReproBundle(JSON.stringify({ ...value, token: { kind: 'jwt', raw: secrets.accessToken } }))).toThrow(/^invalid repro bundle: "token/);
  });
});

describe('importing a repro bundle on another mock', () => {
  it('recreates the same application, whose token holds the same scopes and acts as the same user', async () => {
    const imported = await importReproBundle(parseReproBundle(text), { adminBaseUrl: support.mock.urls.admin });
    expect(imported).toMatchObject({ region: 'us', actingUserId: 'u-1003', notes: [] });
    const recreated = await support.admin<Record<string, unknown>>('GET', `/admin/applications/${imported.clientId}`);
    expect(recreated.body).toMatchObject({ name: 'Bound nightly sync (replay)', grantType: 'client_credentials', scopes: app.scopes, accessTokenTtlSeconds: 3600, mutualTls: true, actingUserId: 'u-1003' });
    const certificate = { kind: 'pem' as const, certificatePem: await support.exportPem(imported.clientId) };
    const target = await resolveTarget(support.target('us'), { fetch: createRecordingFetch({ sink: () => undefined }) });
    const credentials = new AppCredentials({ clientId: imported.clientId, clientSecret: imported.clientSecret, certificate, caPem: support.caPem });
    const token = await runClientCredentialsFlow({ target, credentials });
    expect(token.scopes).toEqual(app.scopes);
    expect(JSON.parse(Buffer.from(token.accessToken.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({ totango_user: { id: 'u-1003', email: app.actingUser?.email } });
  });

  it('creates a missing acting user, and replays a disabled one so the failure shows again', async () => {
    const stranger: ReproBundle = { ...bundle, app: { ...app, mutualTls: false, actingUser: { id: 'u-7777', email: 'night.owl@acme-demo.example', status: 'disabled' } } };
    const imported = await importReproBundle(stranger, { adminBaseUrl: support.mock.urls.admin });
    expect(imported.notes).toEqual([`created acting user night.owl@acme-demo.example (${imported.actingUserId})`, `acting user night.owl@acme-demo.example (${imported.actingUserId}) set disabled, as in the bundle`]);
    const refused = await fetch(support.mock.urls.regions.us.token, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: imported.clientId, client_secret: imported.clientSecret }),
    });
    expect(explainResponse({ status: refused.status, headers: {}, body: await refused.json() })?.code).toBe('acting_user_inactive');
  });

  it('says why the mock refused the application', async () => {
    const unknownScope: ReproBundle = { ...bundle, app: { ...app, scopes: ['account:fly'] } };
    await expect(importReproBundle(unknownScope, { adminBaseUrl: support.mock.urls.admin })).rejects.toThrow(/^the mock refused to register the application: .*account:fly/);
  });
});
