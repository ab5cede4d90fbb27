/**
 * SCIM 2.0 Users of the account's service: list (with `filter`, `startIndex`, `count`),
 * get, create (201, 409 on a taken `userName`), replace (PUT) and PATCH. Every answer is
 * `application/scim+json`; single resources carry their `ETag`, and a PUT or PATCH whose
 * `If-Match` names an older version is refused with 412.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3
 * @see https://support.totango.com/hc/en-us/articles/360031891612-Manage-Totango-users-via-API
 */
import { randomUUID } from 'node:crypto';
import type { ApiHandler, ApiRequest } from '../api-types';
import type { TenantData } from '../tenant-data';
import type { ScimUser } from '../tenant-schema';
import { checkIfMatch, checkService, scimBody, scimError, scimList, scimResource, TOTANGO_USER_SCHEMA, USER_SCHEMA } from './scim-common';
import { parseScimFilter } from './scim-filter';
import { applyPatch, readPatchOperations } from './scim-patch';
import { checkUniqueUserName, editableUser, readUserFields, userResource, type UserFields } from './scim-user-resource';

/**
 * `GET /api/v2/scim/services/{service-id}/Users`
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2
 */
export const listScimUsers: ApiHandler = (request, data) => {
  checkService(request);
  const filter = request.query.get('filter');
  const keep = filter ? parseScimFilter(filter) : undefined;
  return scimList(request, data.state.scimUsers.map((user) => userResource(user, request, data)), keep);
};

/**
 * `GET /api/v2/scim/services/{service-id}/Users/{user-id}`
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.1
 */
export const getScimUser: ApiHandler = (request, data) => {
  checkService(request);
  return scimResource(200, userResource(findUser(request, data), request, data));
};

/**
 * `POST /api/v2/scim/services/{service-id}/Users`: the mock assigns the id; a client's `id` is ignored.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.3
 */
export const createScimUser: ApiHandler = async (request, data) => {
  checkService(request);
  const fields = readUserFields(scimBody(request, USER_SCHEMA));
  checkUniqueUserName(data, fields.userName);
  const user: ScimUser = { id: randomUUID(), ...fields, createdAt: request.now, updatedAt: request.now, version: 1 };
  data.state.scimUsers.push(user);
  await data.save();
  return scimResource(201, userResource(user, request, data));
};

/**
 * `PUT /api/v2/scim/services/{service-id}/Users/{user-id}`: replaces every settable attribute.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.1
 */
export const replaceScimUser: ApiHandler = async (request, data) => {
  checkService(request);
  const user = findUser(request, data);
  checkIfMatch(request, user.version);
  const body = scimBody(request, USER_SCHEMA);
  if (body['id'] !== undefined && body['id'] !== user.id) throw scimError(400, 'mutability', '"id" cannot be changed');
  return store(request, data, user, readUserFields(body));
};

/**
 * `PATCH /api/v2/scim/services/{service-id}/Users/{user-id}`: applies a PatchOp to the resource.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export const patchScimUser: ApiHandler = async (request, data) => {
  checkService(request);
  const user = findUser(request, data);
  checkIfMatch(request, user.version);
  const operations = readPatchOperations(request);
  const resource = editableUser(user);
  applyPatch(resource, operations, USER_SCHEMA, [TOTANGO_USER_SCHEMA]);
  if (resource['id'] !== user.id) throw scimError(400, 'mutability', '"id" cannot be changed');
  return store(request, data, user, readUserFields(resource, true));
};

async function store(request: ApiRequest, data: TenantData, user: ScimUser, fields: UserFields) {
  checkUniqueUserName(data, fields.userName, user.id);
  Object.assign(user, fields, { updatedAt: request.now, version: user.version + 1 });
  await data.save();
  return scimResource(200, userResource(user, request, data));
}

function findUser(request: ApiRequest, data: TenantData): ScimUser {
  const id = request.pathParams['user-id'] ?? '';
  const user = data.state.scimUsers.find((u) => u.id === id);
  if (!user) throw scimError(404, undefined, `unknown user "${id}"`);
  return user;
}
