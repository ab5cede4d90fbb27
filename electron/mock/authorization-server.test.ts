/**
 * The mock's authorization server as a standard client sees it: openid-client runs the
 * flows over real HTTP, and jose verifies the tokens against the published JWKS.
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RegionId } from '../../shared/regions';
import { BrowserSession, startMockHarness, type MockHarness, type RegisteredApp } from './testing/mock-harness';

const CALLBACK = 'http://127.0.0.1:8765/callback';

let harness: MockHarness;

beforeAll(async () => {
  harness = await startMockHarness({ applicationLimit: 50 });
});

afterEach(() => {
  harness.mock.core.clock.reset();
  expect(harness.loggedErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await harness.stop();
});

function discover(app: RegisteredApp, auth: 'basic' | 'post' = 'basic', region: RegionId = app.application.region): Promise<client.Configuration> {
  const authentication = auth === 'basic' ? client.ClientSecretBasic(app.clientSecret) : client.ClientSecretPost(app.clientSecret);
  return client.discovery(new URL(harness.issuer(region)), app.clientId, undefined, authentication, {
    algorithm: 'oauth2',
    execute: [client.allowInsecureRequests],
  });
}

function clientCredentialsApp(scopes: string[], extra: { actingUserId?: string; accessTokenTtlSeconds?: number; region?: RegionId } = {}) {
  return harness.createApp({ name: 'Nightly sync', grantType: 'client_credentials', actingUserId: extra.actingUserId ?? 'u-1003', scopes, ...extra });
}

async function verifyAccessToken(token: string, region: RegionId = 'us') {
  const jwks = createRemoteJWKSet(new URL(harness.mock.urls.regions[region].jwks));
  return jwtVerify(token, jwks, { typ: 'at+jwt', issuer: harness.issuer(region), audience: harness.issuer(region) });
}

/** The error a promise rejects with, so that its code and message can be checked. */
async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the call to fail, and it succeeded');
}

describe('discovery', () => {
  it('publishes RFC 8414 metadata that openid-client accepts, with iss support and S256 only', async () => {
    const app = await clientCredentialsApp(['account:read']);
    const config = await discover(app);
    const issuer = harness.issuer('us');
    const metadata = config.serverMetadata();
    expect(metadata).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      introspection_endpoint: `${issuer}/oauth/introspect`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    });
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['account:read', 'user:upsert', 'admin']));
    expect(config.serverMetadata().supportsPKCE('S256')).toBe(true);
    expect(config.serverMetadata().supportsPKCE('plain')).toBe(false);
  });

  it('gives each region its own issuer', async () => {
    const response = await fetch(harness.mock.urls.regions.eu.metadata);
    const metadata = (await response.json()) as { issuer: string; token_endpoint: string };
    expect(metadata.issuer).toBe(harness.issuer('eu'));
    expect(metadata.issuer).not.toBe(harness.issuer('us'));
    expect(metadata.token_endpoint).toBe(`${harness.issuer('eu')}/oauth/token`);
  });
});

