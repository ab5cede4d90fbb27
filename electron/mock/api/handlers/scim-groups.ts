/**
 * SCIM 2.0 Groups, which are Totango teams: list (with `filter`, `startIndex`, `count`),
 * get, PUT (sets the members, and the name when given) and PATCH (`add`/`remove`/`replace`
 * of `members`, `members[value eq "…"]`, `displayName`). Members are SCIM users by id.
 * A PUT or PATCH whose `If-Match` names an older version is refused with 412.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4.2
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
import type { ApiHandler, ApiRequest } from '../api-types';
import type { TenantData } from '../tenant-data';
import type { Team } from '../tenant-schema';
import { checkIfMatch, checkService, GROUP_SCHEMA, scimBaseUrl, scimBody, scimError, scimList, scimMeta, scimResource, type ScimMeta } from './scim-common';
import { parseScimFilter } from './scim-filter';
import { applyPatch, readPatchOperations } from './scim-patch';

type JsonObject = Record<string, unknown>;

/**
 * `GET /api/v2/scim/services/{service-id}/Groups`
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2
 */
export const listScimGroups: ApiHandler = (request, data) => {
  checkService(request);
  const filter = request.query.get('filter');
  const keep = filter ? parseScimFilter(filter) : undefined;
  return scimList(request, data.state.teams.map((team) => groupResource(team, request, data)), keep);
};

/**
 * `GET /api/v2/scim/services/{service-id}/Groups/{team-id}`
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.1
 */
export const getScimGroup: ApiHandler = (request, data) => {
  checkService(request);
  return scimResource(200, groupResource(findTeam(request, data), request, data));
};

/**
 * `PUT /api/v2/scim/services/{service-id}/Groups/{team-id}`: the members given become the team.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.1
 */
export const replaceScimGroup: ApiHandler = async (request, data) => {
  checkService(request);
  const team = findTeam(request, data);
  checkIfMatch(request, team.version);
  const body = scimBody(request, GROUP_SCHEMA);
  if (body['id'] !== undefined && body['id'] !== team.id) throw scimError(400, 'mutability', '"id" cannot be changed');
  return store(request, data, team, body);
};

/**
 * `PATCH /api/v2/scim/services/{service-id}/Groups/{team-id}`
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export const patchScimGroup: ApiHandler = async (request, data) => {
  checkService(request);
  const team = findTeam(request, data);
  checkIfMatch(request, team.version);
  const operations = readPatchOperations(request);
  const resource: JsonObject = { schemas: [GROUP_SCHEMA], id: team.id, displayName: team.name, members: team.memberIds.map((value) => ({ value })) };
  applyPatch(resource, operations, GROUP_SCHEMA, []);
  if (resource['id'] !== team.id) throw scimError(400, 'mutability', '"id" cannot be changed');
  return store(request, data, team, resource);
};

function groupResource(team: Team, request: ApiRequest, data: TenantData): JsonObject & { meta: ScimMeta } {
  const base = scimBaseUrl(request);
  return {
    schemas: [GROUP_SCHEMA],
    id: team.id,
    displayName: team.name,
    members: team.memberIds.map((id) => {
      const user = data.state.scimUsers.find((u) => u.id === id);
      return { value: id, display: user?.displayName ?? id, type: 'User', $ref: `${base}/Users/${encodeURIComponent(id)}` };
    }),
    meta: scimMeta('Group', team.createdAt, team.updatedAt, `${base}/Groups/${encodeURIComponent(team.id)}`, team.version),
  };
}

/** Checks the name and members of a PUT body or a patched resource, then stores them. */
async function store(request: ApiRequest, data: TenantData, team: Team, resource: JsonObject) {
  const name = valueOf(resource, 'displayName');
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) throw scimError(400, 'invalidValue', '"displayName" must be a non-empty string');
  const members = valueOf(resource, 'members') ?? [];
  if (!Array.isArray(members)) throw scimError(400, 'invalidValue', '"members" must be a list');
  const memberIds: string[] = [];
  members.forEach((member: unknown, i) => {
    const id = typeof member === 'object' && member !== null ? (member as JsonObject)['value'] : undefined;
    if (typeof id !== 'string' || id === '') throw scimError(400, 'invalidValue', `"members[${i}].value" must be a user id`);
    if (!data.state.scimUsers.some((user) => user.id === id)) throw scimError(400, 'invalidValue', `unknown user "${id}" in "members[${i}].value"`);
    if (!memberIds.includes(id)) memberIds.push(id);
  });
  team.name = typeof name === 'string' ? name : team.name;
  team.memberIds = memberIds;
  team.updatedAt = request.now;
  team.version += 1;
  await data.save();
  return scimResource(200, groupResource(team, request, data));
}

function findTeam(request: ApiRequest, data: TenantData): Team {
  const id = request.pathParams['team-id'] ?? '';
  const team = data.state.teams.find((t) => t.id === id);
  if (!team) throw scimError(404, undefined, `unknown group "${id}"`);
  return team;
}

function valueOf(resource: JsonObject, name: string): unknown {
  const key = Object.keys(resource).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : resource[key];
}
