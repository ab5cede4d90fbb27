/**
 * SCIM Users: ListResponse with filter and paging, get, create, PUT and PATCH, and the
 * RFC 7644 error bodies of each refusal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../api-types';
import { openTestTenant, TEST_BASE_URL, TEST_NOW, type TestTenant } from '../testing/api-request';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const TOTANGO = 'urn:ietf:params:scim:schemas:totango:1.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const BASE = `${TEST_BASE_URL}/api/v2/scim/services/9013`;

type Resource = Record<string, unknown> & { id: string; meta: { version: string; location: string; resourceType: string; created: string; lastModified: string } };
interface ListResponse {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: Resource[];
}

let tenant: TestTenant;

beforeEach(async () => {
  tenant = await openTestTenant();
});

afterEach(async () => {
  await tenant.close();
});

const patch = (id: string, Operations: unknown[]) => tenant.call('scim-patch-user', { pathParams: { 'user-id': id }, body: { schemas: [PATCH_OP], Operations } });
const get = (id: string) => tenant.bodyOf<Resource>('scim-get-user', { pathParams: { 'user-id': id } });
const scimBody = (error: ApiError) => error.body as { schemas: string[]; status: string; scimType?: string; detail: string };

describe('SCIM list users', () => {
  it('answers a ListResponse of the five seeded users as application/scim+json', async () => {
    const result = await tenant.call('scim-list-users');
    expect(result.headers?.['content-type']).toBe('application/scim+json');
    const list = result.body as ListResponse;
    expect(list).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 5, startIndex: 1, itemsPerPage: 5 });
    expect(list.Resources.map((r) => [r.id, r['userName'], r['active']])).toEqual([
      ['u-1001', 'maya.cohen@acme-demo.example', true],
      ['u-1002', 'daniel.okafor@acme-demo.example', true],
      ['u-1003', 'integration.bot@acme-demo.example', true],
      ['u-1004', 'priya.raman@acme-demo.example', false],
      ['u-1005', 'lukas.becker@acme-demo.example', false],
    ]);
  });

  it('filters by userName without regard to case, and pages by startIndex and count', async () => {
    const one = await tenant.bodyOf<ListResponse>('scim-list-users', { query: { filter: 'userName eq "Daniel.Okafor@acme-demo.example"' } });
    expect(one.Resources.map((r) => r.id)).toEqual(['u-1002']);
    const active = await tenant.bodyOf<ListResponse>('scim-list-users', { query: { filter: 'active eq true and not (name.givenName sw "Int")', startIndex: '2', count: '5' } });
    expect([active.totalResults, active.startIndex, active.Resources.map((r) => r.id)]).toEqual([2, 2, ['u-1002']]);
  });

  it('answers 400 invalidFilter for a malformed filter', async () => {
    const error = await tenant.callError('scim-list-users', { query: { filter: 'userName equals "x"' } });
    expect(error.status).toBe(400);
    expect(scimBody(error)).toEqual({ schemas: [ERROR], status: '400', scimType: 'invalidFilter', detail: 'invalid "filter": expected an operator after "userName"' });
  });

  it('answers 404 for another service id', async () => {
    const error = await tenant.callError('scim-list-users', { pathParams: { 'service-id': '1234' } });
    expect([error.status, scimBody(error)]).toEqual([404, { schemas: [ERROR], status: '404', detail: 'unknown service "1234"' }]);
  });
});

describe('SCIM get user', () => {
  it('renders the user with meta, ETag, teams as groups and the Totango extension', async () => {
    const result = await tenant.call('scim-get-user', { pathParams: { 'user-id': 'u-1002' } });
    const user = result.body as Resource;
    expect(result.headers).toMatchObject({ 'content-type': 'application/scim+json', etag: 'W/"1"' });
    expect(user).toMatchObject({
      schemas: [USER, TOTANGO],
      id: 'u-1002',
      userName: 'daniel.okafor@acme-demo.example',
      name: { givenName: 'Daniel', familyName: 'Okafor' },
      emails: [{ value: 'daniel.okafor@acme-demo.example', type: 'work', primary: true }],
      groups: [{ value: 't-201', display: 'Customer Success', $ref: `${BASE}/Groups/t-201` }, { value: 't-202', display: 'Onboarding', $ref: `${BASE}/Groups/t-202` }],
      [TOTANGO]: { isAdmin: false },
      meta: { resourceType: 'User', location: `${BASE}/Users/u-1002`, version: 'W/"1"' },
    });
  });

  it('answers a SCIM 404 for an unknown id', async () => {
    const error = await tenant.callError('scim-get-user', { pathParams: { 'user-id': 'u-9999' } });
    expect([error.status, scimBody(error)]).toEqual([404, { schemas: [ERROR], status: '404', detail: 'unknown user "u-9999"' }]);
  });
});

describe('SCIM create user', () => {
  const newUser = { schemas: [USER, TOTANGO], userName: 'ines.garcia@acme-demo.example', name: { givenName: 'Ines', familyName: 'Garcia' }, title: 'CSM', [TOTANGO]: { isAdmin: false, license: ['full'] } };

  it('creates the user (201 with Location), which get and list then return', async () => {
    const result = await tenant.call('scim-create-user', { body: newUser });
    const created = result.body as Resource;
    expect(result.status).toBe(201);
    expect(result.headers?.['location']).toBe(`${BASE}/Users/${created.id}`);
    expect(created).toMatchObject({ userName: 'ines.garcia@acme-demo.example', displayName: 'Ines Garcia', active: true, meta: { created: new Date(TEST_NOW).toISOString() } });
    expect((await get(created.id))['title']).toBe('CSM');
    expect((await tenant.bodyOf<ListResponse>('scim-list-users')).totalResults).toBe(6);
  });

  it('answers 409 uniqueness for a userName already taken', async () => {
    const error = await tenant.callError('scim-create-user', { body: { ...newUser, userName: 'MAYA.COHEN@acme-demo.example' } });
    expect([error.status, scimBody(error)]).toEqual([409, { schemas: [ERROR], status: '409', scimType: 'uniqueness', detail: 'a user with "userName" "MAYA.COHEN@acme-demo.example" already exists' }]);
  });

  it('answers 400 for a missing userName or a body without the User schema', async () => {
    const noName = await tenant.callError('scim-create-user', { body: { schemas: [USER] } });
    expect(scimBody(noName)).toMatchObject({ scimType: 'invalidValue', detail: '"userName" is required' });
    const noSchema = await tenant.callError('scim-create-user', { body: { userName: 'x@y.example' } });
    expect(scimBody(noSchema)).toMatchObject({ scimType: 'invalidSyntax', detail: `"schemas" must include "${USER}"` });
  });
});

describe('SCIM replace user', () => {
  it('replaces the settable attributes and bumps the version', async () => {
    const result = await tenant.call('scim-replace-user', {
      pathParams: { 'user-id': 'u-1003' },
      body: { schemas: [USER], userName: 'integration.bot@acme-demo.example', name: { givenName: 'Integration', familyName: 'Robot' }, active: false, meta: { version: 'ignored' } },
    });
    expect(result.headers?.['etag']).toBe('W/"2"');
    expect(result.body).toMatchObject({ displayName: 'Integration Robot', active: false });
    // PUT replaces: what the body left out is cleared.
    expect(result.body).not.toHaveProperty('externalId');
    expect(result.body).not.toHaveProperty('title');
    expect((await get('u-1003'))['active']).toBe(false);
  });

  it('refuses a changed id with 400 mutability', async () => {
    const error = await tenant.callError('scim-replace-user', { pathParams: { 'user-id': 'u-1003' }, body: { schemas: [USER], id: 'u-1', userName: 'a@b.example' } });
    expect(scimBody(error)).toMatchObject({ status: '400', scimType: 'mutability' });
  });
});

describe('SCIM patch user', () => {
  it('applies replace, add and remove operations on simple, sub-attribute, filtered and extension paths', async () => {
    const result = await patch('u-1002', [
      { op: 'Replace', path: 'active', value: 'False' },
      { op: 'replace', path: 'name.givenName', value: 'Dan' },
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'dan.okafor@acme-demo.example' },
      { op: 'add', path: 'emails[type eq "home"].value', value: 'dan@home.example' },
      { op: 'remove', path: 'title' },
      { op: 'add', path: `${TOTANGO}:isAdmin`, value: true },
    ]);
    expect(result.status).toBe(200);
    const user = await get('u-1002');
    expect(user).toMatchObject({ active: false, name: { givenName: 'Dan', familyName: 'Okafor' }, [TOTANGO]: { isAdmin: true }, meta: { version: 'W/"2"' } });
    expect(user['emails']).toEqual([
      { value: 'dan.okafor@acme-demo.example', type: 'work', primary: true },
      { value: 'dan@home.example', type: 'home', primary: false },
    ]);
    expect(user['title']).toBeUndefined();
  });

  it('applies an operation without a path to each attribute of its value', async () => {
    await patch('u-1001', [{ op: 'replace', value: { displayName: 'Maya C.', 'name.familyName': 'Cohen-Levi', externalId: 'emp-9' } }]);
    expect(await get('u-1001')).toMatchObject({ displayName: 'Maya C.', externalId: 'emp-9', name: { givenName: 'Maya', familyName: 'Cohen-Levi' } });
  });

  it.each([
    [[{ op: 'remove' }], 'noTarget', '"Operations[0].path" is required for "remove"'],
    [[{ op: 'replace', path: 'emails[type eq "fax"].value', value: 'x@y.example' }], 'noTarget', '"Operations[0].path" matches no value of "emails"'],
    [[{ op: 'replace', path: 'name..givenName', value: 'x' }], 'invalidPath', '"Operations[0].path" is not a valid attribute path: "name..givenName"'],
    [[{ op: 'add', path: 'groups', value: [{ value: 't-203' }] }], 'mutability', '"groups" is read-only'],
    [[{ op: 'replace', path: 'active', value: 'maybe' }], 'invalidValue', '"active" must be a boolean'],
    [[{ op: 'move', path: 'active', value: true }], 'invalidSyntax', '"Operations[0].op" must be "add", "replace" or "remove"'],
  ])('refuses %j with 400 %s', async (operations, scimType, detail) => {
    const error = await tenant.callError('scim-patch-user', { pathParams: { 'user-id': 'u-1002' }, body: { schemas: [PATCH_OP], Operations: operations } });
    expect([error.status, scimBody(error)]).toEqual([400, { schemas: [ERROR], status: '400', scimType, detail }]);
    expect((await get('u-1002')).meta.version).toBe('W/"1"');
  });

  it('applies a PATCH whose If-Match names the current version, weak or strong, or "*"', async () => {
    for (const [ifMatch, version] of [
      ['W/"1"', 'W/"2"'],
      ['"2"', 'W/"3"'],
      ['W/"9", W/"3"', 'W/"4"'],
      ['*', 'W/"5"'],
    ] as const) {
      const result = await tenant.call('scim-patch-user', { pathParams: { 'user-id': 'u-1002' }, ifMatch, body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: version }] } });
      expect(result.headers?.['etag']).toBe(version);
    }
  });

  it('refuses a PATCH or PUT whose If-Match names an older version with 412, and changes nothing', async () => {
    await patch('u-1002', [{ op: 'replace', path: 'title', value: 'Lead' }]);
    const stale = await tenant.callError('scim-patch-user', { pathParams: { 'user-id': 'u-1002' }, ifMatch: 'W/"1"', body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Stale' }] } });
    expect([stale.status, stale.code, scimBody(stale)]).toEqual([
      412,
      'precondition_failed',
      { schemas: [ERROR], status: '412', detail: 'the resource has changed since that version: "If-Match" names W/"1", and the current version is W/"2"; read it again' },
    ]);
    const replaced = await tenant.callError('scim-replace-user', { pathParams: { 'user-id': 'u-1002' }, ifMatch: 'W/"1"', body: { schemas: [USER], userName: 'x@acme-demo.example' } });
    expect(replaced.status).toBe(412);
    expect(await get('u-1002')).toMatchObject({ title: 'Lead', meta: { version: 'W/"2"' } });
  });

  it('answers 409 when the patched userName belongs to another user', async () => {
    const error = await tenant.callError('scim-patch-user', { pathParams: { 'user-id': 'u-1002' }, body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'userName', value: 'maya.cohen@acme-demo.example' }] } });
    expect([error.status, scimBody(error).scimType]).toEqual([409, 'uniqueness']);
  });
});