describe('client credentials', () => {
  it('issues a token to a client authenticated with HTTP Basic', async () => {
    const app = await clientCredentialsApp(['account:read', 'user:read']);
    const tokens = await client.clientCredentialsGrant(await discover(app, 'basic'), { scope: 'account:read' });
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'account:read', expires_in: 86400 });
    expect(tokens.access_token.split('.')).toHaveLength(3);
  });

  it('issues a token to a client authenticated with client_secret_post', async () => {
    const app = await clientCredentialsApp(['account:read']);
    const tokens = await client.clientCredentialsGrant(await discover(app, 'post'), { scope: 'account:read' });
    expect(tokens.scope).toBe('account:read');
  });

  it('grants all of the app\'s scopes when the request names none', async () => {
    const app = await clientCredentialsApp(['account:read', 'user:upsert', 'event:read']);
    const tokens = await client.clientCredentialsGrant(await discover(app));
    expect(tokens.scope).toBe('account:read user:upsert event:read');
    const { payload } = await verifyAccessToken(tokens.access_token);
    expect(payload['scope']).toBe('account:read user:upsert event:read');
  });

  it('grants exactly the subset asked for, including scopes an :all scope covers', async () => {
    const app = await clientCredentialsApp(['account:all', 'user:read', 'event:read']);
    const tokens = await client.clientCredentialsGrant(await discover(app), { scope: 'account:read user:read' });
    expect(tokens.scope).toBe('account:read user:read');
    const { payload } = await verifyAccessToken(tokens.access_token);
    expect(payload['scope']).toBe('account:read user:read');
  });

  it('answers a wrong secret with a Basic challenge that openid-client reports, and invalid_client in the body', async () => {
    const app = await clientCredentialsApp(['account:read']);
    const error = await rejection(client.clientCredentialsGrant(await discover({ ...app, clientSecret: 'not-the-secret' })));
    expect(error).toMatchObject({ code: 'OAUTH_WWW_AUTHENTICATE_CHALLENGE', status: 401 });
    expect(error['cause']).toEqual([{ scheme: 'basic', parameters: { realm: 'Totango mock US', charset: 'UTF-8' } }]);
    expect(await (error['response'] as Response).json()).toEqual({ error: 'invalid_client', error_description: 'the client secret does not match' });
  });

  it('refuses a scope the app does not hold with invalid_scope', async () => {
    const app = await clientCredentialsApp(['account:read']);
    const error = await rejection(client.clientCredentialsGrant(await discover(app), { scope: 'account:delete' }));
    expect(error).toMatchObject({ code: 'OAUTH_RESPONSE_BODY_ERROR', error: 'invalid_scope', status: 400 });
    expect(error['error_description']).toContain('scope "account:delete" is not granted to this application');
  });
});

describe('access tokens', () => {
  it('are RFC 9068 JWTs that verify against the JWKS, with exp = iat + the app\'s lifetime', async () => {
    const app = await clientCredentialsApp(['account:read', 'collection:upsert'], { accessTokenTtlSeconds: 900 });
    const tokens = await client.clientCredentialsGrant(await discover(app));
    expect(tokens.expires_in).toBe(900);
    const { payload, protectedHeader } = await verifyAccessToken(tokens.access_token);
    const jwks = (await (await fetch(harness.mock.urls.regions.us.jwks)).json()) as { keys: { kid: string; alg: string }[] };
    expect(protectedHeader).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    expect(jwks.keys.filter((k) => k.alg === 'ES256').map((k) => k.kid)).toEqual([protectedHeader.kid]);
    const issuer = harness.issuer('us');
    expect(payload).toMatchObject({
      iss: issuer,
      sub: app.clientId,
      aud: issuer,
      client_id: app.clientId,
      scope: 'account:read collection:upsert',
      totango_user: { id: 'u-1003', email: 'integration.bot@acme-demo.example' },
    });
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.iat).toBeTypeOf('number');
    expect(payload.exp).toBe((payload.iat ?? 0) + 900);
    expect(Math.abs((payload.iat ?? 0) - Date.now() / 1000)).toBeLessThan(30);
  });

  it('gives each token its own jti', async () => {
    const app = await clientCredentialsApp(['account:read']);
    const config = await discover(app);
    const first = await verifyAccessToken((await client.clientCredentialsGrant(config)).access_token);
    const second = await verifyAccessToken((await client.clientCredentialsGrant(config)).access_token);
    expect(first.payload.jti).not.toBe(second.payload.jti);
  });

  it('are signed with RS256 after the setting changes, while ES256 tokens issued before still verify', async () => {
    const app = await clientCredentialsApp(['account:read']);
    const config = await discover(app);
    const before = (await client.clientCredentialsGrant(config)).access_token;
    expect(decodeProtectedHeader(before).alg).toBe('ES256');
    await harness.updateSettings({ signingAlgorithm: 'RS256' });
    try {
      const after = (await client.clientCredentialsGrant(config)).access_token;
      const { protectedHeader } = await verifyAccessToken(after);
      expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
      expect(protectedHeader.kid).not.toBe(decodeProtectedHeader(before).kid);
      expect(await client.tokenIntrospection(config, after)).toMatchObject({ active: true });
      expect(await client.tokenIntrospection(config, before)).toMatchObject({ active: true, client_id: app.clientId });
      await expect(verifyAccessToken(before)).resolves.toMatchObject({ protectedHeader: { alg: 'ES256' } });
    } finally {
      await harness.updateSettings({ signingAlgorithm: 'ES256' });
    }
  });
});

