/**
 * Resolves a target to its endpoints: the server's RFC 8414 metadata when it publishes
 * some (the mock does), the article's fixed paths when it answers 404 or something
 * that is not metadata. A metadata document whose `issuer` is not the target's is
 * refused (RFC 8414 §3.3), as openid-client would.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-5 (mtls_endpoint_aliases)
 */
import { z } from 'zod';
import { LabError } from '../flows/lab-error';
import { toLabError } from '../flows/oauth-errors';
import type { LabFetch } from '../http/recording-fetch';
import { articleTarget, targetBaseUrl, type ResolvedTarget, type TargetDefinition } from './target';

const metadataSchema = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: z.string().optional(),
  token_endpoint: z.string(),
  jwks_uri: z.string().optional(),
  introspection_endpoint: z.string().optional(),
  revocation_endpoint: z.string().optional(),
  mtls_endpoint_aliases: z.looseObject({ token_endpoint: z.string().optional() }).optional(),
});

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Checks a base URL: absolute, https, or http on loopback only (the mock). */
export function checkBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new LabError('invalid_configuration', `"baseUrl" is not an absolute URL: ${JSON.stringify(raw.slice(0, 200))}`, { cause: error });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new LabError('invalid_configuration', `"baseUrl" must use https (plain http only on 127.0.0.1), got "${url.protocol}//${url.host}"`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new LabError('invalid_configuration', '"baseUrl" must not carry a query, a fragment or credentials');
  }
  return url;
}

/** Where RFC 8414 §3 puts the metadata of an issuer: the well-known segment before any path. */
export function metadataUrl(issuer: string): string {
  const url = new URL(issuer);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  return `${url.origin}/.well-known/oauth-authorization-server${path}`;
}

export interface ResolveTargetOptions {
  /** The fetch to ask with: a recording fetch, with the target's CA trusted where it needs one. */
  readonly fetch: LabFetch;
  readonly signal?: AbortSignal;
}

export async function resolveTarget(definition: TargetDefinition, options: ResolveTargetOptions): Promise<ResolvedTarget> {
  const base = checkBaseUrl(targetBaseUrl(definition)).href.replace(/\/+$/, '');
  const fallback = articleTarget(definition);
  let response: Response;
  try {
    response = await options.fetch(metadataUrl(base), { headers: { accept: 'application/json' }, redirect: 'manual', ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    throw await toLabError(error);
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    return fallback;
  }
  let document: unknown;
  try {
    document = await response.json();
  } catch {
    return fallback;
  }
  const parsed = metadataSchema.safeParse(document);
  if (!parsed.success) return fallback;
  const metadata = parsed.data;
  if (metadata.issuer.replace(/\/+$/, '') !== base) {
    throw new LabError('issuer_mismatch', `the metadata at "${metadataUrl(base)}" names the issuer "${metadata.issuer}", not "${base}" (RFC 8414 §3.3)`);
  }
  const mtlsToken = metadata.mtls_endpoint_aliases?.token_endpoint;
  const mtlsApiBase = fallback.mtlsApiBase !== fallback.apiBase ? fallback.mtlsApiBase : mtlsToken !== undefined ? new URL(mtlsToken).origin : fallback.mtlsApiBase;
  return {
    ...fallback,
    issuer: metadata.issuer,
    authorizationEndpoint: metadata.authorization_endpoint ?? fallback.authorizationEndpoint,
    tokenEndpoint: metadata.token_endpoint,
    ...(mtlsToken === undefined ? {} : { mtlsTokenEndpoint: mtlsToken }),
    ...(metadata.jwks_uri === undefined ? {} : { jwksUri: metadata.jwks_uri }),
    ...(metadata.introspection_endpoint === undefined ? {} : { introspectionEndpoint: metadata.introspection_endpoint }),
    ...(metadata.revocation_endpoint === undefined ? {} : { revocationEndpoint: metadata.revocation_endpoint }),
    mtlsApiBase,
    metadata: Object.freeze({ ...metadata }),
    source: 'rfc8414',
  };
}
