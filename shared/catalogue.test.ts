/**
 * The catalogue against an independent transcription of the table in Totango's article
 * "Create and manage OAuth applications" (section "Totango APIs"), and the path helpers
 * that the mock's routes and the client build on it.
 */
import { describe, expect, it } from 'vitest';
import { buildPath, CATALOGUE, findEndpoint, matchEndpoint, type CatalogueEndpoint, type HttpMethod } from './catalogue';

/** One row of the article's table: API endpoint (method and path), required scope, documentation. */
type ArticleRow = readonly [method: HttpMethod, path: string, requiredScope: string, documentation: string];

/** Copied row by row from the article; the whoami row's documentation cell is blank. */
const ARTICLE_TABLE: readonly ArticleRow[] = [
  ['POST', '/api/v1/search/accounts', 'account:read', 'Search API'],
  ['POST', '/int-hub/api/v1/accounts', 'account:upsert', 'Update Accounts'],
  ['POST', '/int-hub/api/v1/accounts/attributes', 'account:definitions:upsert', 'Update Account Attribute Definitions'],
  ['POST', '/api/v1/search/users', 'user:read', 'Search API'],
  ['POST', '/int-hub/api/v1/accounts/users', 'user:upsert', 'Update Users'],
  ['POST', '/int-hub/api/v1/accounts/users/attributes', 'user:definitions:upsert', 'Update User Attribute Definitions'],
  ['DELETE', '/api/v2/users/account-user/{account-id}/{user-id}', 'user:delete', 'User Delete API'],
  ['POST', '/api/v1/search/accounts/collections', 'collection:read', 'N/A'],
  ['POST', '/int-hub/api/v1/collections/{collection-type}', 'collection:upsert', 'Update Collections'],
  ['POST', '/int-hub/api/v1/collections/{collection-type}/attributes', 'collection:definitions:upsert', 'Update Collections Attribute Definitions'],
  ['GET', '/api/v2/events', 'event:read', 'Events For Account'],
  ['POST', '/api/v2/events/search', 'event:read', 'Events Search API'],
  ['GET', '/api/v1/users/whoami', 'system_user:read', ''],
  ['GET', '/api/v2/audit', 'system_user:read', 'Audit Log API'],
  ['GET', '/api/v2/scim/services/{service-id}/Users', 'system_user:read', 'SCIM Get Users'],
  ['GET', '/api/v2/scim/services/{service-id}/Groups', 'system_user:read', 'SCIM Get Groups/Teams'],
  ['POST', '/api/v2/scim/services/{service-id}/Users', 'system_user:create', 'SCIM Create User'],
  ['GET', '/api/v2/scim/services/{service-id}/Users/{user-id}', 'system_user:read', 'N/A'],
  ['PATCH', '/api/v2/scim/services/{service-id}/Users/{user-id}', 'system_user:update', 'SCIM Update User'],
  ['PUT', '/api/v2/scim/services/{service-id}/Users/{user-id}', 'system_user:update', 'SCIM Replace User'],
  ['GET', '/api/v2/scim/services/{service-id}/Groups/{team-id}', 'system_user:read', 'N/A'],
  ['PUT', '/api/v2/scim/services/{service-id}/Groups/{team-id}', 'system_user:update', 'SCIM Set Users for Group / Team'],
  ['PATCH', '/api/v2/scim/services/{service-id}/Groups/{team-id}', 'system_user:update', 'SCIM Add users to Group / Team'],
  ['POST', '/api/v3/touchpoints', 'touchpoint:create', 'Create New TP'],
  ['PUT', '/api/v3/touchpoints/{note-id}', 'touchpoint:update', 'Update Existing TP'],
  ['DELETE', '/api/v3/touchpoints/{note-id}', 'touchpoint:delete', 'Remove Touchpoint'],
  ['GET', '/api/v3/touchpoint-types', 'touchpoint:definitions:read', 'Touchpoint Types'],
  ['GET', '/api/v3/touchpoint-tags', 'touchpoint:definitions:read', 'Touchpoint Reasons'],
  ['GET', '/api/v3/activity-types', 'touchpoint:definitions:read', 'SuccessFlow Types'],
];

