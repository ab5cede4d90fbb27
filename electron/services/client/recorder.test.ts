/**
 * The recorder service: the session's timeline as HAR and curl with no secret in them,
 * emptied with an event, and repro bundles exported without a secret and imported back
 * onto the mock, where the recreated app is ready to run.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContractError } from '../../../shared/contract';
import { rejectionOf } from '../../client/testing/test-support';
import { openServices, startTestMock, type RunningMock, type ServicesUnderTest } from './services-fixture';

let running: RunningMock;
let lab: ServicesUnderTest;
let app: { clientId: string; clientSecret: string };

beforeAll(async () => {
  running = await startTestMock();
});
afterAll(async () => {
  await running.stop();
});
beforeEach(async () => {
  lab = await openServices(running);
  app = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'touchpoint:all'], accessTokenTtlSeconds: 3600 });
  await lab.client.targets.useApplication({ clientId: app.clientId });
});
afterEach(async () => {
  await lab.close();
  expect(lab.loggedErrors).toEqual([]);
});

/** Every form a secret could leak in: as is, in a Basic header, URL-encoded. */
function leaks(text: string, clientId: string, secret: string): string[] {
  const forms = [secret, Buffer.from(`${clientId}:${secret}`).toString('base64'), encodeURIComponent(secret)];
  return forms.filter((form) => text.includes(form));
}

describe('HAR and curl', () => {
  it('exports the timeline as HAR 1.2 with no client secret and no token in it', async () => {
    const basic = await lab.client.flows.clientCredentials({});
    const post = await lab.client.flows.clientCredentials({ authMethod: 'client_secret_post' });
    await lab.client.calls.send({ request: await lab.client.calls.example({ endpointId: 'list-touchpoint-types' }) });

    const har = await lab.client.recorder.exportHar({});
    expect(har).toMatchObject({ mediaType: 'application/json', encoding: 'utf8' });
    expect(har.fileName).toMatch(/^lab-timeline-[\dT-]+Z\.har$/);
    const log = (JSON.parse(har.content) as { log: { version: string; creator: { name: string; version: string }; entries: { request: { url: string; postData?: { text: string } } }[] } }).log;
    expect(log.version).toBe('1.2');
    expect(log.creator).toEqual({ name: 'Totango OAuth Lab', version: '0.1.0-test' });
    expect(log.entries).toHaveLength((await lab.client.recorder.timeline({})).exchanges.length);
    expect(log.entries.some((e) => e.request.postData?.text.includes('client_secret=') === true)).toBe(true);
    expect(leaks(har.content, app.clientId, app.clientSecret)).toEqual([]);
    for (const token of [basic.token.accessToken, post.token.accessToken]) expect(har.content).not.toContain(token);
  });

  it('gives an exchange as a curl command whose secrets are shell variables', async () => {
    await lab.client.flows.clientCredentials({});
    const tokenRequest = (await lab.client.recorder.timeline({})).exchanges.find((e) => e.purpose.startsWith('token request'));
    const curl = await lab.client.recorder.curl({ exchangeId: tokenRequest?.id ?? '' });
    expect(curl.command).toMatch(/^curl /);
    expect(curl.command).toContain(running.mock.urls.regions.us.token);
    expect(curl.variables.length).toBeGreaterThan(0);
    expect(leaks(curl.command, app.clientId, app.clientSecret)).toEqual([]);
    expect((await rejectionOf(lab.client.recorder.curl({ exchangeId: 'no-such-exchange' }))) as ContractError).toMatchObject({ code: 'not_found', field: 'exchangeId', message: 'no exchange "no-such-exchange" on the timeline' });
  });

  it('empties the timeline and says so', async () => {
    await lab.client.flows.clientCredentials({});
    expect(await lab.client.recorder.clear({})).toEqual({ done: true });
    expect((await lab.client.recorder.timeline({})).exchanges).toEqual([]);
    expect(lab.eventsNamed('recorder.cleared')).toEqual([{}]);
  });
});

