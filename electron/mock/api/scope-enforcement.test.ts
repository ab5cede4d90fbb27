/**
 * Generated from the shared catalogue: for each of the 29 endpoints, over real HTTP, a
 * token holding exactly the required scope passes; a token without it gets 403
 * `insufficient_scope` naming the scope; `{entity}:all`, `upsert` (where it applies)
 * and `admin` pass.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE, buildPath, type CatalogueEndpoint, type EndpointId } from '../../../shared/catalogue';
import { parseScope, type Scope } from '../../../shared/scopes';
import { basicAuthorization, postForm, startMockHarness, type MockHarness } from '../testing/mock-harness';

let harness: MockHarness;
let authorization: string;

interface SampleRequest {
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly json?: unknown;
  readonly form?: Record<string, string>;
  readonly contentType?: string;
}

const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const SCIM_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const search = (query: object) => ({ form: { query: JSON.stringify(query) } });

/** A valid request per endpoint, against the seed (the data is reset before each test). */
function sample(id: EndpointId): SampleRequest {
  const state = harness.mock.core.tenant.state;
  const contact = state.accountUsers.find((u) => u.accountId === '0011')?.id ?? '';
  const note = String(state.touchpoints[0]?.id ?? '');
  const team = String(state.teams[0]?.id ?? '');
  const samples: Record<EndpointId, SampleRequest> = {
    'search-accounts': search({ terms: [], count: 5, offset: 0, fields: [], scope: 'all' }),
    'upsert-accounts': { json: { accounts: [{ id: '0011', attributes: { Tier: 'Gold' } }] } },
    'upsert-account-attributes': { json: { attributes: [{ name: 'Tier', display_name: 'Customer tier', type: 'Text' }] } },
    'search-users': search({ terms: [], count: 5, offset: 0, fields: [], scope: 'all' }),
    'upsert-users': { json: [{ id: 'new.contact@northwind-logistics.example', account_id: '0011', attributes: { Title: 'Buyer' } }] },
    'upsert-user-attributes': { json: { attributes: [{ name: 'Persona', display_name: 'Persona', type: 'Text' }] } },
    'delete-account-user': { params: { 'account-id': '0011', 'user-id': contact } },
    'search-collections': search({ collection_type: 'Products', terms: [], count: 5, offset: 0, fields: [] }),
    'upsert-collections': { params: { 'collection-type': 'Products' }, json: { collections: [{ id: 'prod-new', account_id: '0011', attributes: {} }] } },
    'upsert-collection-attributes': { params: { 'collection-type': 'Products' }, json: { attributes: [{ name: 'Edition', display_name: 'Edition', type: 'Text' }] } },
    'list-events': { query: { account_id: '0011' } },
    'search-events': search({ terms: [], count: 5, offset: 0, fields: [] }),
    whoami: {},
    'audit-log': {},
    'scim-list-users': { params: { 'service-id': '9013' } },
    'scim-list-groups': { params: { 'service-id': '9013' } },
    'scim-create-user': { params: { 'service-id': '9013' }, json: { schemas: [SCIM_USER], userName: 'new.user@acme-demo.example', name: { givenName: 'New', familyName: 'User' } }, contentType: 'application/scim+json' },
    'scim-get-user': { params: { 'service-id': '9013', 'user-id': 'u-1002' } },
    'scim-patch-user': { params: { 'service-id': '9013', 'user-id': 'u-1002' }, json: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'CSM lead' }] }, contentType: 'application/scim+json' },
    'scim-replace-user': { params: { 'service-id': '9013', 'user-id': 'u-1002' }, json: { schemas: [SCIM_USER], userName: 'daniel.okafor@acme-demo.example', name: { givenName: 'Daniel', familyName: 'Okafor' } }, contentType: 'application/scim+json' },
    'scim-get-group': { params: { 'service-id': '9013', 'team-id': team } },
    'scim-replace-group': { params: { 'service-id': '9013', 'team-id': team }, json: { schemas: [SCIM_GROUP], displayName: 'Renamed team', members: [{ value: 'u-1001' }] }, contentType: 'application/scim+json' },
    'scim-patch-group': { params: { 'service-id': '9013', 'team-id': team }, json: { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: 'u-1003' }] }] }, contentType: 'application/scim+json' },
    'create-touchpoint': { json: { account_id: '0011', content: 'Checked in on the rollout.', subject: 'Check-in' } },
    'update-touchpoint': { params: { 'note-id': note }, json: { subject: 'Updated subject' } },
    'delete-touchpoint': { params: { 'note-id': note } },
    'list-touchpoint-types': {},
    'list-touchpoint-tags': {},
    'list-activity-types': {},
  };
  return samples[id];
}

