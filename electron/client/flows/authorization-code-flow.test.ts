/**
 * The authorization-code flow end to end against the real mock: the opener replaced by
 * a browser over HTTP that signs in and consents, the loopback server catching the
 * redirect, openid-client checking state, iss and PKCE, which catch tampered callbacks.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingFetch } from '../http/recording-fetch';
import { resolveTarget } from '../targets/resolve-target';
import type { ResolvedTarget } from '../targets/target';
import { codeFlowApp, codeFlowOptions, claimsOf, type CodeFlowApp } from '../testing/code-flow-fixture';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { mockBrowser, type MockBrowserOptions } from '../testing/mock-browser';
import { collector, freePort, rejectionOf } from '../testing/test-support';
import { AppCredentials } from '../targets/app-credentials';
import { AuthorizationCodeFlows } from './authorization-code-flow';
import type { FlowStep } from './flow-steps';
import type { AnyLabError } from './lab-error';

let lab: LabMock;
let target: ResolvedTarget;

beforeAll(async () => {
  lab = await startLabMock();
  target = await resolveTarget(lab.target('us'), { fetch: createRecordingFetch({ sink: () => {} }) });
});

afterEach(() => {
  expect(lab.loggedErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await lab.stop();
});

const setup = (scopes?: readonly string[]): Promise<CodeFlowApp> => codeFlowApp(lab, scopes);
const options = (app: CodeFlowApp, extra: Parameters<typeof codeFlowOptions>[2] = {}) => codeFlowOptions(target, app, extra);

describe('authorization code with PKCE', () => {
  it('runs end to end on a fixed port, reporting each step with its exchange', async () => {
    const s = await setup();
    const seen: NonNullable<MockBrowserOptions['seen']> = {};
    const { flowOptions, steps } = options(s, { scopes: ['account:read'], browser: { userId: 'u-1002', seen } });
    const result = await new AuthorizationCodeFlows().run(flowOptions);

    expect(claimsOf(result.accessToken)).toMatchObject({ sub: 'u-1002', client_id: s.registered.clientId, scope: 'account:read', iss: target.issuer });
    expect(result.scopes).toEqual(['account:read']);
    expect(steps.map((step) => step.step)).toEqual(['request-built', 'browser-opened', 'callback-received', 'code-exchanged', 'token-received']);
    const url = new URL(steps[0]?.url ?? '');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: s.registered.clientId,
      redirect_uri: `http://127.0.0.1:${s.port}/callback`,
      code_challenge_method: 'S256',
      scope: 'account:read',
    });
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    const code = seen.callback?.searchParams.get('code') ?? '';
    expect(steps[2]?.exchange?.request.url).toContain(`code=${code.slice(0, 4)}…${code.slice(-4)}`);
    expect(steps[2]?.exchange?.request.url).not.toContain(code);
    expect(steps[3]?.exchange).toMatchObject({ purpose: 'token request (authorization code)', response: { status: 200 } });
    expect(steps[3]?.exchange?.request.body).toMatch(/code_verifier=\[redacted\]/);
    expect(seen.callbackStatus).toBe(200);
    expect(seen.callbackPage).toContain('Sign-in received');
    expect(seen.callbackPage).toContain('go back to Totango OAuth Lab');
  });

  it('runs on an ephemeral port with the secret in the form body', async () => {
    const registered = await lab.register({ grantType: 'authorization_code', callbackUrls: ['http://127.0.0.1:1/placeholder'], scopes: ['event:read'] });
    const register = async (url: URL) => {
      const response = await lab.admin('PATCH', `/admin/applications/${registered.clientId}`, { callbackUrls: [url.searchParams.get('redirect_uri')] });
      expect(response.status).toBe(200);
    };
    const credentials = new AppCredentials({ clientId: registered.clientId, clientSecret: registered.clientSecret, authMethod: 'client_secret_post' });
    const steps = collector<FlowStep>();
    const result = await new AuthorizationCodeFlows().run({ target, credentials, opener: mockBrowser({ beforeOpen: register }), onStep: steps.listener });
    expect(result.scopes).toEqual(['event:read']);
    expect(steps.items[3]?.exchange?.request.body).toContain('client_secret=[redacted]');
    expect(steps.items[3]?.explanation).toContain('client_secret_post');
  });

  it('runs over mutual TLS with a PKCS#12 certificate, and the token is bound', async () => {
    const port = await freePort();
    const registered = await lab.register({ grantType: 'authorization_code', callbackUrls: [`http://127.0.0.1:${port}/callback`], scopes: ['account:read'], mutualTls: true });
    const pkcs12 = await lab.exportPkcs12(registered.clientId, 'p12 password');
    const credentials = new AppCredentials({ clientId: registered.clientId, clientSecret: registered.clientSecret, certificate: { kind: 'pkcs12', pkcs12, password: 'p12 password' } });
    const steps = collector<FlowStep>();
    const result = await new AuthorizationCodeFlows().run({ target, credentials, redirectPort: port, opener: mockBrowser(), onStep: steps.listener });
    expect(result.overMutualTls).toBe(true);
    expect(claimsOf(result.accessToken)['cnf']).toEqual({ 'x5t#S256': credentials.certificate()?.thumbprint });
    expect(steps.items[3]?.exchange).toMatchObject({ clientCertificate: true, request: { url: target.mtlsTokenEndpoint } });
  });
});

describe('error redirects', () => {
  it('ends with access_denied when the person denies, and the page still says to go back', async () => {
    const s = await setup();
    const seen: NonNullable<MockBrowserOptions['seen']> = {};
    const { flowOptions, steps } = options(s, { browser: { decision: 'deny', seen } });
    const error = (await rejectionOf(new AuthorizationCodeFlows().run(flowOptions))) as AnyLabError;
    expect(error).toMatchObject({ code: 'access_denied', oauth: { error: 'access_denied', error_description: 'the user denied the request' } });
    expect(error.message).toBe('access was denied ("access_denied"): the user denied the request');
    expect(seen.callbackPage).toContain('Sign-in did not complete');
    expect(seen.callbackPage).toContain('access_denied');
    expect(seen.callbackPage).toContain('go back to Totango OAuth Lab');
    expect(steps.map((step) => step.step)).toEqual(['request-built', 'browser-opened', 'callback-received', 'failed']);
    expect(steps[3]?.exchange).toBe(steps[2]?.exchange);
  });

  it('ends with invalid_scope when the request asks for a scope the app does not hold', async () => {
    const s = await setup(['account:read']);
    const { flowOptions } = options(s, { scopes: ['account:delete'] });
    const error = (await rejectionOf(new AuthorizationCodeFlows().run(flowOptions))) as AnyLabError;
    expect(error.code).toBe('invalid_scope');
    expect(error.message).toMatch(/^the server refused the requested scope \("invalid_scope"\): .*account:delete/);
  });
});

describe('tampered callbacks', () => {
  it('catches a callback whose state was changed', async () => {
    const s = await setup();
    const tamper = (callback: URL) => {
      callback.searchParams.set('state', 'forged-state');
      return callback;
    };
    const error = (await rejectionOf(new AuthorizationCodeFlows().run(options(s, { browser: { tamper } }).flowOptions))) as AnyLabError;
    expect(error.code).toBe('state_mismatch');
    expect(error.message).toMatch(/^the callback's "state" is not the one this flow sent \(unexpected "state" response parameter value\)/);
  });

  it('catches a callback without state', async () => {
    const s = await setup();
    const tamper = (callback: URL) => {
      callback.searchParams.delete('state');
      return callback;
    };
    const error = (await rejectionOf(new AuthorizationCodeFlows().run(options(s, { browser: { tamper } }).flowOptions))) as AnyLabError;
    expect(error.code).toBe('state_mismatch');
  });

  it("catches a callback whose iss is another issuer's (RFC 9207)", async () => {
    const s = await setup();
    const tamper = (callback: URL) => {
      callback.searchParams.set('iss', lab.issuer('eu'));
      return callback;
    };
    const error = (await rejectionOf(new AuthorizationCodeFlows().run(options(s, { browser: { tamper } }).flowOptions))) as AnyLabError;
    expect(error.code).toBe('issuer_mismatch');
    expect(error.message).toContain('unexpected "iss" (issuer) response parameter value');
  });

  it('catches an injected code obtained with another PKCE challenge', async () => {
    const s = await setup();
    let authorizationUrl: URL | undefined;
    const tamper = async (callback: URL) => {
      // The attacker's own authorization request: same client and state, their own challenge.
      const theirs = new URL(authorizationUrl ?? '');
      theirs.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
      let injected: URL | undefined;
      await mockBrowser({ tamper: (url) => ((injected = url), new URL(`http://127.0.0.1:${s.port}/elsewhere`)) })(theirs.href);
      callback.searchParams.set('code', injected?.searchParams.get('code') ?? '');
      return callback;
    };
    const { flowOptions } = options(s, { browser: { beforeOpen: async (url) => void (authorizationUrl = url), tamper } });
    const error = (await rejectionOf(new AuthorizationCodeFlows().run(flowOptions))) as AnyLabError;
    expect(error.code).toBe('pkce_failed');
    expect(error.message).toBe('the server refused the PKCE verifier ("invalid_grant"): "code_verifier" does not match the "code_challenge" of the authorization request');
  });
});
