import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointId } from '../../../shared/catalogue';
import { callEndpoint } from '../calls/api-caller';
import { exampleRequest } from '../calls/example-requests';
import { runClientCredentialsFlow } from '../flows/client-credentials-flow';
import { createRecordingFetch } from '../http/recording-fetch';
import { createTlsAgent } from '../http/tls-agent';
import { AppCredentials } from '../targets/app-credentials';
import { resolveTarget } from '../targets/resolve-target';
import { freePort } from '../testing/test-support';
import { clientCredentialsToken, registerClientApp } from '../testing/diagnostics-fixture';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { diagnose, type MatrixRow } from './diagnose';
import { explainNetworkError, explainResponse } from './failure-causes';

let lab: LabMock;
beforeAll(async () => {
  lab = await startLabMock();
});
afterAll(async () => lab.stop());
afterEach(async () => {
  await lab.resetClock();
  await lab.admin('DELETE', '/admin/faults');
});

/** The diagnostics row of one endpoint called with `accessToken` on the US region (or `apiBaseUrl`). */
async function row(accessToken: string, options: { apiBaseUrl?: string; endpointId?: EndpointId; dispatcher?: ReturnType<typeof createTlsAgent> } = {}): Promise<MatrixRow> {
  const matrix = await diagnose({
    target: { kind: 'mock', apiBaseUrl: options.apiBaseUrl ?? lab.issuer('us') },
    accessToken,
    grantedScopes: ['admin'],
    endpointIds: [options.endpointId ?? 'whoami'],
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
  });
  const [only] = matrix.rows;
  if (!only) throw new Error('no row');
  return only;
}