describe('authorization code', () => {
  async function authorizationCodeApp(scopes: string[]) {
    return harness.createApp({ name: 'Partner portal', grantType: 'authorization_code', callbackUrls: [CALLBACK], scopes });
  }

  it('runs end to end with PKCE, openid-client checking state and iss', async () => {
    const app = await authorizationCodeApp(['account:read', 'user:read', 'event:read']);
    const config = await discover(app);
    const pkceCodeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'account:read user:read',
      state,
      code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
    });
    const callback = await new BrowserSession(harness.issuer('us')).authorize(url, 'approve', { userId: 'u-1002' });
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect(callback.searchParams.get('iss')).toBe(harness.issuer('us'));

    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier, expectedState: state });
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'account:read user:read' });
    const { payload } = await verifyAccessToken(tokens.access_token);
    expect(payload).toMatchObject({ sub: 'u-1002', client_id: app.clientId, scope: 'account:read user:read', totango_user: { id: 'u-1002' } });
    expect(payload['auth_time']).toBeTypeOf('number');
  });

  it('lets openid-client refuse a callback whose state is not the one it sent', async () => {
    const app = await authorizationCodeApp(['account:read']);
    const config = await discover(app);
    const pkceCodeVerifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      state: 'state-sent',
      code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
    });
    const callback = await new BrowserSession(harness.issuer('us')).authorize(url);
    const error = await rejection(client.authorizationCodeGrant(config, callback, { pkceCodeVerifier, expectedState: 'another-state' }));
    expect(error).toMatchObject({ code: 'OAUTH_INVALID_RESPONSE' });
    expect((error['cause'] as Error).message).toBe('unexpected "state" response parameter value');
  });

  it('sends an iss that openid-client holds to the issuer it discovered', async () => {
    const app = await authorizationCodeApp(['account:read']);
    const config = await discover(app);
    const pkceCodeVerifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      state: 'iss-check',
      code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
    });
    const callback = await new BrowserSession(harness.issuer('us')).authorize(url);
    expect(callback.searchParams.get('iss')).toBe(config.serverMetadata().issuer);
    callback.searchParams.set('iss', harness.issuer('eu'));
    const error = await rejection(client.authorizationCodeGrant(config, callback, { pkceCodeVerifier, expectedState: 'iss-check' }));
    expect((error['cause'] as Error).message).toBe('unexpected "iss" (issuer) response parameter value');
  });

  it('answers a user who denies with access_denied, carrying state and iss', async () => {
    const app = await authorizationCodeApp(['account:read']);
    const config = await discover(app);
    const pkceCodeVerifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      state: 'deny-me',
      code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
    });
    const callback = await new BrowserSession(harness.issuer('us')).authorize(url, 'deny');
    expect(Object.fromEntries(callback.searchParams)).toMatchObject({ error: 'access_denied', state: 'deny-me', iss: harness.issuer('us') });
    expect(callback.searchParams.has('code')).toBe(false);
    const error = await rejection(client.authorizationCodeGrant(config, callback, { pkceCodeVerifier, expectedState: 'deny-me' }));
    expect(error).toMatchObject({ code: 'OAUTH_AUTHORIZATION_RESPONSE_ERROR', error: 'access_denied', error_description: 'the user denied the request' });
  });
});

