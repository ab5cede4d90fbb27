/**
 * The client-credentials flow against the real mock over HTTP and HTTPS: Basic and
 * form-body authentication, a subset of scopes, mutual TLS with PEM and PKCS#12, and
 * each failure ending with its own code and message.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpExchange } from '../http/exchange';
import { createRecordingFetch } from '../http/recording-fetch';
import { AppCredentials } from '../targets/app-credentials';
import { resolveTarget } from '../targets/resolve-target';
import type { ResolvedTarget } from '../targets/target';
import { startLabMock, type LabMock, type RegisteredApp } from '../testing/lab-mock';
import { collector, freePort, rejectionOf } from '../testing/test-support';
import { runClientCredentialsFlow } from './client-credentials-flow';
import type { FlowStep } from './flow-steps';
import type { AnyLabError } from './lab-error';

let lab: LabMock;
let target: ResolvedTarget;

beforeAll(async () => {
  lab = await startLabMock();
  target = await resolveTarget(lab.target('us'), { fetch: createRecordingFetch({ sink: () => {} }) });
});

afterEach(async () => {
  await lab.admin('DELETE', '/admin/faults');
  expect(lab.loggedErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await lab.stop();
});

function app(scopes: string[] = ['account:read', 'touchpoint:all'], extra: { mutualTls?: boolean; actingUserId?: string } = {}): Promise<RegisteredApp> {
  return lab.register({ grantType: 'client_credentials', actingUserId: extra.actingUserId ?? 'u-1003', scopes, ...(extra.mutualTls ? { mutualTls: true } : {}) });
}

function run(registered: RegisteredApp, options: { authMethod?: 'client_secret_basic' | 'client_secret_post'; scopes?: string[]; secret?: string } = {}) {
  const exchanges: HttpExchange[] = [];
  const steps = collector<FlowStep>();
  const credentials = new AppCredentials({ clientId: registered.clientId, clientSecret: options.secret ?? registered.clientSecret, authMethod: options.authMethod ?? 'client_secret_basic' });
  const promise = runClientCredentialsFlow({ target, credentials, sink: (e) => exchanges.push(e), onStep: steps.listener, ...(options.scopes ? { scopes: options.scopes } : {}) });
  return { promise, exchanges, steps: steps.items };
}

describe('client credentials', () => {
  it('gets a token with HTTP Basic, reporting the request and the token with the exchange behind it', async () => {
    const registered = await app();
    const { promise, exchanges, steps } = run(registered);
    const result = await promise;
    expect(result.scopes).toEqual(['account:read', 'touchpoint:all']);
    expect(result.tokenType.toLowerCase()).toBe('bearer');
    expect(result.expiresInSeconds).toBe(86400);
    expect(result.accessToken.split('.')).toHaveLength(3);
    expect(steps.map((s) => s.step)).toEqual(['request-built', 'token-received']);
    expect(steps[0]?.explanation).toContain('HTTP Basic (client_secret_basic)');
    expect(steps[1]?.explanation).toBe('Received a bearer access token for the scopes account:read, touchpoint:all, valid 24 h.');
    expect(steps[1]?.exchange).toBe(exchanges.at(-1));
    expect(steps[1]?.exchange).toMatchObject({ purpose: 'token request (client credentials)', request: { method: 'POST', url: target.tokenEndpoint }, response: { status: 200 } });
    expect(steps[1]?.exchange?.request.headers['authorization']).toBe(`Basic [redacted: client "${registered.clientId}"]`);
    expect(result.steps).toEqual(steps);
  });

  it('sends the secret in the form body with client_secret_post, and records it redacted', async () => {
    const registered = await app();
    const { promise, exchanges } = run(registered, { authMethod: 'client_secret_post' });
    await promise;
    const body = exchanges.at(-1)?.request.body ?? '';
    expect(body).toContain('client_secret=[redacted]');
    expect(body).toContain(`client_id=${registered.clientId}`);
    expect(exchanges.at(-1)?.request.headers['authorization']).toBeUndefined();
    expect(JSON.stringify(exchanges)).not.toContain(registered.clientSecret);
  });

  it('asks for a subset of the scopes', async () => {
    const registered = await app(['account:read', 'touchpoint:all', 'user:read']);
    const result = await run(registered, { scopes: ['touchpoint:read'] }).promise;
    expect(result.scopes).toEqual(['touchpoint:read']);
  });

  it('keeps the token out of JSON and of the recorded response', async () => {
    const registered = await app();
    const { promise, exchanges } = run(registered);
    const result = await promise;
    expect(JSON.stringify(result)).not.toContain(result.accessToken);
    expect(JSON.stringify(result)).toContain(`${result.accessToken.slice(0, 4)}…${result.accessToken.slice(-4)}`);
    expect(JSON.stringify(exchanges)).not.toContain(result.accessToken);
    expect(exchanges.at(-1)?.response?.body).toContain(`"access_token":"${result.accessToken.slice(0, 4)}…${result.accessToken.slice(-4)}"`);
  });
});

describe('client-credentials failures', () => {
  it('names invalid_client for a wrong secret over Basic (a WWW-Authenticate challenge) and reports the failed step', async () => {
    const registered = await app();
    const { promise, steps } = run(registered, { secret: 'not-the-secret-at-all' });
    const error = (await rejectionOf(promise)) as AnyLabError;
    expect(error).toMatchObject({ code: 'invalid_client', status: 401, oauth: { error: 'invalid_client', error_description: 'the client secret does not match' } });
    expect(error.message).toBe('the server did not accept the client credentials ("invalid_client"): the client secret does not match');
    expect(steps.map((s) => s.step)).toEqual(['request-built', 'failed']);
    expect(steps[1]).toMatchObject({ error: { code: 'invalid_client' }, exchange: { response: { status: 401 } } });
  });

  it('names invalid_client for a wrong secret sent in the form body too', async () => {
    const registered = await app();
    const error = (await rejectionOf(run(registered, { secret: 'not-the-secret-at-all', authMethod: 'client_secret_post' }).promise)) as AnyLabError;
    expect(error.code).toBe('invalid_client');
  });

  it('names invalid_scope for a scope the app does not hold', async () => {
    const registered = await app(['account:read']);
    const error = (await rejectionOf(run(registered, { scopes: ['account:delete'] }).promise)) as AnyLabError;
    expect(error.code).toBe('invalid_scope');
    expect(error.message).toMatch(/^the server refused the requested scope \("invalid_scope"\): .*account:delete/);
  });

  it('names invalid_grant when the acting user is disabled', async () => {
    const user = await lab.admin<{ id: string }>('POST', '/admin/users', { email: 'cc.flow@acme-demo.example', firstName: 'CC', lastName: 'Flow' });
    const registered = await app(['account:read'], { actingUserId: user.body.id });
    await lab.admin('PATCH', `/admin/users/${user.body.id}`, { status: 'disabled' });
    const error = (await rejectionOf(run(registered).promise)) as AnyLabError;
    expect(error).toMatchObject({ code: 'invalid_grant', status: 400 });
    expect(error.oauth?.error_description).toContain('disabled');
  });

  it('names rate_limited for a 429', async () => {
    const registered = await app();
    await lab.admin('POST', '/admin/faults', { target: 'token', kind: 'rate_limit', retryAfterSeconds: 30 });
    const error = (await rejectionOf(run(registered).promise)) as AnyLabError;
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
  });

  it('names temporarily_unavailable for an injected 503 that carries it', async () => {
    const registered = await app();
    await lab.admin('POST', '/admin/faults', { target: 'token', kind: 'error', status: 503, error: 'temporarily_unavailable' });
    const error = (await rejectionOf(run(registered).promise)) as AnyLabError;
    expect(error).toMatchObject({ code: 'temporarily_unavailable', status: 503, oauth: { error: 'temporarily_unavailable' } });
    expect(error.message).toMatch(/^the server is temporarily unavailable \("temporarily_unavailable"\)/);
  });

  it('times out a request that takes longer than the limit', async () => {
    const registered = await app();
    await lab.admin('POST', '/admin/faults', { target: 'token', kind: 'latency', latencyMs: 3000 });
    const credentials = new AppCredentials({ clientId: registered.clientId, clientSecret: registered.clientSecret });
    const error = (await rejectionOf(runClientCredentialsFlow({ target, credentials, requestTimeoutSeconds: 0.2 }))) as AnyLabError;
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('the server did not answer in time');
  });

  it('is cancelled through its signal while the request is under way', async () => {
    const registered = await app();
    await lab.admin('POST', '/admin/faults', { target: 'token', kind: 'latency', latencyMs: 3000 });
    const controller = new AbortController();
    const exchanges: HttpExchange[] = [];
    const credentials = new AppCredentials({ clientId: registered.clientId, clientSecret: registered.clientSecret });
    const promise = runClientCredentialsFlow({ target, credentials, signal: controller.signal, sink: (e) => exchanges.push(e), onStep: (step) => step.step === 'request-built' && setImmediate(() => controller.abort()) });
    const error = (await rejectionOf(promise)) as AnyLabError;
    expect(error).toMatchObject({ code: 'cancelled', message: 'the flow was cancelled' });
    expect(exchanges.at(-1)?.error).toBe('the request was cancelled');
  });

  it('says nothing is listening when the token endpoint refuses connections', async () => {
    const registered = await app();
    const closed = { ...target, tokenEndpoint: `http://127.0.0.1:${await freePort()}/oauth/token` };
    const credentials = new AppCredentials({ clientId: registered.clientId, clientSecret: registered.clientSecret });
    const error = (await rejectionOf(runClientCredentialsFlow({ target: closed, credentials }))) as AnyLabError;
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/^nothing is listening there: .*ECONNREFUSED/);
  });
});
