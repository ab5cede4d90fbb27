/**
 * The Totango API catalogue: the 29 endpoints of the table in Totango's article
 * "Create and manage OAuth applications", transcribed exactly (method, path template,
 * required scope, documentation title as the article gives it, `N/A` and blank included).
 *
 * One frozen table, read by the mock's routes, the client, the diagnostics and the UI.
 */
import type { Scope } from './scopes';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What an endpoint does to the tenant's data: reads run freely, the rest need care on a real tenant. */
export type EndpointEffect = 'read' | 'write' | 'delete';

export interface CatalogueEndpoint {
  /** A stable identifier, used by the UI, diagnostics and bundles. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Path template relative to the region's base URL, with `{name}` parameters. */
  readonly path: string;
  /** Names of the `{name}` parameters of `path`, in order. */
  readonly pathParams: readonly string[];
  readonly requiredScope: Scope;
  /** The article's "Documentation" column, exactly: a title, `N/A`, or empty. */
  readonly documentation: string;
  /** A short human summary of what the call does. */
  readonly summary: string;
  readonly effect: EndpointEffect;
}

function endpoint<Id extends string>(
  id: Id,
  method: HttpMethod,
  path: string,
  requiredScope: Scope,
  documentation: string,
  summary: string,
): CatalogueEndpoint & { readonly id: Id } {
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  const effect: EndpointEffect = method === 'DELETE' ? 'delete' : isReadCall(method, requiredScope) ? 'read' : 'write';
  return Object.freeze({ id, method, path, pathParams: Object.freeze(pathParams), requiredScope, documentation, summary, effect });
}

/** Searches are POSTs that only read: the required scope tells them apart from writes. */
function isReadCall(method: HttpMethod, requiredScope: Scope): boolean {
  return method === 'GET' || requiredScope.endsWith(':read');
}

