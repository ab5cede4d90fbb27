/**
 * The request log: a bounded ring in sequence order, fed by every server of the mock
 * (admin, both regions, HTTP and HTTPS) over real sockets, with no query string, the
 * error code of failed answers and the client when the mock knows it.
 */
import { request as httpsRequest } from 'node:https';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockRequestView } from '../../shared/contract/mock-schemas';
import { MockClock } from './clock';
import { RequestLog } from './request-log';
import { basicAuthorization, postForm, startMockHarness, type MockHarness, type RegisteredApp } from './testing/mock-harness';

const entry = (path: string, status = 200) => ({ server: 'us' as const, tls: false, method: 'GET', path, status, durationMs: 1.25, clientId: null, error: null });

describe('RequestLog', () => {
  it('numbers requests in order and lists them oldest first, paging forward with "after"', () => {
    const log = new RequestLog(new MockClock(() => Date.parse('2026-01-02T03:04:05.000Z')));
    for (const path of ['/a', '/b', '/c', '/d']) log.record(entry(path));
    expect(log.lastSeq).toBe(4);
    expect(log.list().map((r) => [r.seq, r.path])).toEqual([
      [1, '/a'],
      [2, '/b'],
      [3, '/c'],
      [4, '/d'],
    ]);
    expect(log.list({ after: 1, limit: 2 }).map((r) => r.seq)).toEqual([2, 3]);
    expect(log.list({ after: 4 })).toEqual([]);
    expect(log.list({ limit: 2 }).map((r) => r.seq)).toEqual([3, 4]);
    expect(log.list({ limit: 1 })[0]).toEqual({ seq: 4, at: '2026-01-02T03:04:04.998Z', server: 'us', tls: false, method: 'GET', path: '/d', status: 200, durationMs: 1.25 });
  });

  it('keeps only the last "capacity" requests', () => {
    const log = new RequestLog(new MockClock(), 3);
    for (let i = 1; i <= 7; i++) log.record(entry(`/r${i}`));
    expect(log.list({ limit: 1000 }).map((r) => r.seq)).toEqual([5, 6, 7]);
    expect(log.list({ after: 0, limit: 2 }).map((r) => r.seq)).toEqual([5, 6]);
    expect(log.list({ after: 6 }).map((r) => r.path)).toEqual(['/r7']);
  });

  it('tells each listener about each request until it unsubscribes, whatever another listener does', () => {
    const log = new RequestLog(new MockClock());
    const seen: MockRequestView[] = [];
    log.subscribe(() => {
      throw new Error('a broken listener');
    });
    const unsubscribe = log.subscribe((request) => seen.push(request));
    log.record({ ...entry('/oauth/token', 401), error: 'invalid_client', clientId: 'c-1' });
    unsubscribe();
    log.record(entry('/after'));
    expect(seen).toEqual([expect.objectContaining({ seq: 1, path: '/oauth/token', status: 401, error: 'invalid_client', clientId: 'c-1' })]);
  });
});

