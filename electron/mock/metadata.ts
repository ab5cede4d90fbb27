/**
 * Authorization server metadata (RFC 8414) and the JWKS of one region.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414
 */
import type { FastifyInstance } from 'fastify';
import { OAUTH_PATHS } from '../../shared/regions';
import { SELECTABLE_SCOPES } from '../../shared/scope-choices';
import type { RegionContext } from './region-context';
import { SIGNING_ALGORITHMS } from './signing-keys';

export function authorizationServerMetadata(issuer: string, mtlsOrigin: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}${OAUTH_PATHS.authorization}`,
    token_endpoint: `${issuer}${OAUTH_PATHS.token}`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    revocation_endpoint: `${issuer}/oauth/revoke`,
    introspection_endpoint: `${issuer}/oauth/introspect`,
    scopes_supported: SELECTABLE_SCOPES,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
    access_token_signing_alg_values_supported: SIGNING_ALGORITHMS,
    // RFC 8705: mutual-TLS apps get certificate-bound tokens from the HTTPS endpoints.
    tls_client_certificate_bound_access_tokens: true,
    mtls_endpoint_aliases: {
      token_endpoint: `${mtlsOrigin}${OAUTH_PATHS.token}`,
      revocation_endpoint: `${mtlsOrigin}/oauth/revoke`,
      introspection_endpoint: `${mtlsOrigin}/oauth/introspect`,
    },
  };
}

export function registerMetadata(server: FastifyInstance, context: RegionContext): void {
  server.get('/.well-known/oauth-authorization-server', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return authorizationServerMetadata(context.core.issuer(context.region), context.core.mtlsOrigin(context.region));
  });
  server.get('/.well-known/jwks.json', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=60').type('application/jwk-set+json');
    return context.core.tokens.jwks(context.region);
  });
}
