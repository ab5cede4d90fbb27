/**
 * Faults injected at the authorization endpoint answer as an authorization server does:
 * an OAuth error goes back to the client's redirect URI with `state` and `iss`, since
 * the browser would never hand an error page to the client (RFC 6749 §4.1.2.1, RFC
 * 9207); a fault with only a status, or an untrusted request, gets an error page.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alertText, BrowserSession, inputValue, startMockHarness, type MockHarness, type RegisteredApp } from './testing/mock-harness';

const CALLBACK = 'http://127.0.0.1:8765/callback';

let harness: MockHarness;
let portal: RegisteredApp;

beforeAll(async () => {
  harness = await startMockHarness({ applicationLimit: 10 });
  portal = await harness.createApp({ name: 'Partner portal', grantType: 'authorization_code', callbackUrls: [CALLBACK], scopes: ['account:read'] });
});

afterEach(async () => {
  await harness.admin('DELETE', '/admin/faults');
});

afterAll(async () => {
  expect(harness.loggedErrors).toEqual([]);
  await harness.stop();
});

const authorizeUrl = (params: Record<string, string>) => `${harness.issuer()}/oauth/authorize?${new URLSearchParams(params).toString()}`;
const validRequest = () => authorizeUrl({ response_type: 'code', client_id: portal.clientId, redirect_uri: CALLBACK, state: 'st-42' });

async function injectFault(fault: Record<string, unknown>): Promise<void> {
  const response = await harness.admin('POST', '/admin/faults', { target: 'authorize', kind: 'error', ...fault });
  expect(response.status).toBe(201);
}

describe('faults at the authorization endpoint', () => {
  it.each([
    ['temporarily_unavailable', { error: 'temporarily_unavailable' }],
    ['server_error', { status: 500, error: 'server_error', errorDescription: 'the directory is down' }],
    ['access_denied', { error: 'access_denied' }],
  ])('sends an injected %s back to the redirect URI with state and iss, once', async (error, fault) => {
    await injectFault(fault);
    const page = await new BrowserSession(harness.issuer()).open(validRequest());
    expect(page.status).toBe(303);
    const location = new URL(page.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('error_description')).toBe((fault as { errorDescription?: string }).errorDescription ?? `failure injected by the mock (HTTP ${error === 'temporarily_unavailable' ? 503 : error === 'server_error' ? 500 : 400})`);
    expect(location.searchParams.get('state')).toBe('st-42');
    expect(location.searchParams.get('iss')).toBe(harness.issuer());
    expect((await new BrowserSession(harness.issuer()).open(validRequest())).status).toBe(200);
  });

  it('answers a fault with only a status with that status, as a page', async () => {
    await injectFault({ status: 502 });
    const page = await new BrowserSession(harness.issuer()).open(validRequest());
    expect(page.status).toBe(502);
    expect(page.headers.get('location')).toBeNull();
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(alertText(page.html)).toBe('failure injected by the mock (HTTP 502) (server_error)');
  });

  it('answers a rate limit with 429 and Retry-After, as a page', async () => {
    await harness.admin('POST', '/admin/faults', { target: 'any', kind: 'rate_limit', retryAfterSeconds: 12 });
    const page = await new BrowserSession(harness.issuer()).open(validRequest());
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toBe('12');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('never redirects to a redirect URI it cannot trust, fault or not', async () => {
    await injectFault({ error: 'temporarily_unavailable' });
    const page = await new BrowserSession(harness.issuer()).open(authorizeUrl({ response_type: 'code', client_id: portal.clientId, redirect_uri: 'https://attacker.example/cb', state: 'st-42' }));
    expect(page.status).toBe(503);
    expect(page.headers.get('location')).toBeNull();
    expect(alertText(page.html)).toContain('(temporarily_unavailable)');
  });

  it('leaves the sign-in and consent pages of a started request alone', async () => {
    const session = new BrowserSession(harness.issuer());
    const signIn = await session.open(validRequest());
    expect(signIn.status).toBe(200);
    await injectFault({ error: 'server_error', count: 5 });
    const interaction = inputValue(signIn.html, 'interaction') ?? '';
    expect((await session.signIn(interaction, { userId: 'u-1001' })).status).toBe(200);
    expect((await session.decide(interaction, 'approve')).status).toBe(303);
  });
});

describe('faults elsewhere', () => {
  it('gives temporarily_unavailable its 503 where a status is used (the token endpoint)', async () => {
    await harness.admin('POST', '/admin/faults', { target: 'token', kind: 'error', error: 'temporarily_unavailable' });
    const response = await fetch(harness.mock.urls.regions.us.token, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'temporarily_unavailable', error_description: 'failure injected by the mock (HTTP 503)' });
  });
});
