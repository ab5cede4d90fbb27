/**
 * How the catalogued APIs answer what went wrong: RFC 6750 errors (with their
 * `WWW-Authenticate: Bearer` challenge) for the token and the scope, the handlers' own
 * errors, and requests the framework could not read (body, path): JSON
 * `invalid_request`, or on SCIM endpoints an RFC 7644 §3.12 error.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 */
import type { FastifyError } from 'fastify';
import type { CatalogueEndpoint } from '../../../shared/catalogue';
import { clientErrorOf, MAX_PATH_SEGMENT } from '../http/server-shell';
import { ApiError } from './api-types';
import { BearerError } from './bearer-challenge';
import { ERROR_SCHEMA, SCIM_CONTENT_TYPE, scimError } from './handlers/scim-common';

/** An error answer, and the code the audit log records for it. */
export interface ApiErrorAnswer {
  readonly status: number;
  readonly code: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: string | undefined;
  readonly body: unknown;
}

/** The answer to `error` on `endpoint`; undefined for an unexpected error (a 500, logged by the shell). */
export function apiErrorAnswer(error: unknown, endpoint: CatalogueEndpoint, realm: string): ApiErrorAnswer | undefined {
  if (error instanceof BearerError) {
    return {
      status: error.status,
      code: error.code,
      headers: { 'www-authenticate': error.challenge(realm), 'cache-control': 'no-store' },
      contentType: undefined,
      body: error.toJSON(),
    };
  }
  if (error instanceof ApiError) {
    const body = error.body ?? { error: error.code, error_description: error.message, ...(error.field === undefined ? {} : { field: error.field }) };
    return { status: error.status, code: error.code, headers: {}, contentType: isScimError(body) ? SCIM_CONTENT_TYPE : undefined, body };
  }
  const client = clientErrorOf(error);
  if (!client) return undefined;
  if (isScimEndpoint(endpoint)) {
    const body = { schemas: [ERROR_SCHEMA], status: String(client.status), ...(client.status === 400 ? { scimType: 'invalidSyntax' } : {}), detail: client.description };
    return { status: client.status, code: 'invalid_request', headers: {}, contentType: SCIM_CONTENT_TYPE, body };
  }
  return { status: client.status, code: 'invalid_request', headers: {}, contentType: undefined, body: { error: 'invalid_request', error_description: client.description } };
}

/**
 * The error for an authorized request to `endpoint` whose path the router could not read:
 * names the parameter at fault, never echoes it.
 */
export function unreadablePathError(endpoint: CatalogueEndpoint, pathname: string, error: FastifyError): ApiError {
  const segments = pathname.split('/');
  const template = endpoint.path.split('/');
  let name = 'the path';
  for (let i = 0; i < template.length; i++) {
    const param = /^\{([^}]+)\}$/.exec(template[i] ?? '')?.[1];
    if (param !== undefined && !readable(segments[i] ?? '', error)) {
      name = `"${param}"`;
      break;
    }
  }
  const description =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? `${name} in the path is longer than ${MAX_PATH_SEGMENT} characters`
      : `${name} in the path is not valid percent-encoding (RFC 3986 section 2.1)`;
  if (isScimEndpoint(endpoint)) return scimError(400, 'invalidValue', description);
  return new ApiError(400, 'invalid_request', description, name.startsWith('"') ? name.slice(1, -1) : undefined);
}

function readable(segment: string, error: FastifyError): boolean {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return segment.length <= MAX_PATH_SEGMENT;
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The catalogued endpoint whose template `pathname` fits, without decoding it. */
export function endpointForPath(endpoints: readonly CatalogueEndpoint[], method: string, pathname: string): CatalogueEndpoint | undefined {
  const segments = pathname.split('/');
  return endpoints.find((endpoint) => {
    if (endpoint.method !== method) return false;
    const template = endpoint.path.split('/');
    return template.length === segments.length && template.every((part, i) => (part.startsWith('{') ? (segments[i] ?? '') !== '' : part === segments[i]));
  });
}

function isScimEndpoint(endpoint: CatalogueEndpoint): boolean {
  return endpoint.pathParams.includes('service-id');
}

/** RFC 7644 §3.12 error bodies go out as `application/scim+json`. */
function isScimError(body: unknown): boolean {
  const schemas = (body as { schemas?: unknown } | undefined)?.schemas;
  return Array.isArray(schemas) && schemas.includes(ERROR_SCHEMA);
}