/** The path parameters of each templated path, written out by hand; every other path has none. */
const PATH_PARAMS: Readonly<Record<string, readonly string[]>> = {
  '/api/v2/users/account-user/{account-id}/{user-id}': ['account-id', 'user-id'],
  '/int-hub/api/v1/collections/{collection-type}': ['collection-type'],
  '/int-hub/api/v1/collections/{collection-type}/attributes': ['collection-type'],
  '/api/v2/scim/services/{service-id}/Users': ['service-id'],
  '/api/v2/scim/services/{service-id}/Groups': ['service-id'],
  '/api/v2/scim/services/{service-id}/Users/{user-id}': ['service-id', 'user-id'],
  '/api/v2/scim/services/{service-id}/Groups/{team-id}': ['service-id', 'team-id'],
  '/api/v3/touchpoints/{note-id}': ['note-id'],
};

/** The four searches: POSTs that only read. */
const SEARCH_PATHS = ['/api/v1/search/accounts', '/api/v1/search/users', '/api/v1/search/accounts/collections', '/api/v2/events/search'];

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Values that need encoding in a path segment: a slash, a space, a percent sign, non-ASCII. */
function sampleParams(endpoint: CatalogueEndpoint): Record<string, string> {
  return Object.fromEntries(endpoint.pathParams.map((name, i) => [name, `${name} ${i}/x%y é`]));
}

describe('the catalogue table', () => {
  it('holds the 29 endpoints of the article, in its order, with method, path, scope and documentation exactly', () => {
    const transcribed = CATALOGUE.map((e) => [e.method, e.path, e.requiredScope, e.documentation]);
    expect(transcribed).toEqual(ARTICLE_TABLE);
    expect(CATALOGUE).toHaveLength(29);
  });

  it("keeps the article's 'N/A' cells and the blank whoami cell as they are", () => {
    expect(CATALOGUE.filter((e) => e.documentation === 'N/A').map((e) => e.id)).toEqual(['search-collections', 'scim-get-user', 'scim-get-group']);
    expect(findEndpoint('whoami')?.documentation).toBe('');
  });

  it('derives the path parameters of each path, in order', () => {
    for (const endpoint of CATALOGUE) {
      expect({ path: endpoint.path, pathParams: endpoint.pathParams }).toEqual({ path: endpoint.path, pathParams: PATH_PARAMS[endpoint.path] ?? [] });
    }
  });

  it('gives every endpoint a distinct id and a distinct method and path', () => {
    expect(new Set(CATALOGUE.map((e) => e.id)).size).toBe(CATALOGUE.length);
    expect(new Set(CATALOGUE.map((e) => `${e.method} ${e.path}`)).size).toBe(CATALOGUE.length);
  });

  it('gives every endpoint a summary', () => {
    for (const endpoint of CATALOGUE) expect(endpoint.summary, endpoint.id).not.toBe('');
  });

  it('is frozen: the table, each entry and each list of path parameters', () => {
    expect(Object.isFrozen(CATALOGUE)).toBe(true);
    for (const endpoint of CATALOGUE) {
      expect(Object.isFrozen(endpoint), endpoint.id).toBe(true);
      expect(Object.isFrozen(endpoint.pathParams), endpoint.id).toBe(true);
    }
    const table = CATALOGUE as unknown as CatalogueEndpoint[];
    const entry = CATALOGUE[0] as { requiredScope: string };
    expect(() => table.push(table[0] as CatalogueEndpoint)).toThrow(TypeError);
    expect(() => {
      entry.requiredScope = 'admin';
    }).toThrow(TypeError);
    expect(CATALOGUE[0].requiredScope).toBe('account:read');
  });

  it('reads GETs and searches, writes with upserts, creates and updates, deletes with DELETE', () => {
    for (const endpoint of CATALOGUE) {
      const expected = endpoint.method === 'DELETE' ? 'delete' : endpoint.method === 'GET' || SEARCH_PATHS.includes(endpoint.path) ? 'read' : 'write';
      expect({ id: endpoint.id, effect: endpoint.effect }).toEqual({ id: endpoint.id, effect: expected });
      if (expected === 'write') expect(endpoint.requiredScope, endpoint.id).toMatch(/:(upsert|create|update)$/);
    }
    expect(CATALOGUE.filter((e) => e.method === 'POST' && e.effect === 'read').map((e) => e.id)).toEqual([
      'search-accounts',
      'search-users',
      'search-collections',
      'search-events',
    ]);
  });
});

describe('findEndpoint', () => {
  it('finds an endpoint by id and nothing for an unknown id', () => {
    expect(findEndpoint('delete-touchpoint')?.path).toBe('/api/v3/touchpoints/{note-id}');
    expect(findEndpoint('no-such-endpoint')).toBeUndefined();
  });
});