describe('failure causes produced on the mock', () => {
  it('names an expired token once the mock clock passes its lifetime', async () => {
    const token = await clientCredentialsToken(lab, await registerClientApp(lab, ['admin'], { accessTokenTtlSeconds: 300 }));
    await lab.advanceClock(301);
    expect(await row(token.accessToken)).toMatchObject({ verdict: 'error', actual: { status: 401, error: 'invalid_token' }, cause: { code: 'expired_token', summary: 'the access token has expired' } });
  });

  it('names the wrong region for an EU token sent to the US APIs', async () => {
    const token = await clientCredentialsToken(lab, await registerClientApp(lab, ['admin'], { region: 'eu' }));
    const result = await row(token.accessToken);
    expect(result.cause?.code).toBe('wrong_region');
    expect(result.cause?.serverDescription).toMatch(/EU region/);
  });

  it('names a revoked token, and a token whose application was deleted', async () => {
    const revoked = await clientCredentialsToken(lab, await registerClientApp(lab, ['admin']));
    expect((await lab.admin('POST', '/admin/tokens/revoke', { token: revoked.accessToken })).status).toBe(200);
    expect((await row(revoked.accessToken)).cause?.code).toBe('revoked_token');

    const app = await registerClientApp(lab, ['admin']);
    const orphan = await clientCredentialsToken(lab, app);
    expect((await lab.admin('DELETE', `/admin/applications/${app.clientId}`)).status).toBe(204);
    expect((await row(orphan.accessToken)).cause).toMatchObject({ code: 'application_deleted', summary: 'the application that was issued this token has been deleted' });
  });

  it('names a disabled acting user, at the APIs and at the token endpoint', async () => {
    const user = await lab.admin<{ id: string }>('POST', '/admin/users', { email: `sync.${Date.now()}@acme-demo.example`, firstName: 'Sync', lastName: 'Bot' });
    const app = await registerClientApp(lab, ['admin'], { actingUserId: user.body.id });
    const token = await clientCredentialsToken(lab, app);
    expect((await lab.admin('PATCH', `/admin/users/${user.body.id}`, { status: 'disabled' })).status).toBe(200);
    expect((await row(token.accessToken)).cause?.code).toBe('acting_user_inactive');
    const refused = await fetch(lab.mock.urls.regions.us.token, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
    });
    expect(explainResponse({ status: refused.status, headers: Object.fromEntries(refused.headers), body: await refused.json() })).toMatchObject({ code: 'acting_user_inactive' });
  });

  it('names a missing certificate, a wrong one, an expired one and a renewed one for a bound token', async () => {
    const app = await registerClientApp(lab, ['admin'], { mutualTls: true });
    const other = await registerClientApp(lab, ['admin'], { mutualTls: true });
    const certificate = { kind: 'pem' as const, certificatePem: await lab.exportPem(app.clientId) };
    const withOtherCertificate = createTlsAgent({ certificate: { kind: 'pem', certificatePem: await lab.exportPem(other.clientId) }, caPem: lab.caPem });
    const target = await resolveTarget(lab.target('us'), { fetch: createRecordingFetch({ sink: () => undefined }) });
    const token = await runClientCredentialsFlow({ target, credentials: new AppCredentials({ clientId: app.clientId, clientSecret: app.clientSecret, certificate, caPem: lab.caPem }) });
    const withCertificate = createTlsAgent({ certificate, caPem: lab.caPem });
    const withoutCertificate = createTlsAgent({ caPem: lab.caPem });
    try {
      expect((await row(token.accessToken, { apiBaseUrl: target.mtlsApiBase, dispatcher: withCertificate })).verdict).toBe('pass');
      expect((await row(token.accessToken, { apiBaseUrl: target.mtlsApiBase, dispatcher: withoutCertificate })).cause?.code).toBe('certificate_missing');
      expect((await row(token.accessToken)).cause?.code).toBe('certificate_missing');
      expect((await row(token.accessToken, { apiBaseUrl: target.mtlsApiBase, dispatcher: withOtherCertificate })).cause?.code).toBe('certificate_wrong');
      expect((await lab.admin('POST', `/admin/applications/${app.clientId}/certificate/expire`)).status).toBe(200);
      expect((await row(token.accessToken, { apiBaseUrl: target.mtlsApiBase, dispatcher: withCertificate })).cause?.code).toBe('certificate_expired');
      expect((await lab.admin('POST', `/admin/applications/${app.clientId}/certificate/renew`)).status).toBe(200);
      expect((await row(token.accessToken, { apiBaseUrl: target.mtlsApiBase, dispatcher: withCertificate })).cause?.code).toBe('certificate_renewed');
    } finally {
      await Promise.all([withCertificate.close(), withoutCertificate.close(), withOtherCertificate.close()]);
    }
  });

  it('names the rate limit with its Retry-After, and a server error, from injected faults', async () => {
    const token = await clientCredentialsToken(lab, await registerClientApp(lab, ['admin']));
    expect((await lab.admin('POST', '/admin/faults', { target: 'whoami', kind: 'rate_limit', retryAfterSeconds: 30 })).status).toBe(201);
    expect(await row(token.accessToken)).toMatchObject({
      verdict: 'error',
      actual: { status: 429 },
      cause: { code: 'rate_limited', retryAfterSeconds: 30, action: 'wait 30 s before retrying (Retry-After)' },
    });
    expect((await lab.admin('POST', '/admin/faults', { target: 'search-accounts', kind: 'error', status: 503, error: 'temporarily_unavailable' })).status).toBe(201);
    expect(await row(token.accessToken, { endpointId: 'search-accounts' })).toMatchObject({
      actual: { status: 503, error: 'temporarily_unavailable' },
      cause: { code: 'server_error', summary: 'the server is temporarily unavailable (503)' },
    });
  });

  it('names a request that carried no bearer token, or the legacy app-token header', async () => {
    for (const headers of [{}, { 'app-token': 'legacy-token-value' }] as Record<string, string>[]) {
      const response = await fetch(`${lab.issuer()}/api/v1/users/whoami`, { headers });
      const cause = explainResponse({ status: response.status, headers: Object.fromEntries(response.headers), body: await response.json() });
      expect(cause).toMatchObject({ code: 'missing_token', action: 'send "Authorization: Bearer <token>"' });
    }
  });

  it('names a refused connection and an untrusted server certificate', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const refused = await callEndpoint(exampleRequest('whoami'), { baseUrl: closed, accessToken: 'x'.repeat(40) });
    expect(refused.response).toBeUndefined();
    expect(refused.failure).toMatchObject({ code: 'network', summary: 'connection refused: nothing listens at that address' });
    const untrusted = await callEndpoint(exampleRequest('whoami'), { baseUrl: lab.mock.urls.regions.us.mtls.origin, accessToken: 'x'.repeat(40) });
    expect(untrusted.failure).toMatchObject({ code: 'tls', summary: 'the server\'s certificate is not trusted' });
  });
});

