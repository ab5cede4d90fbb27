/**
 * Mock extensions that Totango's article does not describe: token revocation (RFC 7009)
 * and introspection (RFC 7662). Both need client authentication.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7009
 * @see https://www.rfc-editor.org/rfc/rfc7662
 */
import type { FastifyInstance } from 'fastify';
import type { ClientAuthenticator } from './http/client-authentication';
import { OAuthError } from './oauth-error';
import type { RegionContext } from './region-context';
import { noteClientId } from './request-log';
import { requireForm } from './token-endpoint';

const TOKEN_TYPE_HINTS = new Set(['access_token', 'refresh_token']);

export function registerTokenManagementEndpoints(server: FastifyInstance, context: RegionContext, authenticator: ClientAuthenticator): void {
  server.post('/oauth/introspect', async (request, reply) => {
    const params = requireForm(request);
    params.assertNoRepeats();
    noteClientId(request, (await authenticator.authenticate(request.headers.authorization, params)).app.clientId);
    const token = params.get('token');
    if (token === undefined) throw new OAuthError('invalid_request', 'missing "token"');
    const check = context.core.tokens.check(context.region, token);
    reply.header('cache-control', 'no-store');
    if (!check.ok) {
      // RFC 7662 §2.2 says only "active": false; the reason is this mock's extension, for diagnosis.
      return { active: false, mock_inactive_reason: check.failure, mock_inactive_description: check.description };
    }
    const { claims } = check;
    return { active: true, token_type: 'Bearer', ...claims, username: claims.totango_user.email };
  });

  server.post('/oauth/revoke', async (request, reply) => {
    const params = requireForm(request);
    params.assertNoRepeats();
    const { app } = await authenticator.authenticate(request.headers.authorization, params);
    noteClientId(request, app.clientId);
    const token = params.get('token');
    if (token === undefined) throw new OAuthError('invalid_request', 'missing "token"');
    const hint = params.get('token_type_hint');
    if (hint !== undefined && !TOKEN_TYPE_HINTS.has(hint)) {
      throw new OAuthError('unsupported_token_type', `token type hint "${hint.slice(0, 40)}" is not supported`);
    }
    const check = context.core.tokens.check(context.region, token);
    const claims = check.ok ? check.claims : undefined;
    if (claims && claims.client_id !== app.clientId) {
      throw new OAuthError('unauthorized_client', 'the token was issued to another client; a client may revoke only its own tokens');
    }
    // RFC 7009 §2.2: an invalid or unknown token is answered 200 as well.
    if (claims) await context.core.tokens.revoke([{ jti: claims.jti, exp: claims.exp }]);
    return reply.code(200).header('cache-control', 'no-store').send();
  });
}
