/**
 * `/oauth/token`: the authorization-code and client-credentials grants.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { covers, parseScope, splitScopeParameter, type Scope } from '../../shared/scopes';
import type { IssuedToken } from './access-tokens';
import { checkClientCertificate } from './certificate-binding';
import { peerCertificate } from './http/peer-certificate';
import { isWellFormedVerifier, verifierMatches } from './authorization-codes';
import type { ClientAuthenticator} from './http/client-authentication';
import { type AuthenticatedClient } from './http/client-authentication';
import { FormParams } from './http/form-params';
import { OAuthError } from './oauth-error';
import type { RegionContext } from './region-context';
import { noteClientId } from './request-log';
import { inactiveUserReason } from './users';

export function registerTokenEndpoint(server: FastifyInstance, context: RegionContext, authenticator: ClientAuthenticator): void {
  server.post('/oauth/token', async (request, reply) => {
    const params = requireForm(request);
    params.assertNoRepeats();
    const client = await authenticator.authenticate(request.headers.authorization, params);
    noteClientId(request, client.app.clientId);
    const grantType = params.get('grant_type');
    if (grantType === undefined) throw new OAuthError('invalid_request', 'missing "grant_type"');
    const binding = certificateBinding(context, client, request);
    let issued: IssuedToken;
    switch (grantType) {
      case 'client_credentials':
        issued = await clientCredentials(context, client, params, binding);
        break;
      case 'authorization_code':
        issued = await authorizationCode(context, client, params, binding);
        break;
      case 'refresh_token':
      case 'password':
      case 'urn:ietf:params:oauth:grant-type:device_code':
      case 'urn:ietf:params:oauth:grant-type:jwt-bearer':
      case 'urn:ietf:params:oauth:grant-type:token-exchange':
        throw new OAuthError('unsupported_grant_type', `grant type "${grantType}" is not supported by Totango; use authorization_code or client_credentials`);
      default:
        throw new OAuthError('unsupported_grant_type', `grant type "${grantType.slice(0, 100)}" is not supported; use authorization_code or client_credentials`);
    }
    return sendToken(reply, issued);
  });
}

export function requireForm(request: FastifyRequest): FormParams {
  if (request.body instanceof FormParams) return request.body;
  const type = request.headers['content-type'];
  throw new OAuthError(
    'invalid_request',
    type === undefined ? 'the request has no form body (content type application/x-www-form-urlencoded)' : `the content type is "${type.slice(0, 100)}"; send application/x-www-form-urlencoded`,
  );
}

function sendToken(reply: FastifyReply, issued: IssuedToken) {
  return reply
    .code(200)
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .send({ access_token: issued.accessToken, token_type: 'Bearer', expires_in: issued.expiresIn, scope: issued.scope });
}

/**
 * RFC 8705: a mutual-TLS app's tokens are bound to the certificate of the request, which
 * must be the app's current one. A missing or unsuitable certificate is `invalid_request`.
 */
function certificateBinding(context: RegionContext, { app }: AuthenticatedClient, request: FastifyRequest): string | undefined {
  if (!app.mutualTls) return undefined;
  const check = checkClientCertificate(app, peerCertificate(request), context.core.applications.certificates, `${context.core.mtlsOrigin(context.region)}/oauth/token`);
  if (!check.ok) throw new OAuthError('invalid_request', check.description);
  return check.thumbprint;
}

function clientCredentials(context: RegionContext, { app }: AuthenticatedClient, params: FormParams, certificateThumbprint: string | undefined): Promise<IssuedToken> {
  if (app.grantType !== 'client_credentials') {
    throw new OAuthError('unauthorized_client', `the application "${app.name}" is registered for the authorization_code grant, not client_credentials`);
  }
  const scopes = grantedScopes(params.get('scope'), app.scopes);
  const userId = app.actingUserId ?? '';
  const user = context.core.users.find(userId);
  const inactive = inactiveUserReason(user, userId);
  if (inactive || !user) throw new OAuthError('invalid_grant', `${inactive ?? 'no acting user'}; the application cannot get tokens until it acts as an active user`);
  return context.core.tokens.issue({ region: context.region, app, user, scopes, certificateThumbprint });
}

