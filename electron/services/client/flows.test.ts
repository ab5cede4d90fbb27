/**
 * The flows service against the real mock over HTTP: an app registered in the session
 * loaded in one step, both grants run with their steps published live under one flow
 * id, the token made current, every exchange on the timeline, and mutual TLS end to end.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContractError, CurrentToken, ExchangeView, FlowStepView } from '../../../shared/contract';
import { mockBrowser } from '../../client/testing/mock-browser';
import { freePort, rejectionOf } from '../../client/testing/test-support';
import { openServices, startTestMock, type RunningMock, type ServicesUnderTest } from './services-fixture';

let running: RunningMock;
let lab: ServicesUnderTest;

beforeAll(async () => {
  running = await startTestMock();
});
afterAll(async () => {
  await running.stop();
});
afterEach(async () => {
  await lab.close();
  // Events and answers that broke the contract land here.
  expect(lab.loggedErrors).toEqual([]);
});

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('client credentials', () => {
  beforeEach(async () => {
    lab = await openServices(running);
  });

  it('runs with an app used from the session, publishing each step and making the token current', async () => {
    const app = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'touchpoint:all'] });
    const target = await lab.client.targets.useApplication({ clientId: app.clientId });
    expect(target).toMatchObject({ key: 'mock:us', kind: 'mock', region: 'us', credentials: { clientId: app.clientId, hasClientSecret: true, certificate: null, persisted: false } });
    expect(lab.eventsNamed('targets.changed')).toContainEqual({ selected: 'mock:us' });

    const outcome = await lab.client.flows.clientCredentials({});
    expect(outcome.flow).toBe('client_credentials');
    expect(outcome.steps.map((s) => s.step)).toEqual(['request-built', 'token-received']);
    const live = lab.eventsNamed<FlowStepView>('flows.step');
    expect(live).toEqual(outcome.steps);
    expect(new Set(live.map((s) => s.flowId))).toEqual(new Set([outcome.flowId]));
    expect(live[1]?.exchange).toMatchObject({ request: { method: 'POST', url: running.mock.urls.regions.us.token }, response: { status: 200 } });

    expect(outcome.token).toMatchObject({ source: 'client_credentials', targetKey: 'mock:us', clientId: app.clientId, scopes: ['account:read', 'touchpoint:all'], overMutualTls: false, tokenType: 'bearer' });
    expect(claimsOf(outcome.token.accessToken)['client_id']).toBe(app.clientId);
    expect((await lab.client.tokens.current({})).token).toEqual(outcome.token);
    expect(lab.eventsNamed<{ token: CurrentToken | null }>('tokens.changed').at(-1)?.token).toEqual(outcome.token);

    const timeline = (await lab.client.recorder.timeline({})).exchanges;
    expect(timeline.map((e) => e.purpose)).toEqual(['metadata (RFC 8414)', 'token request (client credentials)']);
    expect(lab.eventsNamed<ExchangeView>('recorder.exchange').map((e) => e.id)).toEqual(timeline.map((e) => e.id));
    expect(JSON.stringify(lab.events)).not.toContain(app.clientSecret);
  });

  it('asks for fewer scopes, and reports a refused scope as the OAuth error with a failed step', async () => {
    const app = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'touchpoint:all'] });
    await lab.client.targets.useApplication({ clientId: app.clientId });
    expect((await lab.client.flows.clientCredentials({ scopes: ['account:read'], authMethod: 'client_secret_post' })).token.scopes).toEqual(['account:read']);

    const error = (await rejectionOf(lab.client.flows.clientCredentials({ scopes: ['admin'] }))) as ContractError;
    expect(error).toMatchObject({ name: 'ContractError', code: 'invalid_scope', oauth: { error: 'invalid_scope' } });
    expect(error.message).toMatch(/admin/);
    const failed = lab.eventsNamed<FlowStepView>('flows.step').at(-1);
    expect(failed).toMatchObject({ step: 'failed', error: { code: 'invalid_scope' } });
    expect(JSON.stringify(lab.events)).not.toContain(app.clientSecret);
  });

  it('says to load credentials when the target has none', async () => {
    const error = (await rejectionOf(lab.client.flows.clientCredentials({ targetKey: 'mock:eu' }))) as ContractError;
    expect(error.code).toBe('invalid_configuration');
    expect(error.message).toBe('no credentials for "mock:eu": load an application with "targets.useApplication" or "targets.setCredentials" first');
  });

  it('gets a certificate-bound token over HTTPS for a mutual-TLS app', async () => {
    const app = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['system_user:read'], mutualTls: true });
    const target = await lab.client.targets.useApplication({ clientId: app.clientId });
    const certificate = target.credentials?.certificate;
    expect(certificate?.subject).toMatch(/CN=/);
    expect(certificate?.thumbprint).toMatch(/^[\w-]{43}$/);
    expect(Date.parse(certificate?.notAfter ?? '')).toBeGreaterThan(Date.now());

    const outcome = await lab.client.flows.clientCredentials({});
    expect(outcome.token.overMutualTls).toBe(true);
    expect(claimsOf(outcome.token.accessToken)['cnf']).toEqual({ 'x5t#S256': certificate?.thumbprint });
    expect(outcome.steps.at(-1)?.exchange).toMatchObject({ request: { url: running.mock.urls.regions.us.mtls.token }, clientCertificate: true });

    const whoami = await lab.client.calls.send({ request: await lab.client.calls.example({ endpointId: 'whoami' }) });
    expect(whoami.url.startsWith(running.mock.urls.regions.us.mtls.origin)).toBe(true);
    expect(whoami.response?.status).toBe(200);
    const inspection = await lab.client.tokens.inspect({ token: outcome.token.accessToken });
    expect(inspection.verification?.checks.find((c) => c.name === 'cnf')).toMatchObject({ status: 'pass' });
  });
});

describe('authorization code', () => {
  it('signs in through the opener and the loopback callback, on the preferred port', async () => {
    lab = await openServices(running, { openBrowser: mockBrowser() });
    const port = await freePort();
    const app = await lab.register({ grantType: 'authorization_code', callbackUrls: [`http://127.0.0.1:${port}/callback`], scopes: ['account:read', 'user:read'] });
    await lab.client.lab.updatePreferences({ callbackPort: port });
    await lab.client.targets.useApplication({ clientId: app.clientId });

    const outcome = await lab.client.flows.authorizationCode({ scopes: ['account:read'] });
    expect(outcome.steps.map((s) => s.step)).toEqual(['request-built', 'browser-opened', 'callback-received', 'code-exchanged', 'token-received']);
    expect(outcome.steps[0]?.url).toMatch(/code_challenge_method=S256/);
    expect(outcome.token).toMatchObject({ source: 'authorization_code', scopes: ['account:read'], clientId: app.clientId });
    expect(claimsOf(outcome.token.accessToken)['sub']).toBe('u-1001');
    expect(lab.eventsNamed('flows.openUrl')).toEqual([]);
    expect(lab.eventsNamed<FlowStepView>('flows.step').map((s) => s.flowId)).toEqual(Array(5).fill(outcome.flowId));
  });

  it('in browser mode sends the URL to the window as an event, and takes an exact redirect URI', async () => {
    lab = await openServices(running);
    const port = await freePort();
    const app = await lab.register({ grantType: 'authorization_code', callbackUrls: [`http://127.0.0.1:${port}/oauth/done`], scopes: ['account:read'] });
    await lab.client.targets.useApplication({ clientId: app.clientId });
    const browser = mockBrowser();
    const opened: Promise<void>[] = [];
    lab.client.events.on('flows.openUrl', ({ url }) => opened.push(browser(url)));

    const outcome = await lab.client.flows.authorizationCode({ redirectUri: `http://127.0.0.1:${port}/oauth/done` });
    await Promise.all(opened);
    expect(lab.eventsNamed('flows.openUrl')).toEqual([{ flowId: outcome.flowId, url: outcome.steps[0]?.url }]);
    expect(outcome.token.source).toBe('authorization_code');
  });

  it('cancels the flow waiting for its callback', async () => {
    lab = await openServices(running);
    const app = await lab.register({ grantType: 'authorization_code', callbackUrls: ['http://127.0.0.1:9/callback'], scopes: ['account:read'] });
    await lab.client.targets.useApplication({ clientId: app.clientId });
    expect(await lab.client.flows.cancel({})).toEqual({ cancelled: false });
    const opened = new Promise<void>((resolve) => lab.client.events.on('flows.openUrl', () => resolve()));
    const waiting = rejectionOf(lab.client.flows.authorizationCode({ callbackPort: null }));
    await opened;
    expect(await lab.client.flows.cancel({})).toEqual({ cancelled: true });
    expect(await waiting).toMatchObject({ code: 'cancelled', message: 'the authorization-code flow was cancelled' });
    expect(lab.eventsNamed<FlowStepView>('flows.step').at(-1)).toMatchObject({ step: 'failed', error: { code: 'cancelled' } });
  });

  it('is cancelled when the services close, its loopback port freed', async () => {
    lab = await openServices(running);
    const port = await freePort();
    const app = await lab.register({ grantType: 'authorization_code', callbackUrls: [`http://127.0.0.1:${port}/callback`], scopes: ['account:read'] });
    await lab.client.targets.useApplication({ clientId: app.clientId });
    const opened = new Promise<void>((resolve) => lab.client.events.on('flows.openUrl', () => resolve()));
    const waiting = rejectionOf(lab.client.flows.authorizationCode({ callbackPort: port }));
    await opened;
    await lab.close();
    expect(await waiting).toMatchObject({ code: 'cancelled' });
    await expect(fetch(`http://127.0.0.1:${port}/callback`)).rejects.toThrow();
  });
});