describe('the mock records what its servers answer', () => {
  let harness: MockHarness;
  let app: RegisteredApp;
  const log = () => harness.mock.core.requestLog;
  const since = (seq: number) => log().list({ after: seq, limit: 1000 });

  beforeAll(async () => {
    harness = await startMockHarness();
    app = await harness.createApp({ name: 'Log reader', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['system_user:read'] });
  });
  afterEach(() => {
    expect(harness.loggedErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('records a token request with its client, and never the query string, the secret or the token', async () => {
    const before = log().lastSeq;
    const heard: MockRequestView[] = [];
    const unsubscribe = log().subscribe((request) => heard.push(request));
    const response = await postForm(`${harness.issuer()}/oauth/token?state=query-secret`, { grant_type: 'client_credentials' }, { authorization: basicAuthorization(app.clientId, app.clientSecret) });
    const { access_token: token } = (await response.json()) as { access_token: string };
    unsubscribe();
    const recorded = since(before);
    expect(recorded).toEqual([
      { seq: before + 1, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), server: 'us', tls: false, method: 'POST', path: '/oauth/token', status: 200, durationMs: expect.any(Number), clientId: app.clientId },
    ]);
    expect(heard).toEqual(recorded);
    const text = JSON.stringify(recorded);
    for (const secret of ['query-secret', app.clientSecret, token]) expect(text).not.toContain(secret);
  });

  it('captures the OAuth error code of a refused request, and the client only once it is authenticated', async () => {
    const before = log().lastSeq;
    await postForm(`${harness.mock.urls.regions.eu.token}`, { grant_type: 'client_credentials' }, { authorization: basicAuthorization(app.clientId, 'wrong') });
    await postForm(`${harness.issuer()}/oauth/token`, { grant_type: 'password' }, { authorization: basicAuthorization(app.clientId, app.clientSecret) });
    expect(since(before).map(({ server, path, status, error, clientId }) => ({ server, path, status, error, clientId }))).toEqual([
      { server: 'eu', path: '/oauth/token', status: 401, error: 'invalid_client', clientId: undefined },
      { server: 'us', path: '/oauth/token', status: 400, error: 'unsupported_grant_type', clientId: app.clientId },
    ]);
  });

  it('records API calls with the client of the verified token and the bearer error of a refused one', async () => {
    const token = await harness.mock.core.tokens.issue({ region: 'us', app: harness.mock.core.applications.find(app.clientId)!, user: harness.mock.core.users.find('u-1003')!, scopes: ['system_user:read'] });
    const before = log().lastSeq;
    expect((await fetch(`${harness.issuer()}/api/v1/users/whoami?x=1`, { headers: { authorization: `Bearer ${token.accessToken}` } })).status).toBe(200);
    expect((await fetch(`${harness.issuer()}/api/v1/users/whoami`, { headers: { authorization: 'Bearer not.a.token' } })).status).toBe(401);
    expect(since(before).map(({ path, status, error, clientId }) => ({ path, status, error, clientId }))).toEqual([
      { path: '/api/v1/users/whoami', status: 200, error: undefined, clientId: app.clientId },
      { path: '/api/v1/users/whoami', status: 401, error: 'invalid_token', clientId: undefined },
    ]);
  });

  it('records the HTTPS servers as tls and the admin API as admin, but not its own reader', async () => {
    const before = log().lastSeq;
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpsRequest(`${harness.mock.urls.regions.eu.mtls.origin}/.well-known/jwks.json`, { ca: harness.mock.core.database.pki.ca.certPem }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(200);
    expect((await harness.admin('GET', '/admin/users/u-4242')).status).toBe(404);
    const listed = await harness.admin<{ requests: MockRequestView[] }>('GET', `/admin/requests?after=${before}`);
    expect(listed.status).toBe(200);
    expect(listed.body.requests.map(({ server, tls, method, path, status: code, error }) => ({ server, tls, method, path, status: code, error }))).toEqual([
      { server: 'eu', tls: true, method: 'GET', path: '/.well-known/jwks.json', status: 200, error: undefined },
      { server: 'admin', tls: false, method: 'GET', path: '/admin/users/u-4242', status: 404, error: 'not_found' },
    ]);
    expect(since(before)).toHaveLength(2);
  });

  it('pages with "after" and "limit", and refuses values that are not whole numbers in range', async () => {
    const before = log().lastSeq;
    for (let i = 0; i < 3; i++) await harness.admin('GET', '/admin/clock');
    const page = await harness.admin<{ requests: MockRequestView[] }>('GET', `/admin/requests?after=${before}&limit=2`);
    expect(page.body.requests.map((r) => r.seq)).toEqual([before + 1, before + 2]);
    const refused = await harness.admin<{ error: string; field: string }>('GET', '/admin/requests?limit=5000');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'validation_failed', field: 'limit' });
    const negative = await harness.admin<{ error: string; field: string; error_description: string }>('GET', '/admin/requests?after=-1');
    expect(negative.body).toEqual({ error: 'validation_failed', field: 'after', error_description: '"after": expected a whole number' });
  });
});
