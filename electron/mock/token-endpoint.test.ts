/**
 * `/oauth/token` over raw HTTP: each refusal answers with the RFC 6749 §5.2 code, a
 * description that names the cause, the right status and headers, and never a 500.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  basicAuthorization,
  BrowserSession,
  obtainCode,
  pkcePair,
  postForm,
  startMockHarness,
  type MockHarness,
  type RegisteredApp,
} from './testing/mock-harness';

const CALLBACK = 'http://127.0.0.1:8765/callback';
const OTHER_CALLBACK = 'http://127.0.0.1:8765/other';

let harness: MockHarness;
let machine: RegisteredApp;
let portal: RegisteredApp;
let tokenUrl: string;

beforeAll(async () => {
  harness = await startMockHarness({ applicationLimit: 50 });
  tokenUrl = harness.mock.urls.regions.us.token;
  machine = await harness.createApp({ name: 'Nightly sync', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'user:upsert'] });
  portal = await harness.createApp({ name: 'Partner portal', grantType: 'authorization_code', callbackUrls: [CALLBACK, OTHER_CALLBACK], scopes: ['account:read'] });
});

afterEach(() => {
  harness.mock.core.clock.reset();
  expect(harness.loggedErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await harness.stop();
});

interface TokenAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

async function token(body: Record<string, string> | string | Buffer, headers: Record<string, string> = {}, url = tokenUrl): Promise<TokenAnswer> {
  const response = await postForm(url, body, headers);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

const asMachine = () => ({ authorization: basicAuthorization(machine.clientId, machine.clientSecret) });
const asPortal = () => ({ authorization: basicAuthorization(portal.clientId, portal.clientSecret) });
const basicOf = (raw: string | Buffer) => `Basic ${Buffer.from(raw).toString('base64')}`;

function expectError(answer: TokenAnswer, status: number, error: string, description: string | RegExp): void {
  expect({ status: answer.status, error: answer.body['error'] }).toEqual({ status, error });
  if (typeof description === 'string') expect(answer.body['error_description']).toContain(description);
  else expect(answer.body['error_description']).toMatch(description);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
}

function expectInvalidClientChallenge(answer: TokenAnswer, description: string): void {
  expectError(answer, 401, 'invalid_client', description);
  expect(answer.headers.get('www-authenticate')).toMatch(/^Basic realm="Totango mock US"/);
}

async function introspect(accessToken: string): Promise<Record<string, unknown>> {
  const answer = await token({ token: accessToken }, asMachine(), harness.mock.urls.regions.us.introspection);
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('a successful token response', () => {
  it('carries the token, its type, lifetime and scope, with Cache-Control: no-store', async () => {
    const answer = await token({ grant_type: 'client_credentials' }, asMachine());
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 86400, scope: 'account:read user:upsert' });
    expect(answer.body['access_token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('pragma')).toBe('no-cache');
  });

  it('accepts client_secret_post', async () => {
    const answer = await token({ grant_type: 'client_credentials', client_id: machine.clientId, client_secret: machine.clientSecret, scope: 'account:read' });
    expect(answer.status).toBe(200);
    expect(answer.body['scope']).toBe('account:read');
  });
});

describe('client authentication', () => {
  it('refuses a wrong secret over Basic with 401 and WWW-Authenticate', async () => {
    expectInvalidClientChallenge(await token({ grant_type: 'client_credentials' }, { authorization: basicAuthorization(machine.clientId, 'not-the-secret') }), 'the client secret does not match');
  });

  it('refuses an unknown client over Basic, naming it', async () => {
    expectInvalidClientChallenge(await token({ grant_type: 'client_credentials' }, { authorization: basicAuthorization('no-such-client', 'x') }), 'unknown client "no-such-client"');
  });

  it('refuses Basic credentials that are not base64', async () => {
    expectInvalidClientChallenge(await token({ grant_type: 'client_credentials' }, { authorization: 'Basic ***not-base64***' }), 'the Basic credentials are not base64');
  });

  it('refuses Basic credentials with no colon', async () => {
    expectInvalidClientChallenge(await token({ grant_type: 'client_credentials' }, { authorization: basicOf(machine.clientId) }), 'have no ":" between client ID and secret');
  });

  it('refuses Basic credentials that are not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`:${machine.clientSecret}`)]);
    expectInvalidClientChallenge(await token({ grant_type: 'client_credentials' }, { authorization: basicOf(bytes) }), 'the Basic credentials are not valid UTF-8');
  });

  it('refuses Basic credentials with a malformed percent-escape', async () => {
    expectInvalidClientChallenge(await token({ grant_type: 'client_credentials' }, { authorization: basicOf(`${machine.clientId}:%zz`) }), 'malformed percent-escape');
  });

  it('refuses another authorization scheme, naming it', async () => {
    expectInvalidClientChallenge(await token({ grant_type: 'client_credentials' }, { authorization: 'Bearer abc' }), 'the Authorization scheme "Bearer" is not supported here; use Basic');
  });

  it('refuses a wrong secret and an unknown client over client_secret_post with 401', async () => {
    expectError(await token({ grant_type: 'client_credentials', client_id: machine.clientId, client_secret: 'wrong' }), 401, 'invalid_client', 'the client secret does not match');
    expectError(await token({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'wrong' }), 401, 'invalid_client', 'unknown client "nobody"');
  });

  it('refuses a request with no authentication, or a client_id without a secret', async () => {
    expectInvalidClientChallenge(await token({ grant_type: 'client_credentials' }), 'no client authentication');
    expectInvalidClientChallenge(await token({ grant_type: 'client_credentials', client_id: machine.clientId }), 'client authentication is required');
  });

  it('refuses Basic together with client_secret as invalid_request', async () => {
    const answer = await token({ grant_type: 'client_credentials', client_secret: machine.clientSecret }, asMachine());
    expectError(answer, 400, 'invalid_request', 'more than one method (HTTP Basic and "client_secret")');
  });

  it('refuses a body client_id that differs from the Basic one', async () => {
    expectError(await token({ grant_type: 'client_credentials', client_id: portal.clientId }, asMachine()), 400, 'invalid_request', '"client_id" in the body differs');
  });

  it('refuses an EU application at the US token endpoint, naming the EU one', async () => {
    const eu = await harness.createApp({ name: 'EU sync', region: 'eu', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'] });
    const answer = await token({ grant_type: 'client_credentials' }, { authorization: basicAuthorization(eu.clientId, eu.clientSecret) });
    expectInvalidClientChallenge(answer, `is registered in the EU region; use its token endpoint, ${harness.mock.urls.regions.eu.token}`);
    const atHome = await token({ grant_type: 'client_credentials' }, { authorization: basicAuthorization(eu.clientId, eu.clientSecret) }, harness.mock.urls.regions.eu.token);
    expect(atHome.status).toBe(200);
  });
});

describe('grant types and scopes', () => {
  it('refuses a request without grant_type', async () => {
    expectError(await token({ scope: 'account:read' }, asMachine()), 400, 'invalid_request', 'missing "grant_type"');
  });

  it('refuses an unknown grant type', async () => {
    expectError(await token({ grant_type: 'magic' }, asMachine()), 400, 'unsupported_grant_type', 'grant type "magic" is not supported');
  });

  it('refuses a standard grant type Totango does not support', async () => {
    expectError(await token({ grant_type: 'refresh_token', refresh_token: 'x' }, asMachine()), 400, 'unsupported_grant_type', 'grant type "refresh_token" is not supported by Totango');
    expectError(await token({ grant_type: 'password', username: 'a', password: 'b' }, asMachine()), 400, 'unsupported_grant_type', 'not supported by Totango');
  });

  it('refuses a grant the application is not registered for with unauthorized_client', async () => {
    expectError(await token({ grant_type: 'authorization_code', code: 'x' }, asMachine()), 400, 'unauthorized_client', 'registered for the client_credentials grant, not authorization_code');
    expectError(await token({ grant_type: 'client_credentials' }, asPortal()), 400, 'unauthorized_client', 'registered for the authorization_code grant, not client_credentials');
  });

  it('refuses a scope the application does not hold, and one that is not a Totango scope', async () => {
    expectError(await token({ grant_type: 'client_credentials', scope: 'account:read account:delete' }, asMachine()), 400, 'invalid_scope', 'scope "account:delete" is not granted to this application');
    expectError(await token({ grant_type: 'client_credentials', scope: 'openid' }, asMachine()), 400, 'invalid_scope', 'unknown entity "openid"');
  });

  it('grants user:create through the app\'s user:upsert', async () => {
    const answer = await token({ grant_type: 'client_credentials', scope: 'user:create' }, asMachine());
    expect(answer.status).toBe(200);
    expect(answer.body['scope']).toBe('user:create');
  });
});

describe('malformed requests', () => {
  it('refuses a repeated parameter, naming it', async () => {
    expectError(await token('grant_type=client_credentials&scope=account:read&scope=user:upsert', asMachine()), 400, 'invalid_request', 'parameter "scope" is repeated');
  });

  it('refuses a body that is not a form', async () => {
    expectError(await token('grant_type=client_credentials', { ...asMachine(), 'content-type': 'text/plain' }), 400, 'invalid_request', 'the content type is "text/plain"; send application/x-www-form-urlencoded');
    expectError(await token('<grant/>', { ...asMachine(), 'content-type': 'application/xml' }), 400, 'invalid_request', 'the content type of the request is not supported here');
  });

  it('refuses a JSON body', async () => {
    const answer = await token(JSON.stringify({ grant_type: 'client_credentials' }), { ...asMachine(), 'content-type': 'application/json' });
    expectError(answer, 400, 'invalid_request', 'the content type is "application/json"; send application/x-www-form-urlencoded');
  });

  it('refuses a body over 16 KiB with 413', async () => {
    const answer = await token({ grant_type: 'client_credentials', padding: 'x'.repeat(17 * 1024) }, asMachine());
    expectError(answer, 413, 'invalid_request', 'the request body is too large');
  });

  it('accepts a form body just under 16 KiB', async () => {
    const answer = await token({ grant_type: 'client_credentials', padding: 'x'.repeat(15 * 1024) }, asMachine());
    expect(answer.status).toBe(200);
  });

  it('refuses body bytes that are not UTF-8', async () => {
    const body = Buffer.concat([Buffer.from('grant_type=client_credentials&scope='), Buffer.from([0xc3, 0x28, 0xff])]);
    expectError(await token(body, asMachine()), 400, 'invalid_request', 'the request body is not valid UTF-8');
  });

  it('refuses a percent-escape that does not decode to UTF-8', async () => {
    expectError(await token('grant_type=client_credentials&scope=%C3%28', asMachine()), 400, 'invalid_request', 'malformed percent-escape');
  });

  it('answers GET /oauth/token with 405 and Allow: POST', async () => {
    const response = await fetch(tokenUrl);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toMatchObject({ error: 'method_not_allowed', error_description: 'GET is not allowed on /oauth/token; use POST' });
  });

  it('answers an unknown path with a JSON 404', async () => {
    const response = await fetch(`${harness.issuer('us')}/oauth/tokens?x=1`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: 'not_found', error_description: 'no endpoint at POST /oauth/tokens' });
  });
});

describe('the authorization-code grant', () => {
  const exchange = (fields: Record<string, string>, app: RegisteredApp = portal) =>
    token({ grant_type: 'authorization_code', redirect_uri: CALLBACK, ...fields }, { authorization: basicAuthorization(app.clientId, app.clientSecret) });

  it('exchanges a code with its PKCE verifier', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK, codeChallenge: challenge });
    const answer = await exchange({ code, code_verifier: verifier });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', scope: 'account:read' });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a reused authorization code and revokes its tokens', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK, codeChallenge: challenge });
    const first = await exchange({ code, code_verifier: verifier });
    expect(first.status).toBe(200);
    const accessToken = String(first.body['access_token']);
    expect(await introspect(accessToken)).toMatchObject({ active: true });

    expectError(await exchange({ code, code_verifier: verifier }), 400, 'invalid_grant', 'the authorization code was already used; the tokens it issued have been revoked');
    expect(await introspect(accessToken)).toMatchObject({ active: false, mock_inactive_reason: 'revoked' });
  });

  it('leaves no working token when two exchanges of a code race', async () => {
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK });
    const answers = await Promise.all([exchange({ code }), exchange({ code })]);
    // The second may arrive before or after the first token is signed: at most one answer
    // carries a token, at least one is invalid_grant, and no token issued stays active.
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(1);
    for (const refused of answers.filter((a) => a.status !== 200)) {
      expect(refused.status).toBe(400);
      expect(refused.body['error']).toBe('invalid_grant');
    }
    for (const winner of answers.filter((a) => a.status === 200)) {
      expect(await introspect(String(winner.body['access_token']))).toMatchObject({ active: false, mock_inactive_reason: 'revoked' });
    }
  });

  it('refuses a code after its 60 seconds', async () => {
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK });
    harness.mock.core.clock.advance(61_000);
    expectError(await exchange({ code }), 400, 'invalid_grant', 'the authorization code has expired');
  });

  it('accepts a code just before it expires', async () => {
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK });
    harness.mock.core.clock.advance(55_000);
    expect((await exchange({ code })).status).toBe(200);
  });

  it('follows the authorizationCodeTtlSeconds setting', async () => {
    await harness.updateSettings({ authorizationCodeTtlSeconds: 5 });
    try {
      const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK });
      harness.mock.core.clock.advance(6_000);
      expectError(await exchange({ code }), 400, 'invalid_grant', 'the authorization code has expired');
    } finally {
      await harness.updateSettings({ authorizationCodeTtlSeconds: 60 });
    }
  });

  it('refuses an unknown code', async () => {
    expectError(await exchange({ code: 'made-up' }), 400, 'invalid_grant', 'the authorization code is unknown');
  });

  it('refuses a request with no code', async () => {
    expectError(await exchange({}), 400, 'invalid_request', 'missing "code"');
  });

  it('refuses a code issued to another client', async () => {
    const thief = await harness.createApp({ name: 'Other portal', grantType: 'authorization_code', callbackUrls: [CALLBACK], scopes: ['account:read'] });
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK });
    expectError(await exchange({ code }, thief), 400, 'invalid_grant', 'the authorization code was issued to another client');
  });

  it('refuses a redirect_uri that differs from the authorization request\'s', async () => {
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK });
    expectError(await exchange({ code, redirect_uri: OTHER_CALLBACK }), 400, 'invalid_grant', '"redirect_uri" differs from the one of the authorization request');
  });

  it('refuses a missing redirect_uri when the authorization request named one', async () => {
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK });
    const answer = await token({ grant_type: 'authorization_code', code }, asPortal());
    expectError(answer, 400, 'invalid_grant', '"redirect_uri" is required, since the authorization request named one');
  });

  it('refuses a redirect_uri other than the only callback when the request named none', async () => {
    const single = await harness.createApp({ name: 'Single callback', grantType: 'authorization_code', callbackUrls: [CALLBACK], scopes: ['account:read'] });
    const code = await obtainCode(harness, { clientId: single.clientId });
    expectError(await exchange({ code, redirect_uri: OTHER_CALLBACK }, single), 400, 'invalid_grant', '"redirect_uri" differs from the callback URL the code was sent to');
    const again = await obtainCode(harness, { clientId: single.clientId });
    expect((await token({ grant_type: 'authorization_code', code: again }, { authorization: basicAuthorization(single.clientId, single.clientSecret) })).status).toBe(200);
  });

  it('refuses a PKCE code redeemed without its verifier', async () => {
    const { challenge } = pkcePair();
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK, codeChallenge: challenge });
    expectError(await exchange({ code }), 400, 'invalid_grant', 'missing "code_verifier": the authorization request used PKCE');
  });

  it('refuses a verifier that does not match the challenge', async () => {
    const { challenge } = pkcePair();
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK, codeChallenge: challenge });
    expectError(await exchange({ code, code_verifier: pkcePair().verifier }), 400, 'invalid_grant', '"code_verifier" does not match the "code_challenge"');
  });

  it('refuses a verifier for a code requested without a challenge (RFC 9700 downgrade)', async () => {
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK });
    expectError(await exchange({ code, code_verifier: pkcePair().verifier }), 400, 'invalid_grant', '"code_verifier" was sent, but the authorization request had no "code_challenge"');
  });

  it('refuses a malformed verifier as invalid_request', async () => {
    const { challenge } = pkcePair();
    const code = await obtainCode(harness, { clientId: portal.clientId, redirectUri: CALLBACK, codeChallenge: challenge });
    expectError(await exchange({ code, code_verifier: 'too-short' }), 400, 'invalid_request', '"code_verifier" must be 43 to 128 characters');
    expectError(await exchange({ code, code_verifier: `${'a'.repeat(42)}!` }), 400, 'invalid_request', '"code_verifier" must be 43 to 128 characters');
  });

  it('refuses a code whose user was disabled after signing in', async () => {
    const created = await harness.admin<{ id: string }>('POST', '/admin/users', { email: 'temp.user@acme-demo.example', firstName: 'Temp', lastName: 'User' });
    const url = `${harness.issuer('us')}/oauth/authorize?response_type=code&client_id=${portal.clientId}&redirect_uri=${encodeURIComponent(CALLBACK)}`;
    const callback = await new BrowserSession(harness.issuer('us')).authorize(url, 'approve', { userId: created.body.id });
    await harness.admin('PATCH', `/admin/users/${created.body.id}`, { status: 'disabled' });
    expectError(await exchange({ code: callback.searchParams.get('code') ?? '' }), 400, 'invalid_grant', 'is disabled');
  });
});