describe('introspection and revocation', () => {
  it('answers active with the token\'s claims, and inactive for a token that is not one', async () => {
    const app = await clientCredentialsApp(['account:read']);
    const config = await discover(app);
    const { access_token } = await client.clientCredentialsGrant(config);
    expect(await client.tokenIntrospection(config, access_token)).toMatchObject({
      active: true,
      token_type: 'Bearer',
      client_id: app.clientId,
      sub: app.clientId,
      scope: 'account:read',
      iss: harness.issuer('us'),
      username: 'integration.bot@acme-demo.example',
    });
    expect(await client.tokenIntrospection(config, 'not-a-token')).toMatchObject({ active: false, mock_inactive_reason: 'malformed' });
  });

  it('makes a revoked token inactive', async () => {
    const app = await clientCredentialsApp(['account:read']);
    const config = await discover(app);
    const { access_token } = await client.clientCredentialsGrant(config);
    await client.tokenRevocation(config, access_token);
    expect(await client.tokenIntrospection(config, access_token)).toMatchObject({ active: false, mock_inactive_reason: 'revoked' });
  });

  it('refuses a US token at the EU introspection endpoint as wrong_region', async () => {
    const usApp = await clientCredentialsApp(['account:read']);
    const euApp = await clientCredentialsApp(['account:read'], { region: 'eu' });
    const usToken = (await client.clientCredentialsGrant(await discover(usApp))).access_token;
    const euConfig = await discover(euApp);
    const result = await client.tokenIntrospection(euConfig, usToken);
    expect(result).toMatchObject({ active: false, mock_inactive_reason: 'wrong_region' });
    expect(result['mock_inactive_description']).toContain('issued by the US region');
    const euToken = (await client.clientCredentialsGrant(euConfig)).access_token;
    expect(await client.tokenIntrospection(euConfig, euToken)).toMatchObject({ active: true, iss: harness.issuer('eu') });
    await expect(verifyAccessToken(euToken, 'eu')).resolves.toBeTruthy();
  });
});

describe('what ends a token', () => {
  it('makes every token of a deleted application inactive', async () => {
    const doomed = await clientCredentialsApp(['account:read']);
    const observer = await discover(await clientCredentialsApp(['account:read']));
    const { access_token } = await client.clientCredentialsGrant(await discover(doomed));
    expect(await client.tokenIntrospection(observer, access_token)).toMatchObject({ active: true });
    expect((await harness.admin('DELETE', `/admin/applications/${doomed.clientId}`)).status).toBe(204);
    expect(await client.tokenIntrospection(observer, access_token)).toMatchObject({ active: false, mock_inactive_reason: 'application_deleted' });
  });

  it('gives an app whose acting user is disabled invalid_grant, and ends its tokens', async () => {
    const created = await harness.admin<{ id: string }>('POST', '/admin/users', { email: 'etl.runner@acme-demo.example', firstName: 'ETL', lastName: 'Runner' });
    expect(created.status).toBe(201);
    const userId = created.body.id;
    const app = await clientCredentialsApp(['account:read'], { actingUserId: userId });
    const config = await discover(app);
    const { access_token } = await client.clientCredentialsGrant(config);
    expect(await client.tokenIntrospection(config, access_token)).toMatchObject({ active: true, totango_user: { id: userId } });

    expect((await harness.admin('PATCH', `/admin/users/${userId}`, { status: 'disabled' })).status).toBe(200);
    const error = await rejection(client.clientCredentialsGrant(config));
    expect(error).toMatchObject({ code: 'OAUTH_RESPONSE_BODY_ERROR', error: 'invalid_grant', status: 400 });
    expect(error['error_description']).toContain(`"etl.runner@acme-demo.example" (${userId}) is disabled`);
    expect(await client.tokenIntrospection(config, access_token)).toMatchObject({ active: false, mock_inactive_reason: 'user_inactive' });
  });

  it('makes a token inactive once the mock clock passes its exp', async () => {
    const app = await clientCredentialsApp(['account:read'], { accessTokenTtlSeconds: 60 });
    const config = await discover(app);
    const { access_token } = await client.clientCredentialsGrant(config);
    harness.mock.core.clock.advance(61_000);
    expect(await client.tokenIntrospection(config, access_token)).toMatchObject({ active: false, mock_inactive_reason: 'expired' });
  });
});
