/**
 * What the SCIM endpoints share: schema URNs, RFC 7644 §3.12 error bodies, the
 * `{service-id}` check, `meta` with a weak ETag version, single-resource answers with
 * `ETag` and `Location`, and ListResponse paging by `startIndex` (1-based) and `count`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-3.1
 */
import { ApiError, type ApiRequest, type ApiResult } from '../api-types';
import type { ScimPredicate } from './scim-filter';

export const SCIM_CONTENT_TYPE = 'application/scim+json';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** Totango's extension of the User resource (admin flag, licenses, teams). */
export const TOTANGO_USER_SCHEMA = 'urn:ietf:params:scim:schemas:totango:1.0:User';
export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The `scimType` values of RFC 7644 §3.12 that the mock uses. */
export type ScimErrorType = 'invalidFilter' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue';

/**
 * A SCIM client error: the status, and a body of RFC 7644 §3.12 (status as a string).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 */
export function scimError(status: 400 | 404 | 409 | 412, scimType: ScimErrorType | undefined, detail: string): ApiError {
  const body = { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail };
  const code = status === 404 ? 'not_found' : status === 409 ? 'conflict' : status === 412 ? 'precondition_failed' : 'invalid_request';
  return new ApiError(status, code, detail, undefined, body);
}

/**
 * A write that names the version it read (`If-Match`) must find that version still
 * current; otherwise 412, and nothing changes. Versions are weak ETags, so the comparison
 * is the weak one (RFC 9110 §8.8.3.2), as SCIM clients send `W/"…"` back; `*` matches any.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.14
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-13.1.1
 */
export function checkIfMatch(request: ApiRequest, version: number): void {
  const header = request.ifMatch;
  if (header === undefined) return;
  const tags = header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (tags.includes('*') || tags.includes(`"${version}"`)) return;
  throw scimError(412, undefined, `the resource has changed since that version: "If-Match" names ${header.trim().slice(0, 100)}, and the current version is ${etag(version)}; read it again`);
}

/** The `{service-id}` of a SCIM path must be the account's own; any other is unknown. */
export function checkService(request: ApiRequest): void {
  const serviceId = request.pathParams['service-id'] ?? '';
  if (serviceId !== request.serviceId) throw scimError(404, undefined, `unknown service "${serviceId}"`);
}

export function scimBaseUrl(request: ApiRequest): string {
  return `${request.baseUrl.replace(/\/+$/, '')}/api/v2/scim/services/${encodeURIComponent(request.serviceId)}`;
}

/** A weak entity tag from a resource's version (RFC 7644 §3.14). */
export function etag(version: number): string {
  return `W/"${version}"`;
}

export interface ScimMeta {
  readonly resourceType: 'User' | 'Group';
  readonly created: string;
  readonly lastModified: string;
  readonly location: string;
  readonly version: string;
}

export function scimMeta(resourceType: ScimMeta['resourceType'], created: number, lastModified: number, location: string, version: number): ScimMeta {
  return { resourceType, created: new Date(created).toISOString(), lastModified: new Date(lastModified).toISOString(), location, version: etag(version) };
}

/** One resource, with its `ETag` (and `Location` when it was just created). */
export function scimResource(status: 200 | 201, resource: { readonly meta: ScimMeta }): ApiResult {
  const headers: Record<string, string> = { 'content-type': SCIM_CONTENT_TYPE, etag: resource.meta.version };
  if (status === 201) headers['location'] = resource.meta.location;
  return { status, body: resource, headers };
}

/**
 * A ListResponse of the resources the filter keeps, paged by `startIndex` and `count`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.4
 */
export function scimList(request: ApiRequest, resources: Record<string, unknown>[], keep: ScimPredicate | undefined): ApiResult {
  const startIndex = Math.max(1, scimInteger(request, 'startIndex', 1));
  const count = Math.min(1000, Math.max(0, scimInteger(request, 'count', 100)));
  const matching = keep ? resources.filter(keep) : resources;
  const pageOf = matching.slice(startIndex - 1, startIndex - 1 + count);
  return {
    status: 200,
    headers: { 'content-type': SCIM_CONTENT_TYPE },
    body: { schemas: [LIST_RESPONSE_SCHEMA], totalResults: matching.length, startIndex, itemsPerPage: pageOf.length, Resources: pageOf },
  };
}

function scimInteger(request: ApiRequest, name: string, fallback: number): number {
  const raw = request.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw scimError(400, 'invalidValue', `"${name}" must be an integer`);
  return Number(raw);
}

/** The body of a SCIM write: a JSON object whose `schemas` include `schema`. */
export function scimBody(request: ApiRequest, schema: string): Record<string, unknown> {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw scimError(400, 'invalidSyntax', 'the request body must be a JSON object');
  const schemas = (body as Record<string, unknown>)['schemas'];
  if (!Array.isArray(schemas) || !schemas.includes(schema)) throw scimError(400, 'invalidSyntax', `"schemas" must include "${schema}"`);
  return body as Record<string, unknown>;
}