describe('failure causes from a real Totango, which says less', () => {
  it('falls back to the status and the RFC 6750 error code', () => {
    const bare = (status: number, challenge?: string) => explainResponse({ status, headers: challenge === undefined ? {} : { 'www-authenticate': challenge }, body: undefined });
    expect(bare(401, 'Bearer realm="api", error="invalid_token"')?.code).toBe('invalid_token');
    expect(bare(401, 'Bearer realm="api"')?.code).toBe('missing_token');
    expect(bare(403, 'Bearer error="insufficient_scope", scope="account:read"')).toMatchObject({ code: 'insufficient_scope', summary: 'the token lacks the scope "account:read"' });
    expect(bare(403)?.code).toBe('forbidden');
    expect(bare(500)?.code).toBe('server_error');
    expect(bare(404)?.code).toBe('not_found');
    expect(bare(200)).toBeUndefined();
  });

  it('reads the token endpoint\'s errors: a client of the other region, a wrong secret', () => {
    const body = (error: string, error_description: string) => ({ status: 401, headers: { 'www-authenticate': 'Basic realm="x"' }, body: { error, error_description } });
    expect(explainResponse(body('invalid_client', 'client "abc" is registered in the EU region; use its token endpoint, http://127.0.0.1:1/oauth/token'))?.code).toBe('wrong_region');
    expect(explainResponse(body('invalid_client', 'client authentication failed'))?.code).toBe('invalid_client');
  });

  it('names the authorization server\'s own errors in their own words, not as a malformed API call', () => {
    const fromServer = (error: string, status = 400) => explainResponse({ status, headers: {}, body: { error, error_description: 'x' } }, Date.now(), 'authorization_server');
    expect(fromServer('access_denied')).toMatchObject({ code: 'access_denied', summary: 'the authorization was denied: the user pressed Deny, or the server refused to let them grant access' });
    expect(fromServer('invalid_scope')).toMatchObject({ code: 'invalid_scope', summary: 'a requested scope is not one the application holds' });
    expect(fromServer('unauthorized_client')).toMatchObject({ code: 'unauthorized_client', summary: 'the application may not use this grant type' });
    expect(fromServer('unsupported_grant_type')).toMatchObject({ code: 'unsupported_grant_type', action: 'use "authorization_code" or "client_credentials"' });
    expect(fromServer('unsupported_response_type')).toMatchObject({ code: 'unsupported_response_type', action: 'use "response_type=code"' });
    expect(fromServer('invalid_request')).toMatchObject({ code: 'malformed_oauth_request', summary: 'the server found the token or authorization request malformed' });
    // Sent back in a redirect, a server failure comes with no 5xx.
    expect(fromServer('temporarily_unavailable')).toMatchObject({ code: 'server_error', summary: 'the server is temporarily unavailable' });
    expect(fromServer('server_error')).toMatchObject({ code: 'server_error', summary: 'the server failed' });
    // The same invalid_request from an API is a malformed call.
    expect(explainResponse({ status: 400, headers: {}, body: { error: 'invalid_request' } })?.code).toBe('bad_request');
  });

  it('tells a timeout from a refused connection', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(explainNetworkError(timeout).code).toBe('timeout');
    expect(explainNetworkError(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.totango.invalid'), { code: 'ENOTFOUND' }) })).summary).toBe('the host name does not resolve');
  });
});