async function tokenWith(scope: string): Promise<string> {
  const response = await postForm(harness.mock.urls.regions.us.token, { grant_type: 'client_credentials', scope }, { authorization });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for "${scope}": ${JSON.stringify(body)}`);
  return body.access_token;
}

async function call(endpoint: CatalogueEndpoint, token: string): Promise<Response> {
  const request = sample(endpoint.id as EndpointId);
  const url = new URL(harness.mock.urls.regions.us.issuer + buildPath(endpoint, request.params ?? {}));
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: string | undefined;
  if (request.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(request.form).toString();
  } else if (request.json !== undefined) {
    headers['content-type'] = request.contentType ?? 'application/json';
    body = JSON.stringify(request.json);
  }
  return fetch(url, { method: endpoint.method, headers, ...(body === undefined ? {} : { body }) });
}

/** A scope of the same entity that does not cover the required one, or one of another entity. */
function notCovering(required: Scope): string {
  const parsed = parseScope(required);
  if (!parsed.ok || parsed.value.kind === 'admin') throw new Error('no entity');
  const { entity } = parsed.value;
  const sibling = parsed.value.kind === 'definitions' ? `${entity}:read` : required.endsWith(':read') ? `${entity}:definitions:read` : `${entity}:read`;
  return sibling === required ? 'event:read' : sibling;
}

beforeAll(async () => {
  harness = await startMockHarness();
  const app = await harness.createApp({ name: 'Scope prober', grantType: 'client_credentials', actingUserId: 'u-1001', scopes: ['admin'] });
  authorization = basicAuthorization(app.clientId, app.clientSecret);
});

beforeEach(async () => {
  expect((await harness.admin('POST', '/admin/data/reset', {})).status).toBe(200);
});

afterAll(async () => {
  expect(harness.loggedErrors).toEqual([]);
  await harness.stop();
});

describe.each(CATALOGUE.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', (_name, endpoint) => {
  const required = endpoint.requiredScope;
  const parsed = parseScope(required);
  const entity = parsed.ok && parsed.value.kind !== 'admin' ? parsed.value.entity : 'account';
  const passing: string[] = [required, `${entity}:all`, 'admin'];
  if (required.endsWith(':create') || required.endsWith(':update')) passing.push(`${entity}:upsert`);

  it.each(passing)(`passes with a token holding %s`, async (scope) => {
    const response = await call(endpoint, await tokenWith(scope));
    const text = await response.text();
    expect(response.status, `${scope}: ${text}`).toBeGreaterThanOrEqual(200);
    expect(response.status, `${scope}: ${text}`).toBeLessThan(300);
  });

  it(`answers 403 insufficient_scope naming ${required} to a token without it`, async () => {
    const scope = notCovering(required);
    const response = await call(endpoint, await tokenWith(scope));
    expect(response.status).toBe(403);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer realm="Totango mock US", error="insufficient_scope"/);
    expect(challenge).toContain(`scope="${required}"`);
    expect(await response.json()).toMatchObject({ error: 'insufficient_scope', scope: required, error_description: expect.stringContaining(`"${required}"`) });
  });
});