/** A client-credentials request without `scope` gets all of the app's scopes. */
function grantedScopes(parameter: string | undefined, appScopes: readonly string[]): string[] {
  if (parameter === undefined) return [...appScopes];
  const scopes = [...new Set(splitScopeParameter(parameter))];
  if (scopes.length === 0) return [...appScopes];
  for (const scope of scopes) {
    const parsed = parseScope(scope);
    if (!parsed.ok) throw new OAuthError('invalid_scope', parsed.message);
    if (!covers(appScopes, scope as Scope).covered) throw new OAuthError('invalid_scope', `scope "${scope}" is not granted to this application (it holds: ${appScopes.join(' ')})`);
  }
  return scopes;
}

async function authorizationCode(
  context: RegionContext,
  { app }: AuthenticatedClient,
  params: FormParams,
  certificateThumbprint: string | undefined,
): Promise<IssuedToken> {
  if (app.grantType !== 'authorization_code') {
    throw new OAuthError('unauthorized_client', `the application "${app.name}" is registered for the client_credentials grant, not authorization_code`);
  }
  const code = params.get('code');
  if (code === undefined) throw new OAuthError('invalid_request', 'missing "code"');
  const verifier = params.get('code_verifier');
  if (verifier !== undefined && !isWellFormedVerifier(verifier)) {
    throw new OAuthError('invalid_request', '"code_verifier" must be 43 to 128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.1)');
  }
  const redemption = context.core.codes.redeem(code);
  switch (redemption.kind) {
    case 'unknown':
      throw new OAuthError('invalid_grant', 'the authorization code is unknown');
    case 'expired':
      throw new OAuthError('invalid_grant', 'the authorization code has expired; start the authorization again');
    case 'reused':
      await context.core.tokens.revoke(redemption.issued);
      throw new OAuthError('invalid_grant', 'the authorization code was already used; the tokens it issued have been revoked');
    case 'ok':
      break;
  }
  const { grant } = redemption;
  if (grant.clientId !== app.clientId || grant.region !== context.region) throw new OAuthError('invalid_grant', 'the authorization code was issued to another client');
  const redirectUri = params.get('redirect_uri');
  if (grant.redirectUri !== undefined && redirectUri !== grant.redirectUri) {
    throw new OAuthError('invalid_grant', redirectUri === undefined ? '"redirect_uri" is required, since the authorization request named one' : '"redirect_uri" differs from the one of the authorization request');
  }
  if (grant.redirectUri === undefined && redirectUri !== undefined && redirectUri !== grant.effectiveRedirectUri) {
    throw new OAuthError('invalid_grant', '"redirect_uri" differs from the callback URL the code was sent to');
  }
  if (grant.codeChallenge === undefined && verifier !== undefined) {
    // RFC 9700 §2.1.1: a verifier without a challenge is a PKCE downgrade attempt.
    throw new OAuthError('invalid_grant', '"code_verifier" was sent, but the authorization request had no "code_challenge"');
  }
  if (grant.codeChallenge !== undefined) {
    if (verifier === undefined) throw new OAuthError('invalid_grant', 'missing "code_verifier": the authorization request used PKCE');
    if (!verifierMatches(verifier, grant.codeChallenge)) throw new OAuthError('invalid_grant', '"code_verifier" does not match the "code_challenge" of the authorization request');
  }
  const user = context.core.users.find(grant.userId);
  const inactive = inactiveUserReason(user, grant.userId);
  if (inactive || !user) throw new OAuthError('invalid_grant', inactive ?? 'the user is not active');
  const issued = await context.core.tokens.issue({ region: context.region, app, user, scopes: grant.scopes, authTime: grant.authTime, certificateThumbprint });
  if (redemption.recordIssued({ jti: issued.jti, exp: issued.exp })) {
    // The code was replayed while this token was being signed (RFC 6749 §4.1.2).
    await context.core.tokens.revoke([{ jti: issued.jti, exp: issued.exp }]);
    throw new OAuthError('invalid_grant', 'the authorization code was used twice; the tokens it issued have been revoked');
  }
  return issued;
}
