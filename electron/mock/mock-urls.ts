import type { RegionId } from '../../shared/regions';
import { authorizationServerMetadata } from './metadata';

/** Every URL the running mock serves; printed on the CLI's ready line and returned by `/admin/status`. */
export interface MockUrls {
  readonly admin: string;
  readonly openapi: string;
  /** The mock CA's certificate (PEM): trust it to reach the HTTPS endpoints. */
  readonly caCertificate: string;
  readonly regions: Readonly<Record<RegionId, RegionUrls>>;
}

export interface RegionUrls {
  readonly issuer: string;
  readonly metadata: string;
  readonly authorization: string;
  readonly token: string;
  readonly jwks: string;
  readonly introspection: string;
  readonly revocation: string;
  /** The HTTPS origin: the mutual-TLS token, revocation and introspection endpoints, and the APIs. */
  readonly mtls: { readonly origin: string; readonly token: string; readonly introspection: string; readonly revocation: string };
}

export function regionUrls(issuer: string, mtlsOrigin: string): RegionUrls {
  const metadata = authorizationServerMetadata(issuer, mtlsOrigin);
  const aliases = metadata.mtls_endpoint_aliases;
  return {
    issuer,
    metadata: `${issuer}/.well-known/oauth-authorization-server`,
    authorization: metadata.authorization_endpoint,
    token: metadata.token_endpoint,
    jwks: metadata.jwks_uri,
    introspection: metadata.introspection_endpoint,
    revocation: metadata.revocation_endpoint,
    mtls: { origin: mtlsOrigin, token: aliases.token_endpoint, introspection: aliases.introspection_endpoint, revocation: aliases.revocation_endpoint },
  };
}
