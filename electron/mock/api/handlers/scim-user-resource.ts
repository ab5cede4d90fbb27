/**
 * A Totango user as a SCIM User resource (core schema plus Totango's extension with
 * `isAdmin`, `license` and the read-only `teams`), and back: the checks a created,
 * replaced or patched resource must pass before it is stored.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4.1
 * @see https://support.totango.com/hc/en-us/articles/360031891612-Manage-Totango-users-via-API
 */
import type { ApiRequest } from '../api-types';
import type { TenantData } from '../tenant-data';
import type { ScimEmail, ScimUser } from '../tenant-schema';
import { scimBaseUrl, scimError, scimMeta, TOTANGO_USER_SCHEMA, USER_SCHEMA, type ScimMeta } from './scim-common';

type JsonObject = Record<string, unknown>;

/** The stored fields a client may set; the rest (`id`, times, version) the mock keeps. */
export type UserFields = Pick<ScimUser, 'userName' | 'externalId' | 'givenName' | 'familyName' | 'displayName' | 'title' | 'emails' | 'active' | 'isAdmin' | 'licenses'>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const READ_ONLY = ['groups', 'meta'];

export function userLocation(request: ApiRequest, id: string): string {
  return `${scimBaseUrl(request)}/Users/${encodeURIComponent(id)}`;
}

/** The resource as SCIM renders it, with the user's teams as `groups`. */
export function userResource(user: ScimUser, request: ApiRequest, data: TenantData): JsonObject & { meta: ScimMeta } {
  const teams = data.state.teams.filter((team) => team.memberIds.includes(user.id));
  return {
    ...editableUser(user),
    groups: teams.map((team) => ({ value: team.id, display: team.name, $ref: `${scimBaseUrl(request)}/Groups/${encodeURIComponent(team.id)}` })),
    [TOTANGO_USER_SCHEMA]: { isAdmin: user.isAdmin, license: [...user.licenses], teams: teams.map((team) => ({ name: team.name })) },
    meta: scimMeta('User', user.createdAt, user.updatedAt, userLocation(request, user.id), user.version),
  };
}

/** What a PATCH may change, as plain JSON. */
export function editableUser(user: ScimUser): JsonObject {
  return {
    schemas: [USER_SCHEMA, TOTANGO_USER_SCHEMA],
    id: user.id,
    ...(user.externalId === null ? {} : { externalId: user.externalId }),
    userName: user.userName,
    name: { givenName: user.givenName, familyName: user.familyName, formatted: `${user.givenName} ${user.familyName}`.trim() },
    displayName: user.displayName,
    ...(user.title === null ? {} : { title: user.title }),
    emails: user.emails.map((email) => ({ ...email })),
    active: user.active,
    [TOTANGO_USER_SCHEMA]: { isAdmin: user.isAdmin, license: [...user.licenses] },
  };
}

/**
 * Reads the settable fields of a User resource; absent ones take their defaults (PUT
 * semantics). Read-only attributes are ignored in a POST or PUT body (RFC 7644 §3.5.1)
 * but refused when a PATCH tried to write them.
 */
export function readUserFields(resource: JsonObject, refuseReadOnly = false): UserFields {
  for (const key of Object.keys(resource)) {
    if (refuseReadOnly && READ_ONLY.includes(key.toLowerCase())) throw scimError(400, 'mutability', `"${key}" is read-only`);
  }
  const get = (object: JsonObject, name: string): unknown => object[Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name];
  const userName = get(resource, 'userName');
  if (typeof userName !== 'string' || userName.trim() === '') throw scimError(400, 'invalidValue', '"userName" is required');
  if (!EMAIL.test(userName)) throw scimError(400, 'invalidValue', '"userName" must be an email address');
  const name = objectOrEmpty(get(resource, 'name'), 'name');
  const givenName = optionalText(get(name, 'givenName'), 'name.givenName') ?? '';
  const familyName = optionalText(get(name, 'familyName'), 'name.familyName') ?? '';
  const extension = objectOrEmpty(get(resource, TOTANGO_USER_SCHEMA), TOTANGO_USER_SCHEMA);
  const active = booleanOf(get(resource, 'active'), 'active') ?? booleanOf(get(extension, 'isActive'), `${TOTANGO_USER_SCHEMA}:isActive`) ?? true;
  const licenses = get(extension, 'license');
  if (licenses !== undefined && (!Array.isArray(licenses) || !licenses.every((l) => typeof l === 'string'))) {
    throw scimError(400, 'invalidValue', `"${TOTANGO_USER_SCHEMA}:license" must be a list of strings`);
  }
  return {
    userName,
    externalId: optionalText(get(resource, 'externalId'), 'externalId') ?? null,
    givenName,
    familyName,
    displayName: optionalText(get(resource, 'displayName'), 'displayName') ?? (`${givenName} ${familyName}`.trim() || userName),
    title: optionalText(get(resource, 'title'), 'title') ?? null,
    emails: readEmails(get(resource, 'emails'), userName),
    active,
    isAdmin: booleanOf(get(extension, 'isAdmin'), `${TOTANGO_USER_SCHEMA}:isAdmin`) ?? false,
    licenses: (licenses as string[] | undefined) ?? ['full'],
  };
}

/** 409 `uniqueness` when another user already has the userName (compared without case). */
export function checkUniqueUserName(data: TenantData, userName: string, exceptId?: string): void {
  const taken = data.state.scimUsers.some((user) => user.id !== exceptId && user.userName.toLowerCase() === userName.toLowerCase());
  if (taken) throw scimError(409, 'uniqueness', `a user with "userName" "${userName}" already exists`);
}

function readEmails(raw: unknown, userName: string): ScimEmail[] {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return [{ value: userName, type: 'work', primary: true }];
  if (!Array.isArray(raw)) throw scimError(400, 'invalidValue', '"emails" must be a list');
  return raw.map((email, i) => {
    const entry = objectOrEmpty(email, `emails[${i}]`);
    if (typeof entry['value'] !== 'string' || !EMAIL.test(entry['value'])) throw scimError(400, 'invalidValue', `"emails[${i}].value" must be an email address`);
    return { value: entry['value'], type: optionalText(entry['type'], `emails[${i}].type`) ?? 'work', primary: booleanOf(entry['primary'], `emails[${i}].primary`) ?? false };
  });
}

function objectOrEmpty(value: unknown, field: string): JsonObject {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw scimError(400, 'invalidValue', `"${field}" must be an object`);
  return value as JsonObject;
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw scimError(400, 'invalidValue', `"${field}" must be a string`);
  return value;
}

/** Booleans, and the "True"/"False" strings some identity providers send. */
function booleanOf(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw scimError(400, 'invalidValue', `"${field}" must be a boolean`);
}
