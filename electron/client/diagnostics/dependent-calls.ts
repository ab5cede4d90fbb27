/**
 * Calls that act on what an earlier call of the same run created, so that a diagnostic
 * run updates and deletes its own data rather than the tenant's: the touchpoint that
 * `create-touchpoint` just made is the one `update-touchpoint` edits and
 * `delete-touchpoint` removes; the contact `upsert-users` just wrote is the one
 * `delete-account-user` deletes. When the earlier call did not succeed (its scope is
 * missing, say), the later one keeps its example ids: against the mock they exist in
 * the seed; elsewhere a 404 still shows the call was authorized and reached the endpoint.
 *
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API (the note id a create returns)
 */
import type { EndpointId } from '../../../shared/catalogue';
import type { ApiCallResult } from '../calls/api-caller';
import type { CatalogueRequest } from '../calls/catalogue-request';

export interface Dependency {
  /** The earlier call whose result gives the ids. */
  readonly source: EndpointId;
  /** Calls that must have run first (the source, and any other that uses the same item). */
  readonly after: readonly EndpointId[];
  /** The path parameters to use, from the source call; undefined keeps the request as it is. */
  readonly pathParams: (source: ApiCallResult) => Record<string, string> | undefined;
}

const touchpointId = (source: ApiCallResult) => mapDefined(createdNoteId(source), (id) => ({ 'note-id': id }));

export const DEPENDENCIES: Readonly<Partial<Record<EndpointId, Dependency>>> = Object.freeze({
  'update-touchpoint': { source: 'create-touchpoint', after: ['create-touchpoint'], pathParams: touchpointId },
  'delete-touchpoint': { source: 'create-touchpoint', after: ['create-touchpoint', 'update-touchpoint'], pathParams: touchpointId },
  'delete-account-user': { source: 'upsert-users', after: ['upsert-users'], pathParams: (source) => (succeeded(source) ? upsertedContact(source.request) : undefined) },
});

/** Endpoints in the order their phases run: independent ones first, then each dependent after what it needs. */
export function phasesOf(endpointIds: readonly EndpointId[]): EndpointId[][] {
  const remaining = new Set(endpointIds);
  const phases: EndpointId[][] = [];
  const done = new Set<EndpointId>();
  while (remaining.size > 0) {
    const ready = [...remaining].filter((id) => (DEPENDENCIES[id]?.after ?? []).every((before) => done.has(before) || !endpointIds.includes(before)));
    // A cycle cannot happen with the table above; run the rest together rather than loop.
    const phase = ready.length > 0 ? ready : [...remaining];
    for (const id of phase) {
      remaining.delete(id);
      done.add(id);
    }
    phases.push(phase);
  }
  return phases;
}

/** The request of a dependent call with its source call's ids put in, when that call succeeded. */
export function withSourceResult(request: CatalogueRequest, results: ReadonlyMap<EndpointId, ApiCallResult>): CatalogueRequest {
  const dependency = DEPENDENCIES[request.endpointId];
  const source = dependency === undefined ? undefined : results.get(dependency.source);
  if (dependency === undefined || source === undefined) return request;
  const params = dependency.pathParams(source);
  return params === undefined ? request : { ...request, pathParams: { ...request.pathParams, ...params } };
}

function succeeded(result: ApiCallResult): boolean {
  const status = result.response?.status;
  return status !== undefined && status >= 200 && status < 300;
}

/** The note id in a create-touchpoint answer, wherever Totango's shapes put it. */
function createdNoteId(result: ApiCallResult): string | undefined {
  if (!succeeded(result)) return undefined;
  const body = result.response?.body;
  const candidates = [body, field(body, 'note'), field(body, 'touchpoint'), field(body, 'data')];
  for (const candidate of candidates) {
    for (const key of ['note_id', 'noteId', 'id']) {
      const value = field(candidate, key);
      if ((typeof value === 'string' && value !== '') || typeof value === 'number') return String(value);
    }
  }
  return undefined;
}

/** The first contact of an Integration Hub users upsert body: `{ users: [{ id, account_id }] }`. */
function upsertedContact(request: CatalogueRequest): Record<string, string> | undefined {
  if (request.body?.kind !== 'json') return undefined;
  const users = field(request.body.json, 'users');
  const first = Array.isArray(users) ? (users[0] as unknown) : undefined;
  const id = field(first, 'id');
  const accountId = field(first, 'account_id');
  return typeof id === 'string' && typeof accountId === 'string' ? { 'account-id': accountId, 'user-id': id } : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function mapDefined<T, U>(value: T | undefined, map: (value: T) => U | undefined): U | undefined {
  return value === undefined ? undefined : map(value);
}