describe('matchEndpoint', () => {
  it('finds each endpoint from a concrete path, with its parameters decoded', () => {
    for (const endpoint of CATALOGUE) {
      const params = sampleParams(endpoint);
      const match = matchEndpoint(endpoint.method, buildPath(endpoint, params));
      expect({ id: match?.endpoint.id, params: match?.params }).toEqual({ id: endpoint.id, params });
    }
  });

  it('decodes a percent-encoded parameter written by hand', () => {
    const match = matchEndpoint('DELETE', '/api/v2/users/account-user/acme%20corp/u%2F42');
    expect(match?.endpoint.id).toBe('delete-account-user');
    expect(match?.params).toEqual({ 'account-id': 'acme corp', 'user-id': 'u/42' });
  });

  it('tells apart endpoints that share a path by their method', () => {
    const path = '/api/v2/scim/services/9013/Users/u-1';
    expect(matchEndpoint('GET', path)?.endpoint.id).toBe('scim-get-user');
    expect(matchEndpoint('PATCH', path)?.endpoint.id).toBe('scim-patch-user');
    expect(matchEndpoint('PUT', path)?.endpoint.id).toBe('scim-replace-user');
  });

  it('refuses a method that no endpoint of that path has', () => {
    for (const endpoint of CATALOGUE) {
      const path = buildPath(endpoint, sampleParams(endpoint));
      const taken = new Set(CATALOGUE.filter((e) => e.path === endpoint.path).map((e) => e.method));
      for (const method of METHODS.filter((m) => !taken.has(m))) {
        expect(matchEndpoint(method, path), `${method} ${path}`).toBeUndefined();
      }
    }
  });

  it('compares methods case-sensitively (RFC 9110 §9.1)', () => {
    expect(matchEndpoint('get', '/api/v2/audit')).toBeUndefined();
    expect(matchEndpoint('GET', '/api/v2/audit')?.endpoint.id).toBe('audit-log');
  });

  it('refuses extra or missing segments, a trailing slash, and a different case', () => {
    expect(matchEndpoint('GET', '/api/v2/audit/extra')).toBeUndefined();
    expect(matchEndpoint('GET', '/api/v2/audit/')).toBeUndefined();
    expect(matchEndpoint('GET', '/extra/api/v2/audit')).toBeUndefined();
    expect(matchEndpoint('DELETE', '/api/v2/users/account-user/a1/u1/extra')).toBeUndefined();
    expect(matchEndpoint('DELETE', '/api/v2/users/account-user/a1')).toBeUndefined();
    expect(matchEndpoint('GET', '/api/v2/scim/services/9013/users')).toBeUndefined();
    expect(matchEndpoint('GET', 'api/v2/audit')).toBeUndefined();
  });

  it('refuses an empty path parameter', () => {
    expect(matchEndpoint('PUT', '/api/v3/touchpoints/')).toBeUndefined();
    expect(matchEndpoint('DELETE', '/api/v2/users/account-user//u-1')).toBeUndefined();
    expect(matchEndpoint('GET', '/api/v2/scim/services//Users')).toBeUndefined();
  });

  it('refuses a path parameter whose percent-escapes do not decode', () => {
    expect(matchEndpoint('PUT', '/api/v3/touchpoints/%zz')).toBeUndefined();
    expect(matchEndpoint('PUT', '/api/v3/touchpoints/%E0%A4')).toBeUndefined();
    expect(matchEndpoint('PUT', '/api/v3/touchpoints/50%')).toBeUndefined();
    expect(matchEndpoint('PUT', '/api/v3/touchpoints/%E0%A4%A4')?.params).toEqual({ 'note-id': '\u0924' });
  });
});

describe('buildPath', () => {
  it('fills each parameter as one percent-encoded segment', () => {
    const endpoint = findEndpoint('delete-account-user') as CatalogueEndpoint;
    expect(buildPath(endpoint, { 'account-id': 'acme corp', 'user-id': 'u/42?x#y' })).toBe('/api/v2/users/account-user/acme%20corp/u%2F42%3Fx%23y');
  });

  it('returns a path without parameters unchanged', () => {
    expect(buildPath(findEndpoint('whoami') as CatalogueEndpoint, {})).toBe('/api/v1/users/whoami');
  });

  it('throws naming a parameter that is missing or empty', () => {
    const endpoint = findEndpoint('scim-get-group') as CatalogueEndpoint;
    expect(() => buildPath(endpoint, { 'service-id': '9013' })).toThrow('missing path parameter "team-id"');
    expect(() => buildPath(endpoint, { 'service-id': '', 'team-id': 't-1' })).toThrow('missing path parameter "service-id"');
  });
});
