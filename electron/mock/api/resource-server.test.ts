/**
 * The resource server's checks over real HTTP: RFC 6750 errors for every token failure
 * with the exact cause, faults, the audit log, and writes that the reads then return.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthorization, postForm, startMockHarness, type MockHarness, type RegisteredApp } from '../testing/mock-harness';

let harness: MockHarness;
let app: RegisteredApp;

async function token(region: 'us' | 'eu' = 'us', registered: RegisteredApp = app): Promise<string> {
  const response = await postForm(harness.mock.urls.regions[region].token, { grant_type: 'client_credentials' }, { authorization: basicAuthorization(registered.clientId, registered.clientSecret) });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(JSON.stringify(body));
  return body.access_token;
}

async function api(path: string, init: { token?: string; headers?: Record<string, string>; method?: string; json?: unknown; region?: 'us' | 'eu' } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${harness.mock.urls.regions[init.region ?? 'us'].issuer}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & unknown[] };
}

beforeAll(async () => {
  harness = await startMockHarness({ applicationLimit: 10 });
  app = await harness.createApp({ name: 'Reader', grantType: 'client_credentials', actingUserId: 'u-1002', scopes: ['system_user:read', 'touchpoint:all', 'account:read'] });
});

afterEach(async () => {
  await harness.admin('DELETE', '/admin/faults');
  await harness.admin('POST', '/admin/clock/reset', {});
});

afterAll(async () => {
  expect(harness.loggedErrors).toEqual([]);
  await harness.stop();
});

describe('bearer token errors (RFC 6750)', () => {
  it('answers a request without a token with a bare Bearer challenge', async () => {
    const response = await api('/api/v1/users/whoami');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="Totango mock US"');
  });

  it.each([
    ['Basic abc', 401, undefined, /scheme is "Basic"/],
    ['Bearer', 400, 'invalid_request', /carries no token/],
    ['Bearer a b', 400, 'invalid_request', /characters a token cannot hold/],
  ])('answers Authorization "%s" with %i', async (header, status, error, description) => {
    const response = await api('/api/v1/users/whoami', { headers: { authorization: header } });
    expect(response.status).toBe(status);
    if (error) expect(response.headers.get('www-authenticate')).toContain(`error="${error}"`);
    expect(String(response.body['error_description'])).toMatch(description);
  });

  it("points a legacy app-token caller to OAuth, and refuses a token in the query", async () => {
    const legacy = await api('/api/v1/users/whoami', { headers: { 'app-token': 'abc' } });
    expect(legacy.status).toBe(401);
    expect(legacy.body['error_description']).toMatch(/legacy "app-token"/);
    const query = await api(`/api/v1/users/whoami?access_token=${await token()}`);
    expect(query.status).toBe(400);
    expect(query.body['error_description']).toMatch(/not in the query/);
  });

  it('names the other region when a token is used at the wrong one', async () => {
    const response = await api('/api/v1/users/whoami', { token: await token(), region: 'eu' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token", error_description="the access token was issued by the US region/);
  });

  it('names expiry by the mock clock', async () => {
    const fresh = await token();
    await harness.admin('POST', '/admin/clock/advance', { seconds: 86_401 });
    const response = await api('/api/v1/users/whoami', { token: fresh });
    expect(response.status).toBe(401);
    expect(response.body['error_description']).toMatch(/the access token expired at .* \(mock clock: /);
  });

  it('names revocation, a deleted app and a disabled acting user', async () => {
    const revokedToken = await token();
    expect((await harness.admin('POST', '/admin/tokens/revoke', { token: revokedToken })).status).toBe(200);
    expect((await api('/api/v1/users/whoami', { token: revokedToken })).body['error_description']).toBe('the access token has been revoked');

    const doomed = await harness.createApp({ name: 'Doomed', grantType: 'client_credentials', actingUserId: 'u-1002', scopes: ['system_user:read'] });
    const doomedToken = await token('us', doomed);
    await harness.admin('DELETE', `/admin/applications/${doomed.clientId}`);
    expect((await api('/api/v1/users/whoami', { token: doomedToken })).body['error_description']).toMatch(/has been deleted/);

    const user = (await harness.admin<{ id: string }>('POST', '/admin/users', { email: 'temp.user@acme-demo.example', firstName: 'Temp', lastName: 'User' })).body;
    const acting = await harness.createApp({ name: 'Acting', grantType: 'client_credentials', actingUserId: user.id, scopes: ['system_user:read'] });
    const actingToken = await token('us', acting);
    await harness.admin('PATCH', `/admin/users/${user.id}`, { status: 'disabled' });
    const disabled = await api('/api/v1/users/whoami', { token: actingToken });
    expect(disabled.status).toBe(401);
    expect(disabled.body['error_description']).toBe(`the acting user "temp.user@acme-demo.example" (${user.id}) is disabled`);
  });

  it('answers whoami with the acting user', async () => {
    const response = await api('/api/v1/users/whoami', { token: await token() });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: 'u-1002', email: 'daniel.okafor@acme-demo.example' });
  });
});

describe('faults', () => {
  it("simulates Totango's rate limit with 429 and Retry-After, then recovers", async () => {
    await harness.admin('POST', '/admin/faults', { target: 'whoami', kind: 'rate_limit', retryAfterSeconds: 30, count: 2 });
    const bearer = await token();
    for (let i = 0; i < 2; i++) {
      const limited = await api('/api/v1/users/whoami', { token: bearer });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('30');
    }
    expect((await api('/api/v1/users/whoami', { token: bearer })).status).toBe(200);
  });

  it('fails the token endpoint with a chosen OAuth error, once', async () => {
    await harness.admin('POST', '/admin/faults', { target: 'token', kind: 'error', status: 503, error: 'temporarily_unavailable' });
    const failed = await postForm(harness.mock.urls.regions.us.token, { grant_type: 'client_credentials' }, { authorization: basicAuthorization(app.clientId, app.clientSecret) });
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ error: 'temporarily_unavailable' });
    expect(await token()).toMatch(/^ey/);
  });

  it('refuses a fault without what it needs, naming the field', async () => {
    const response = await harness.admin('POST', '/admin/faults', { target: 'any', kind: 'latency' });
    expect(response).toMatchObject({ status: 400, body: { error: 'validation_failed', field: 'latencyMs' } });
  });
});

describe('state and audit', () => {
  it('returns a created touchpoint from the events, forgets it when deleted, and audits every call', async () => {
    const bearer = await token();
    const created = await api('/api/v3/touchpoints', { token: bearer, method: 'POST', json: { account_id: '0012', content: 'Discussed the renewal timeline.', subject: 'Renewal' } });
    expect(created.status).toBe(200);
    const noteId = (created.body['note'] as { id: string }).id;
    const deleted = await api(`/api/v3/touchpoints/${noteId}`, { token: bearer, method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect((await api(`/api/v3/touchpoints/${noteId}`, { token: bearer, method: 'DELETE' })).status).toBe(404);
    const audit = await api('/api/v2/audit', { token: bearer });
    const paths = (audit.body as unknown as { path: string; status: number }[]).map((e) => `${e.path} ${e.status}`);
    expect(paths).toEqual(expect.arrayContaining(['/api/v3/touchpoints 200', `/api/v3/touchpoints/${noteId} 200`, `/api/v3/touchpoints/${noteId} 404`]));
  });

  it('puts the data back to its seed on reset, without touching apps', async () => {
    const bearer = await token();
    const before = (await api('/api/v3/touchpoint-types', { token: bearer })).body;
    await api('/api/v3/touchpoints', { token: bearer, method: 'POST', json: { account_id: '0012', content: 'x' } });
    expect((await harness.admin('POST', '/admin/data/reset', {})).status).toBe(200);
    expect((await api('/api/v3/touchpoint-types', { token: bearer })).body).toEqual(before);
    expect((await api('/api/v2/audit', { token: bearer })).body).toHaveLength(1);
  });
});