export const CATALOGUE = Object.freeze([
  endpoint('search-accounts', 'POST', '/api/v1/search/accounts', 'account:read', 'Search API', 'Search accounts'),
  endpoint('upsert-accounts', 'POST', '/int-hub/api/v1/accounts', 'account:upsert', 'Update Accounts', 'Create or update accounts'),
  endpoint('upsert-account-attributes', 'POST', '/int-hub/api/v1/accounts/attributes', 'account:definitions:upsert', 'Update Account Attribute Definitions', 'Create or update account attribute definitions'),
  endpoint('search-users', 'POST', '/api/v1/search/users', 'user:read', 'Search API', 'Search users'),
  endpoint('upsert-users', 'POST', '/int-hub/api/v1/accounts/users', 'user:upsert', 'Update Users', 'Create or update users'),
  endpoint('upsert-user-attributes', 'POST', '/int-hub/api/v1/accounts/users/attributes', 'user:definitions:upsert', 'Update User Attribute Definitions', 'Create or update user attribute definitions'),
  endpoint('delete-account-user', 'DELETE', '/api/v2/users/account-user/{account-id}/{user-id}', 'user:delete', 'User Delete API', 'Delete a user of an account'),
  endpoint('search-collections', 'POST', '/api/v1/search/accounts/collections', 'collection:read', 'N/A', 'Search collections'),
  endpoint('upsert-collections', 'POST', '/int-hub/api/v1/collections/{collection-type}', 'collection:upsert', 'Update Collections', 'Create or update collection items'),
  endpoint('upsert-collection-attributes', 'POST', '/int-hub/api/v1/collections/{collection-type}/attributes', 'collection:definitions:upsert', 'Update Collections Attribute Definitions', 'Create or update collection attribute definitions'),
  endpoint('list-events', 'GET', '/api/v2/events', 'event:read', 'Events For Account', 'List the events of an account'),
  endpoint('search-events', 'POST', '/api/v2/events/search', 'event:read', 'Events Search API', 'Search events'),
  endpoint('whoami', 'GET', '/api/v1/users/whoami', 'system_user:read', '', 'The user the token acts as'),
  endpoint('audit-log', 'GET', '/api/v2/audit', 'system_user:read', 'Audit Log API', 'Read the audit log'),
  endpoint('scim-list-users', 'GET', '/api/v2/scim/services/{service-id}/Users', 'system_user:read', 'SCIM Get Users', 'List Totango users (SCIM)'),
  endpoint('scim-list-groups', 'GET', '/api/v2/scim/services/{service-id}/Groups', 'system_user:read', 'SCIM Get Groups/Teams', 'List teams (SCIM groups)'),
  endpoint('scim-create-user', 'POST', '/api/v2/scim/services/{service-id}/Users', 'system_user:create', 'SCIM Create User', 'Create a Totango user (SCIM)'),
  endpoint('scim-get-user', 'GET', '/api/v2/scim/services/{service-id}/Users/{user-id}', 'system_user:read', 'N/A', 'Get a Totango user (SCIM)'),
  endpoint('scim-patch-user', 'PATCH', '/api/v2/scim/services/{service-id}/Users/{user-id}', 'system_user:update', 'SCIM Update User', 'Update a Totango user (SCIM PATCH)'),
  endpoint('scim-replace-user', 'PUT', '/api/v2/scim/services/{service-id}/Users/{user-id}', 'system_user:update', 'SCIM Replace User', 'Replace a Totango user (SCIM PUT)'),
  endpoint('scim-get-group', 'GET', '/api/v2/scim/services/{service-id}/Groups/{team-id}', 'system_user:read', 'N/A', 'Get a team (SCIM group)'),
  endpoint('scim-replace-group', 'PUT', '/api/v2/scim/services/{service-id}/Groups/{team-id}', 'system_user:update', 'SCIM Set Users for Group / Team', 'Set the members of a team (SCIM PUT)'),
  endpoint('scim-patch-group', 'PATCH', '/api/v2/scim/services/{service-id}/Groups/{team-id}', 'system_user:update', 'SCIM Add users to Group / Team', 'Add members to a team (SCIM PATCH)'),
  endpoint('create-touchpoint', 'POST', '/api/v3/touchpoints', 'touchpoint:create', 'Create New TP', 'Create a touchpoint'),
  endpoint('update-touchpoint', 'PUT', '/api/v3/touchpoints/{note-id}', 'touchpoint:update', 'Update Existing TP', 'Update a touchpoint'),
  endpoint('delete-touchpoint', 'DELETE', '/api/v3/touchpoints/{note-id}', 'touchpoint:delete', 'Remove Touchpoint', 'Delete a touchpoint'),
  endpoint('list-touchpoint-types', 'GET', '/api/v3/touchpoint-types', 'touchpoint:definitions:read', 'Touchpoint Types', 'List touchpoint types'),
  endpoint('list-touchpoint-tags', 'GET', '/api/v3/touchpoint-tags', 'touchpoint:definitions:read', 'Touchpoint Reasons', 'List touchpoint reasons (tags)'),
  endpoint('list-activity-types', 'GET', '/api/v3/activity-types', 'touchpoint:definitions:read', 'SuccessFlow Types', 'List activity (SuccessFlow) types'),
] as const);

/** The identifier of one catalogued endpoint; a `Record<EndpointId, …>` must cover all 29. */
export type EndpointId = (typeof CATALOGUE)[number]['id'];

const byId = new Map<string, CatalogueEndpoint>(CATALOGUE.map((e) => [e.id, e]));

export function findEndpoint(id: string): CatalogueEndpoint | undefined {
  return byId.get(id);
}

/** Fills a path template; each value is percent-encoded as one path segment. */
export function buildPath(template: CatalogueEndpoint, params: Readonly<Record<string, string>>): string {
  return template.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`missing path parameter "${name}"`);
    return encodeURIComponent(value);
  });
}

/** Matches a request path against the catalogue's templates; path parameters come back decoded. */
export function matchEndpoint(
  method: string,
  path: string,
): { endpoint: CatalogueEndpoint; params: Record<string, string> } | undefined {
  const segments = path.split('/');
  for (const candidate of CATALOGUE) {
    if (candidate.method !== method) continue;
    const params = matchTemplate(candidate.path.split('/'), segments);
    if (params) return { endpoint: candidate, params };
  }
  return undefined;
}

function matchTemplate(template: string[], segments: string[]): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const want = template[i] ?? '';
    const got = segments[i] ?? '';
    const name = /^\{([^}]+)\}$/.exec(want)?.[1];
    if (name === undefined) {
      if (want !== got) return undefined;
      continue;
    }
    if (got === '') return undefined;
    try {
      params[name] = decodeURIComponent(got);
    } catch {
      return undefined;
    }
  }
  return params;
}
