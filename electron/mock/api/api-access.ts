/**
 * Who may call a catalogued endpoint, decided before anything else of the request is read
 * (its body, its path parameters): the bearer token and every check on it, the
 * certificate binding, then the scope the catalogue requires. So an unauthenticated
 * request gets the 401 challenge and an unauthorized one 403 `insufficient_scope`, never
 * a 400 about a body the caller had no right to send.
 *
 * Once the token is good the call is on record (`apiAccessOf`): whatever answers it from
 * then on, a refused scope or binding included, lands in the audit log.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3
 */
import type { FastifyRequest } from 'fastify';
import type { CatalogueEndpoint } from '../../../shared/catalogue';
import { covers, splitScopeParameter } from '../../../shared/scopes';
import type { AccessTokenClaims } from '../access-tokens';
import { matchPresented } from '../certificate-binding';
import { peerCertificate } from '../http/peer-certificate';
import type { MockUser, StoredApplication } from '../mock-state';
import type { RegionContext } from '../region-context';
import { noteClientId } from '../request-log';
import { BearerError, bearerToken } from './bearer-challenge';

/** A call whose access token passed every token check. */
export interface ApiAccess {
  readonly claims: AccessTokenClaims;
  readonly app: StoredApplication;
  readonly user: MockUser;
  /** The request path without its query string. */
  readonly pathname: string;
  readonly query: URLSearchParams;
  /** Milliseconds since the epoch by the mock's clock, when the token was checked. */
  readonly at: number;
}

/** The Fastify request decoration that carries the access, once the token is good. */
export const API_ACCESS = 'mockApiAccess';

interface AccessNote {
  mockApiAccess: ApiAccess | null;
}

/** The access of a call whose token was good; null when it was refused before that. */
export function apiAccessOf(request: FastifyRequest): ApiAccess | null {
  return (request as FastifyRequest & AccessNote).mockApiAccess;
}

/**
 * Checks the token, its binding and the scope of `endpoint` for `request`; throws a
 * {@link BearerError} for the first failure. Reads only the URL and the headers.
 */
export function authorizeApiCall(context: RegionContext, endpoint: CatalogueEndpoint, request: FastifyRequest): ApiAccess {
  const { core, region } = context;
  const url = request.url;
  const queryStart = url.indexOf('?');
  const query = new URLSearchParams(queryStart < 0 ? '' : url.slice(queryStart + 1));
  const token = bearerToken(request.headers, query, request.raw.rawHeaders);
  const check = core.tokens.check(region, token);
  if (!check.ok) throw new BearerError(401, 'invalid_token', check.description);
  const { claims, app, user } = check;
  noteClientId(request, app.clientId);
  const access: ApiAccess = { claims, app, user, pathname: queryStart < 0 ? url : url.slice(0, queryStart), query, at: core.clock.now() };
  (request as FastifyRequest & AccessNote).mockApiAccess = access;
  const bound = claims.cnf?.['x5t#S256'];
  if (bound !== undefined) checkBinding(context, app, bound, request);
  const granted = splitScopeParameter(claims.scope);
  if (!covers(granted, endpoint.requiredScope).covered) {
    throw new BearerError(
      403,
      'insufficient_scope',
      `the token's scopes (${granted.join(' ') || 'none'}) do not cover "${endpoint.requiredScope}", which ${endpoint.method} ${endpoint.path} requires`,
      endpoint.requiredScope,
    );
  }
  return access;
}

function checkBinding(context: RegionContext, app: StoredApplication, bound: string, request: FastifyRequest): void {
  const peer = peerCertificate(request);
  if (peer.transport === 'http') {
    throw new BearerError(401, 'invalid_token', `the access token is bound to a certificate (RFC 8705); call the API over HTTPS at ${context.core.mtlsOrigin(context.region)} with that certificate`);
  }
  if (peer.thumbprint === undefined) throw new BearerError(401, 'invalid_token', 'the access token is bound to a certificate, and the request presented none');
  if (peer.thumbprint !== bound) {
    const presented = matchPresented(app, peer.thumbprint, context.core.applications.certificates);
    const why = presented.ok ? '' : ` (${presented.description})`;
    throw new BearerError(401, 'invalid_token', `the certificate presented is not the one the access token is bound to${why}`);
  }
}
