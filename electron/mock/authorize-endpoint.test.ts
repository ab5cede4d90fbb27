/**
 * `/oauth/authorize` and its pages, driven over HTTP as a browser would: a request that
 * cannot be trusted gets an error page and no redirect; every other error goes back to
 * the callback URL with `state` and `iss` (RFC 6749 §4.1.2.1, RFC 9207).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alertText, BrowserSession, inputValue, pkcePair, postForm, startMockHarness, type MockHarness, type Page, type RegisteredApp } from './testing/mock-harness';

const CALLBACK = 'http://127.0.0.1:8765/callback';
const SECOND_CALLBACK = 'https://partner.example.com/oauth/totango';

let harness: MockHarness;
let portal: RegisteredApp;
let issuer: string;

beforeAll(async () => {
  harness = await startMockHarness({ applicationLimit: 50 });
  issuer = harness.issuer('us');
  portal = await harness.createApp({ name: 'Partner portal', grantType: 'authorization_code', callbackUrls: [CALLBACK], scopes: ['account:read', 'user:upsert', 'touchpoint:definitions:read'] });
});

afterEach(() => {
  harness.mock.core.clock.reset();
  expect(harness.loggedErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await harness.stop();
});

function authorizeUrl(params: Record<string, string>): string {
  return `${issuer}/oauth/authorize?${new URLSearchParams(params).toString()}`;
}

const browser = () => new BrowserSession(issuer);

function expectErrorPage(page: Page, message: string): void {
  expect(page.status).toBe(400);
  expect(page.headers.get('location')).toBeNull();
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.html).toContain('<h1>This authorization request is not valid</h1>');
  expect(alertText(page.html)).toContain(message);
}

/** The callback URL the mock redirected to, with the error it carries. */
function expectRedirectedError(page: Page, error: string, description: string, state: string | null = 'xyz'): URL {
  expect(page.status).toBe(303);
  const location = new URL(page.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
  expect(location.searchParams.get('error')).toBe(error);
  expect(location.searchParams.get('error_description')).toContain(description);
  expect(location.searchParams.get('state')).toBe(state);
  expect(location.searchParams.get('iss')).toBe(issuer);
  expect(location.searchParams.has('code')).toBe(false);
  return location;
}

describe('requests that must not redirect', () => {
  it('shows an error page for an unknown client', async () => {
    expectErrorPage(await browser().open(authorizeUrl({ response_type: 'code', client_id: 'no-such-app', redirect_uri: CALLBACK, state: 'xyz' })), 'no application has the client ID "no-such-app"');
  });

  it('shows an error page when client_id is missing', async () => {
    expectErrorPage(await browser().open(authorizeUrl({ response_type: 'code', redirect_uri: CALLBACK })), 'the request has no "client_id"');
  });

  it('shows an error page for a redirect URI that is not registered, even one differing by a slash', async () => {
    for (const redirect of ['https://attacker.example/steal', `${CALLBACK}/`, CALLBACK.replace('127.0.0.1', 'localhost')]) {
      const page = await browser().open(authorizeUrl({ response_type: 'code', client_id: portal.clientId, redirect_uri: redirect, state: 'xyz' }));
      expectErrorPage(page, `the redirect URI "${redirect}" is not one of the application's registered callback URLs`);
    }
  });

  it('shows an error page for a loopback callback on another host or path, whatever the port', async () => {
    const ipv6 = await harness.createApp({ name: 'IPv6 loopback', grantType: 'authorization_code', callbackUrls: ['http://[::1]:8765/callback'], scopes: ['account:read'] });
    for (const [clientId, redirect] of [
      [portal.clientId, 'http://127.0.0.1:9999/callback/'],
      [portal.clientId, 'http://127.0.0.1:9999/other'],
      [portal.clientId, 'http://[::1]:8765/callback'],
      [portal.clientId, 'https://127.0.0.1:8765/callback'],
      [portal.clientId, 'http://127.0.0.1:99999/callback'],
      [ipv6.clientId, 'http://127.0.0.1:8765/callback'],
    ] as const) {
      const page = await browser().open(authorizeUrl({ response_type: 'code', client_id: clientId, redirect_uri: redirect, state: 'xyz' }));
      expectErrorPage(page, `the redirect URI "${redirect}" is not one of the application's registered callback URLs`);
    }
  });

  it('shows an error page when redirect_uri is omitted and several callbacks are registered', async () => {
    const several = await harness.createApp({ name: 'Two callbacks', grantType: 'authorization_code', callbackUrls: [CALLBACK, SECOND_CALLBACK], scopes: ['account:read'] });
    expectErrorPage(await browser().open(authorizeUrl({ response_type: 'code', client_id: several.clientId })), 'must name one in "redirect_uri"');
    const named = await browser().open(authorizeUrl({ response_type: 'code', client_id: several.clientId, redirect_uri: SECOND_CALLBACK }));
    expect(named.status).toBe(200);
  });

  it('shows an error page for a client-credentials application', async () => {
    const machine = await harness.createApp({ name: 'Nightly sync', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'] });
    expectErrorPage(await browser().open(authorizeUrl({ response_type: 'code', client_id: machine.clientId })), 'uses the client-credentials grant and has no authorization flow');
  });

  it('shows an error page for an application of the other region, naming its endpoint', async () => {
    const eu = await harness.createApp({ name: 'EU portal', region: 'eu', grantType: 'authorization_code', callbackUrls: [CALLBACK], scopes: ['account:read'] });
    expectErrorPage(await browser().open(authorizeUrl({ response_type: 'code', client_id: eu.clientId })), `is registered in the EU region; start the flow at ${harness.issuer('eu')}/oauth/authorize`);
  });

  it('shows the error page, not a 500, for malformed percent-encoding in the query', async () => {
    for (const query of [`response_type=code&client_id=${portal.clientId}&state=%E0%A4`, `client_id=%zz`, `response_type=code&client_id=${portal.clientId}&redirect_uri=%`]) {
      const page = await browser().open(`${issuer}/oauth/authorize?${query}`);
      expectErrorPage(page, 'malformed percent-escape');
    }
  });

  it('shows an error page for a repeated client_id', async () => {
    expectErrorPage(await browser().open(`${issuer}/oauth/authorize?response_type=code&client_id=${portal.clientId}&client_id=other`), 'parameter "client_id" is repeated');
  });
});

describe('errors sent back to the callback URL', () => {
  const base = () => ({ client_id: portal.clientId, redirect_uri: CALLBACK, state: 'xyz' });

  it('redirects a missing response_type as invalid_request', async () => {
    expectRedirectedError(await browser().open(authorizeUrl(base())), 'invalid_request', 'missing "response_type"');
  });

  it('redirects response_type=token as unsupported_response_type', async () => {
    expectRedirectedError(await browser().open(authorizeUrl({ ...base(), response_type: 'token' })), 'unsupported_response_type', 'response type "token" is not supported; use "code"');
  });

  it('redirects a scope that is not a Totango scope as invalid_scope', async () => {
    expectRedirectedError(await browser().open(authorizeUrl({ ...base(), response_type: 'code', scope: 'account:write' })), 'invalid_scope', 'scope "account:write" is not of the form');
  });

  it('redirects a scope outside the application\'s as invalid_scope', async () => {
    expectRedirectedError(await browser().open(authorizeUrl({ ...base(), response_type: 'code', scope: 'account:read admin' })), 'invalid_scope', 'scope "admin" is not granted to this application');
  });

  it('redirects code_challenge_method=plain as invalid_request', async () => {
    const page = await browser().open(authorizeUrl({ ...base(), response_type: 'code', code_challenge: pkcePair().challenge, code_challenge_method: 'plain' }));
    expectRedirectedError(page, 'invalid_request', '"code_challenge_method" "plain" is not supported; use S256');
  });

  it('redirects a challenge without a method as invalid_request, since the default is plain', async () => {
    const page = await browser().open(authorizeUrl({ ...base(), response_type: 'code', code_challenge: pkcePair().challenge }));
    expectRedirectedError(page, 'invalid_request', '"code_challenge_method" is missing, and its default "plain" is not supported');
  });

  it('redirects a challenge that is not a SHA-256 value as invalid_request', async () => {
    const page = await browser().open(authorizeUrl({ ...base(), response_type: 'code', code_challenge: 'short', code_challenge_method: 'S256' }));
    expectRedirectedError(page, 'invalid_request', '"code_challenge" is not a base64url SHA-256 value');
  });

  it('redirects a request without a challenge as invalid_request while pkceRequired is on', async () => {
    await harness.updateSettings({ pkceRequired: true });
    try {
      expectRedirectedError(await browser().open(authorizeUrl({ ...base(), response_type: 'code' })), 'invalid_request', 'PKCE is required');
      const withChallenge = await browser().open(authorizeUrl({ ...base(), response_type: 'code', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' }));
      expect(withChallenge.status).toBe(200);
    } finally {
      await harness.updateSettings({ pkceRequired: false });
    }
  });

  it('redirects a repeated parameter as invalid_request', async () => {
    const page = await browser().open(`${authorizeUrl({ ...base(), response_type: 'code' })}&scope=account:read&scope=user:upsert`);
    expectRedirectedError(page, 'invalid_request', 'parameter "scope" is repeated');
  });

  it('leaves state out of the redirect when the request had none', async () => {
    const page = await browser().open(authorizeUrl({ client_id: portal.clientId, redirect_uri: CALLBACK, response_type: 'token' }));
    expectRedirectedError(page, 'unsupported_response_type', 'not supported', null);
  });

  it('accepts any port on a loopback IP callback URL (RFC 8252 §7.3) and redirects to the port asked for', async () => {
    const ipv6 = await harness.createApp({ name: 'IPv6 loopback port', grantType: 'authorization_code', callbackUrls: ['http://[::1]:8765/callback'], scopes: ['account:read'] });
    for (const [clientId, redirect] of [
      [portal.clientId, 'http://127.0.0.1:53682/callback'],
      [portal.clientId, 'http://127.0.0.1/callback'],
      [ipv6.clientId, 'http://[::1]:40000/callback'],
    ] as const) {
      const location = await browser().authorize(authorizeUrl({ response_type: 'code', client_id: clientId, redirect_uri: redirect, state: 'xyz' }));
      expect(`${location.origin}${location.pathname}`).toBe(redirect);
      expect(location.searchParams.get('code')).toMatch(/^[\w-]{43}$/);
    }
  });

  it('keeps an exact match for a localhost callback URL: it is not a loopback IP literal (RFC 8252 §8.3)', async () => {
    const named = await harness.createApp({ name: 'Localhost', grantType: 'authorization_code', callbackUrls: ['http://localhost:8765/callback'], scopes: ['account:read'] });
    const page = await browser().open(authorizeUrl({ response_type: 'code', client_id: named.clientId, redirect_uri: 'http://localhost:9999/callback', state: 'xyz' }));
    expectErrorPage(page, 'is not one of the application\'s registered callback URLs');
  });

  it('keeps the query string of a registered callback URL and appends the response to it', async () => {
    const withQuery = 'https://partner.example.com/cb?tenant=acme&lang=en';
    const app = await harness.createApp({ name: 'Tenant portal', grantType: 'authorization_code', callbackUrls: [withQuery], scopes: ['account:read'] });
    const callback = await browser().authorize(authorizeUrl({ response_type: 'code', client_id: app.clientId, redirect_uri: withQuery, state: 's1' }));
    expect(`${callback.origin}${callback.pathname}`).toBe('https://partner.example.com/cb');
    expect([...callback.searchParams.keys()]).toEqual(['tenant', 'lang', 'code', 'state', 'iss']);
    expect(Object.fromEntries(callback.searchParams)).toMatchObject({ tenant: 'acme', lang: 'en', state: 's1', iss: issuer });
    const refused = await browser().open(authorizeUrl({ response_type: 'token', client_id: app.clientId, state: 's2' }));
    expect(new URL(refused.headers.get('location') ?? '').searchParams.get('tenant')).toBe('acme');
  });
});

describe('sign-in and consent pages', () => {
  async function signInPage(params: Record<string, string> = {}) {
    const session = browser();
    const page = await session.open(authorizeUrl({ response_type: 'code', client_id: portal.clientId, redirect_uri: CALLBACK, state: 'xyz', ...params }));
    expect(page.status).toBe(200);
    const interaction = inputValue(page.html, 'interaction');
    expect(interaction).toMatch(/^[\w-]{32}$/);
    return { session, page, interaction: interaction ?? '' };
  }

  it('serves the sign-in page with a session cookie and protective headers', async () => {
    const { page } = await signInPage();
    expect(page.headers.get('set-cookie')).toMatch(/^totango_mock_session=[\w-]+; Path=\/oauth; HttpOnly; SameSite=Lax$/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.html).toContain('<strong>Partner portal</strong> wants to access the Acme Demo account');
  });

  it('refuses to sign in a disabled user, saying so on the page', async () => {
    const { session, interaction } = await signInPage();
    const page = await session.signIn(interaction, { userId: 'u-1004' });
    expect(page.status).toBe(200);
    expect(alertText(page.html)).toBe('priya.raman@acme-demo.example is disabled and cannot sign in');
    expect(page.html).not.toContain('/oauth/authorize/consent');
    expect(inputValue(page.html, 'interaction')).toBe(interaction);
  });

  it('refuses a deleted user and an unknown email, and lets an active user sign in by email', async () => {
    const { session, interaction } = await signInPage();
    expect(alertText((await session.signIn(interaction, { userId: 'u-1005' })).html)).toBe('lukas.becker@acme-demo.example is deleted and cannot sign in');
    expect(alertText((await session.signIn(interaction, { email: 'nobody@acme-demo.example' })).html)).toBe('no Totango user "nobody@acme-demo.example" in this account');
    const consent = await session.signIn(interaction, { email: 'Daniel.Okafor@acme-demo.example' });
    expect(consent.html).toContain('Signed in as <strong>Daniel Okafor</strong>');
  });

  it('lists every requested scope in plain words on the consent page', async () => {
    const { session, interaction } = await signInPage({ scope: 'account:read user:upsert touchpoint:definitions:read' });
    const page = await session.signIn(interaction, { userId: 'u-1001' });
    const items = [...page.html.matchAll(/<li>([^<]*) <code>([^<]*)<\/code><\/li>/g)].map((m) => [m[2], m[1]]);
    expect(items).toEqual([
      ['account:read', 'Read accounts'],
      ['user:upsert', 'Create and update users'],
      ['touchpoint:definitions:read', 'Read the definitions (attributes, types) of touchpoints'],
    ]);
    expect(page.html).toContain('you will be sent back to http://127.0.0.1:8765');
  });

  it('asks consent for all of the app\'s scopes when the request names none', async () => {
    const { session, interaction } = await signInPage();
    const page = await session.signIn(interaction, { userId: 'u-1001' });
    expect([...page.html.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => m[1])).toEqual(['account:read', 'user:upsert', 'touchpoint:definitions:read']);
  });

  it('treats a scope parameter of only spaces as no scope, as the token endpoint does', async () => {
    const { session, interaction } = await signInPage({ scope: '   ' });
    const page = await session.signIn(interaction, { userId: 'u-1001' });
    expect([...page.html.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => m[1])).toEqual(['account:read', 'user:upsert', 'touchpoint:definitions:read']);
  });

  it('escapes the application\'s name on its pages', async () => {
    const app = await harness.createApp({ name: '<img src=x onerror=alert(1)> & "Co"', grantType: 'authorization_code', callbackUrls: [CALLBACK], scopes: ['account:read'] });
    const page = await browser().open(authorizeUrl({ response_type: 'code', client_id: app.clientId }));
    expect(page.html).not.toContain('<img');
    expect(page.html).toContain('<strong>&#60;img src=x onerror=alert(1)&#62; &#38; &#34;Co&#34;</strong>');
  });

  it('shows the expired page for a consent sent without the session cookie', async () => {
    const { session, interaction } = await signInPage();
    await session.signIn(interaction, { userId: 'u-1001' });
    const cookieless = await postForm(`${issuer}/oauth/authorize/consent`, { interaction, decision: 'approve' });
    expect(cookieless.status).toBe(400);
    expect(cookieless.headers.get('location')).toBeNull();
    const html = await cookieless.text();
    expect(html).toContain('<h1>This sign-in has expired</h1>');
    const withCookie = await session.decide(interaction, 'approve');
    expect(withCookie.status).toBe(303);
  });

  it('shows the expired page for a consent with another browser\'s cookie', async () => {
    const { session, interaction } = await signInPage();
    await session.signIn(interaction, { userId: 'u-1001' });
    const other = await signInPage();
    expect(other.session).not.toBe(session);
    const page = await other.session.decide(interaction, 'approve');
    expect(page.status).toBe(400);
    expect(page.html).toContain('<h1>This sign-in has expired</h1>');
  });

  it('shows the expired page for an unknown interaction, and for one already decided', async () => {
    const { session, interaction } = await signInPage();
    await session.signIn(interaction, { userId: 'u-1001' });
    const unknown = await session.decide('no-such-interaction', 'approve');
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain('<h1>This sign-in has expired</h1>');
    expect((await session.decide(interaction, 'approve')).status).toBe(303);
    const replay = await session.decide(interaction, 'approve');
    expect(replay.status).toBe(400);
    expect(replay.html).toContain('<h1>This sign-in has expired</h1>');
  });

  it('shows the expired page for a sign-in left pending more than ten minutes', async () => {
    const { session, interaction } = await signInPage();
    await session.signIn(interaction, { userId: 'u-1001' });
    harness.mock.core.clock.advance(10 * 60 * 1000 + 1000);
    const page = await session.decide(interaction, 'approve');
    expect(page.status).toBe(400);
    expect(page.html).toContain('<h1>This sign-in has expired</h1>');
  });

  it('shows the expired page for a consent before anyone signed in', async () => {
    const { session, interaction } = await signInPage();
    const page = await session.decide(interaction, 'approve');
    expect(page.status).toBe(400);
    expect(page.html).toContain('<h1>This sign-in has expired</h1>');
  });

  it('redirects an approval with code, state and iss', async () => {
    const { session, interaction } = await signInPage();
    await session.signIn(interaction, { userId: 'u-1001' });
    const page = await session.decide(interaction, 'approve');
    expect(page.status).toBe(303);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const location = new URL(page.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.get('iss')).toBe(issuer);
  });

  it('refuses a consent answer that is neither approve nor deny, and keeps the sign-in open', async () => {
    const { session, interaction } = await signInPage();
    await session.signIn(interaction, { userId: 'u-1001' });
    const maybe = await postForm(`${issuer}/oauth/authorize/consent`, { interaction, decision: 'maybe' }, { cookie: session.cookieValue ?? '' });
    expect(maybe.status).toBe(400);
    expect(maybe.headers.get('location')).toBeNull();
    expect(alertText(await maybe.text())).toBe('"decision" must be "approve" or "deny", not "maybe"');
    expect((await session.decide(interaction, 'approve')).status).toBe(303);
  });

  it('says the form could not be read when a page is posted as JSON, not that the sign-in expired', async () => {
    const { session, interaction } = await signInPage();
    const response = await fetch(`${issuer}/oauth/authorize/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookieValue ?? '' },
      body: JSON.stringify({ interaction, user_id: 'u-1001' }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<h1>This form could not be read</h1>');
    expect(alertText(html)).toContain('"application/x-www-form-urlencoded"');
  });

  it('redirects a denial with access_denied, state and iss', async () => {
    const { session, interaction } = await signInPage();
    await session.signIn(interaction, { userId: 'u-1001' });
    expectRedirectedError(await session.decide(interaction, 'deny'), 'access_denied', 'the user denied the request');
  });
});