describe('repro bundles', () => {
  it("round-trips on the mock: the app's configuration out with no secret, recreated and ready to run", async () => {
    const { token } = await lab.client.flows.clientCredentials({ scopes: ['account:read'] });
    await lab.client.diagnostics.run({ endpointIds: ['search-accounts', 'whoami'] });
    const file = await lab.client.recorder.exportBundle({});
    expect(file.fileName).toMatch(/^repro-bundle-[\dT-]+Z\.json$/);
    expect(leaks(file.content, app.clientId, app.clientSecret)).toEqual([]);
    expect(file.content).not.toContain(token.accessToken);
    const bundle = JSON.parse(file.content) as { app: Record<string, unknown>; token: { kind: string; claims: Record<string, unknown> }; diagnostics: { rows: unknown[] }; timeline: unknown[] };
    expect(bundle.app).toMatchObject({
      grantType: 'client_credentials',
      scopes: ['account:read', 'touchpoint:all'],
      requestedScopes: ['account:read'],
      accessTokenTtlSeconds: 3600,
      mutualTls: false,
      actingUser: { id: 'u-1003', status: 'active' },
      region: 'us',
      target: { kind: 'mock', baseUrl: running.mock.urls.regions.us.issuer },
      clientAuthentication: 'client_secret_basic',
      originalClientId: app.clientId,
    });
    expect(bundle.token).toMatchObject({ kind: 'jwt', claims: { client_id: app.clientId } });
    expect(bundle.diagnostics.rows).toHaveLength(2);
    expect(bundle.timeline.length).toBeGreaterThan(0);

    const imported = await lab.client.recorder.importBundle({ content: file.content });
    expect(imported).toMatchObject({ region: 'us', actingUserId: 'u-1003', notes: [] });
    expect(imported.clientId).not.toBe(app.clientId);
    expect(JSON.stringify(imported)).not.toMatch(/secret/i);
    expect(lab.eventsNamed('mock.changed')).toContainEqual({ what: 'applications' });
    const replayed = (await running.admin<{ name: string; scopes: string[]; accessTokenTtlSeconds: number }>('GET', `/admin/applications/${imported.clientId}`)).body;
    expect(replayed).toMatchObject({ name: 'Services test (replay)', scopes: ['account:read', 'touchpoint:all'], accessTokenTtlSeconds: 3600 });

    const target = (await lab.client.targets.list({})).targets.find((t) => t.key === 'mock:us');
    expect(target?.credentials).toMatchObject({ clientId: imported.clientId, hasClientSecret: true });
    expect((await lab.client.flows.clientCredentials({})).token.clientId).toBe(imported.clientId);
  });

  it("holds one app's exchanges, token and diagnostics only, never another app's", async () => {
    const other = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['touchpoint:all'], accessTokenTtlSeconds: 600 });
    await lab.client.flows.clientCredentials({});
    await lab.client.diagnostics.run({ endpointIds: ['whoami'] });
    await lab.client.targets.useApplication({ clientId: other.clientId });
    const otherToken = (await lab.client.flows.clientCredentials({})).token;
    await lab.client.diagnostics.run({ endpointIds: ['list-touchpoint-types'] });
    const exchanges = (await lab.client.recorder.timeline({})).exchanges;
    type Bundle = { app: { originalClientId: string }; token: { claims: Record<string, unknown> } | null; diagnostics: { rows: { endpointId: string }[] } | null; timeline: { id: string; request: { headers: Record<string, string>; body?: string } }[]; description?: string };

    const first = JSON.parse((await lab.client.recorder.exportBundle({ clientId: app.clientId })).content) as Bundle;
    expect(first.app.originalClientId).toBe(app.clientId);
    expect(first.token).toBeNull();
    expect(first.diagnostics).toBeNull();
    expect(first.timeline.length).toBeGreaterThan(0);
    expect(first.timeline.length).toBeLessThan(exchanges.length);
    expect(JSON.stringify(first)).not.toContain(other.clientId);
    expect(first.description).toBeUndefined();

    const second = JSON.parse((await lab.client.recorder.exportBundle({})).content) as Bundle;
    expect(second.app.originalClientId).toBe(other.clientId);
    expect(second.token?.claims).toMatchObject({ client_id: other.clientId });
    expect(second.diagnostics?.rows.map((row) => row.endpointId)).toEqual(['list-touchpoint-types']);
    expect(JSON.stringify(second)).not.toContain(app.clientId);
    expect(first.timeline.length + second.timeline.length).toBe(exchanges.length);
    expect(JSON.stringify(second)).not.toContain(otherToken.accessToken);
  });

  it('says so when nothing of the chosen app was recorded, and holds its configuration only', async () => {
    const idle = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'], accessTokenTtlSeconds: 600 });
    await lab.client.flows.clientCredentials({});
    const bundle = JSON.parse((await lab.client.recorder.exportBundle({ clientId: idle.clientId })).content) as { app: { originalClientId: string; scopes: string[] }; token: unknown; diagnostics: unknown; timeline: unknown[]; description: string };
    expect(bundle).toMatchObject({ app: { originalClientId: idle.clientId, scopes: ['account:read'] }, token: null, diagnostics: null, timeline: [] });
    expect(bundle.description).toBe(`Nothing of application ${idle.clientId} was recorded in this session: the bundle holds its configuration only.`);
  });

  it('refuses a file that is not a bundle, naming what is wrong', async () => {
    const notJson = (await rejectionOf(lab.client.recorder.importBundle({ content: '{ nope' }))) as ContractError;
    expect(notJson).toMatchObject({ code: 'invalid_input', field: 'content', message: 'the repro bundle is not valid JSON' });
    const withSecret = JSON.parse((await lab.client.recorder.exportBundle({})).content) as { app: Record<string, unknown> };
    withSecret.app['clientSecret'] = app.clientSecret;
    const refused = (await rejectionOf(lab.client.recorder.importBundle({ content: JSON.stringify(withSecret) }))) as ContractError;
    expect(refused).toMatchObject({ code: 'invalid_input', field: 'content' });
    expect(refused.message).toMatch(/^invalid repro bundle: "app"/);
    expect(refused.message).not.toContain(app.clientSecret);
  });
});
