/**
 * SCIM Groups (Totango teams): list, get, PUT that sets the members, and PATCH that adds
 * and removes them; every change shows in the group and in its users' `groups`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../api-types';
import { openTestTenant, TEST_BASE_URL, type TestTenant } from '../testing/api-request';

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

interface Group {
  id: string;
  displayName: string;
  members: { value: string; display: string; $ref: string }[];
  meta: { version: string; location: string };
}

let tenant: TestTenant;

beforeEach(async () => {
  tenant = await openTestTenant();
});

afterEach(async () => {
  await tenant.close();
});

const getGroup = (id: string) => tenant.bodyOf<Group>('scim-get-group', { pathParams: { 'team-id': id } });
const memberIds = async (id: string) => (await getGroup(id)).members.map((m) => m.value);
const patchGroup = (id: string, Operations: unknown[]) => tenant.call('scim-patch-group', { pathParams: { 'team-id': id }, body: { schemas: [PATCH_OP], Operations } });
const scimBody = (error: ApiError) => error.body as Record<string, unknown>;

describe('SCIM list and get groups', () => {
  it('lists the three teams and filters them by displayName', async () => {
    const all = await tenant.bodyOf<{ totalResults: number; Resources: Group[] }>('scim-list-groups');
    expect(all.Resources.map((g) => g.displayName)).toEqual(['Customer Success', 'Onboarding', 'Integrations']);
    const one = await tenant.bodyOf<{ totalResults: number; Resources: Group[] }>('scim-list-groups', { query: { filter: 'displayName eq "onboarding"' } });
    expect(one.Resources.map((g) => g.id)).toEqual(['t-202']);
  });

  it('renders a group with its members and meta', async () => {
    const result = await tenant.call('scim-get-group', { pathParams: { 'team-id': 't-201' } });
    expect(result.headers).toMatchObject({ 'content-type': 'application/scim+json', etag: 'W/"1"' });
    expect(result.body).toMatchObject({
      schemas: [GROUP],
      id: 't-201',
      displayName: 'Customer Success',
      members: [
        { value: 'u-1001', display: 'Maya Cohen', type: 'User', $ref: `${TEST_BASE_URL}/api/v2/scim/services/9013/Users/u-1001` },
        { value: 'u-1002', display: 'Daniel Okafor', type: 'User', $ref: `${TEST_BASE_URL}/api/v2/scim/services/9013/Users/u-1002` },
      ],
      meta: { resourceType: 'Group', location: `${TEST_BASE_URL}/api/v2/scim/services/9013/Groups/t-201` },
    });
  });

  it('answers a SCIM 404 for an unknown team or another service', async () => {
    const team = await tenant.callError('scim-get-group', { pathParams: { 'team-id': 't-999' } });
    expect([team.status, scimBody(team)]).toEqual([404, { schemas: [ERROR], status: '404', detail: 'unknown group "t-999"' }]);
    const service = await tenant.callError('scim-get-group', { pathParams: { 'service-id': '42', 'team-id': 't-201' } });
    expect(service.status).toBe(404);
  });
});

describe('SCIM replace group', () => {
  it('sets the members to those given, as the group and its users then show', async () => {
    const result = await tenant.call('scim-replace-group', { pathParams: { 'team-id': 't-202' }, body: { schemas: [GROUP], displayName: 'Onboarding', members: [{ value: 'u-1003' }, { value: 'u-1001' }] } });
    expect(result.headers?.['etag']).toBe('W/"2"');
    expect(await memberIds('t-202')).toEqual(['u-1003', 'u-1001']);
    const bot = await tenant.bodyOf<{ groups: { value: string }[] }>('scim-get-user', { pathParams: { 'user-id': 'u-1003' } });
    expect(bot.groups.map((g) => g.value)).toEqual(['t-202', 't-203']);
  });

  it('refuses an unknown member, naming it, and changes nothing', async () => {
    const error = await tenant.callError('scim-replace-group', { pathParams: { 'team-id': 't-202' }, body: { schemas: [GROUP], members: [{ value: 'u-1001' }, { value: 'u-4040' }] } });
    expect(scimBody(error)).toEqual({ schemas: [ERROR], status: '400', scimType: 'invalidValue', detail: 'unknown user "u-4040" in "members[1].value"' });
    expect(await memberIds('t-202')).toEqual(['u-1002', 'u-1004']);
  });
});

describe('SCIM patch group', () => {
  it('adds members without duplicating existing ones', async () => {
    await patchGroup('t-201', [{ op: 'add', path: 'members', value: [{ value: 'u-1003' }, { value: 'u-1001' }] }]);
    expect(await memberIds('t-201')).toEqual(['u-1001', 'u-1002', 'u-1003']);
  });

  it('removes a member by filter and by value, and renames the group', async () => {
    await patchGroup('t-201', [
      { op: 'remove', path: 'members[value eq "u-1002"]' },
      { op: 'replace', path: 'displayName', value: 'CS Leadership' },
    ]);
    expect(await getGroup('t-201')).toMatchObject({ displayName: 'CS Leadership', members: [{ value: 'u-1001' }], meta: { version: 'W/"2"' } });
    await patchGroup('t-203', [{ op: 'remove', path: 'members', value: [{ value: 'u-1001' }] }]);
    expect(await memberIds('t-203')).toEqual(['u-1003']);
  });

  it('refuses a PATCH or PUT naming an older version in If-Match with 412, and keeps the members', async () => {
    await patchGroup('t-201', [{ op: 'add', path: 'members', value: [{ value: 'u-1003' }] }]);
    const stale = await tenant.callError('scim-patch-group', { pathParams: { 'team-id': 't-201' }, ifMatch: 'W/"1"', body: { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'members' }] } });
    expect([stale.status, scimBody(stale)['status']]).toEqual([412, '412']);
    const replaced = await tenant.callError('scim-replace-group', { pathParams: { 'team-id': 't-201' }, ifMatch: 'W/"1"', body: { schemas: [GROUP], members: [] } });
    expect(replaced.status).toBe(412);
    expect(await memberIds('t-201')).toEqual(['u-1001', 'u-1002', 'u-1003']);
    const current = await tenant.call('scim-replace-group', { pathParams: { 'team-id': 't-201' }, ifMatch: 'W/"2"', body: { schemas: [GROUP], members: [] } });
    expect(current.headers?.['etag']).toBe('W/"3"');
  });

  it('refuses to add an unknown user and keeps the members', async () => {
    const error = await tenant.callError('scim-patch-group', { pathParams: { 'team-id': 't-201' }, body: { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: 'nobody' }] }] } });
    expect([error.status, scimBody(error)['detail']]).toEqual([400, 'unknown user "nobody" in "members[2].value"']);
    expect(await memberIds('t-201')).toEqual(['u-1001', 'u-1002']);
  });
});
