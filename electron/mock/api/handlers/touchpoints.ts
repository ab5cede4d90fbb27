/**
 * The Touchpoints API: create (`POST /api/v3/touchpoints`), update and delete by note id,
 * and the catalogues a touchpoint refers to: types, tags (reasons) and activity
 * (SuccessFlow) types. Bodies come as JSON or as a form; every id is checked against the
 * account and the catalogues. Answers carry the touchpoint under `note`.
 *
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API
 */
import type { ApiHandler, ApiRequest } from '../api-types';
import type { TenantData } from '../tenant-data';
import type { Touchpoint } from '../tenant-schema';
import { badRequest, bodyObject, notFound, ok, optionalString, parseJsonValue, requiredString, timeValue } from './request-input';

/**
 * The article's limit on a touchpoint's content.
 *
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API
 */
export const MAX_CONTENT_LENGTH = 12_000;

type Changes = Partial<Pick<Touchpoint, 'subject' | 'content' | 'activityTypeId' | 'touchpointTypeId' | 'tagIds' | 'participants' | 'createdBy' | 'createdAt' | 'disableSync'>>;

/**
 * `POST /api/v3/touchpoints`
 *
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API
 */
export const createTouchpoint: ApiHandler = async (request, data) => {
  const body = bodyObject(request);
  const accountId = requiredString(body, 'account_id', 'account_id');
  if (!data.findAccount(accountId)) throw badRequest('account_id', `unknown account "${accountId}" in "account_id"`);
  const changes = readChanges(body, data);
  if (changes.content === undefined) throw badRequest('content', '"content" is required');
  const touchpoint: Touchpoint = {
    id: data.takeNoteId(),
    eventId: data.takeEventId(),
    accountId,
    subject: changes.subject ?? '',
    content: changes.content,
    activityTypeId: changes.activityTypeId ?? null,
    touchpointTypeId: changes.touchpointTypeId ?? null,
    tagIds: changes.tagIds ?? [],
    participants: changes.participants ?? [],
    createdBy: changes.createdBy ?? request.actingUser.email,
    createdAt: changes.createdAt ?? request.now,
    updatedAt: request.now,
    disableSync: changes.disableSync ?? false,
  };
  data.state.touchpoints.push(touchpoint);
  await data.save();
  return ok({ note: touchpointBody(touchpoint, data) });
};

/**
 * `PUT /api/v3/touchpoints/{note-id}`: changes the fields given, keeps the rest.
 *
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API
 */
export const updateTouchpoint: ApiHandler = async (request, data) => {
  const touchpoint = findTouchpoint(request, data);
  const body = bodyObject(request);
  const accountId = optionalString(body, 'account_id', 'account_id');
  if (accountId !== undefined && accountId !== touchpoint.accountId) {
    throw badRequest('account_id', `"account_id" does not match the touchpoint's account "${touchpoint.accountId}"`);
  }
  Object.assign(touchpoint, readChanges(body, data), { updatedAt: request.now });
  await data.save();
  return ok({ note: touchpointBody(touchpoint, data) });
};

/**
 * `DELETE /api/v3/touchpoints/{note-id}`
 *
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API
 */
export const deleteTouchpoint: ApiHandler = async (request, data) => {
  const touchpoint = findTouchpoint(request, data);
  data.state.touchpoints = data.state.touchpoints.filter((t) => t !== touchpoint);
  await data.save();
  return ok({ status: 'success', id: touchpoint.id });
};

/**
 * `GET /api/v3/touchpoint-types`
 *
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API
 */
export const listTouchpointTypes: ApiHandler = (_request, data) =>
  ok(data.state.touchpointTypes.map((type) => ({ id: type.id, display_name: type.displayName, internal: type.internal })));

/**
 * `GET /api/v3/touchpoint-tags`: the touchpoint reasons.
 *
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API
 */
export const listTouchpointTags: ApiHandler = (_request, data) => ok(data.state.touchpointTags.map((tag) => ({ id: tag.id, display_name: tag.displayName })));

/**
 * `GET /api/v3/activity-types`: the SuccessFlow types a touchpoint's `activity_type_id` names.
 *
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API
 */
export const listActivityTypes: ApiHandler = (_request, data) =>
  ok(data.state.activityTypes.map((type) => ({ activity_type_id: type.id, display_name: type.displayName, color: type.color })));

/** A touchpoint as the API answers it, in the names of the request body. */
function touchpointBody(touchpoint: Touchpoint, data: TenantData): Record<string, unknown> {
  return {
    id: touchpoint.id,
    event_id: touchpoint.eventId,
    account_id: touchpoint.accountId,
    account_name: data.findAccount(touchpoint.accountId)?.name ?? null,
    subject: touchpoint.subject,
    content: touchpoint.content,
    activity_type_id: touchpoint.activityTypeId,
    touchpointType: touchpoint.touchpointTypeId,
    touchpoint_tags: touchpoint.tagIds,
    participantList: touchpoint.participants.map((userid) => ({ userid })),
    created_by: touchpoint.createdBy,
    create_date: touchpoint.createdAt,
    last_modified: touchpoint.updatedAt,
    disable_sync: touchpoint.disableSync,
  };
}

function findTouchpoint(request: ApiRequest, data: TenantData): Touchpoint {
  const raw = request.pathParams['note-id'] ?? '';
  const touchpoint = /^\d+$/.test(raw) ? data.state.touchpoints.find((t) => t.id === Number(raw)) : undefined;
  if (!touchpoint) throw notFound(`unknown touchpoint "${raw}"`, 'note-id');
  return touchpoint;
}

/** The fields of a create or update body that are present, checked. */
function readChanges(body: Record<string, unknown>, data: TenantData): Changes {
  const changes: Changes = {};
  const content = optionalString(body, 'content', 'content');
  if (content !== undefined) {
    if (content.trim() === '') throw badRequest('content', '"content" must not be empty');
    if (content.length > MAX_CONTENT_LENGTH) throw badRequest('content', `"content" must be at most ${MAX_CONTENT_LENGTH} characters`);
    changes.content = content;
  }
  const subject = optionalString(body, 'subject', 'subject');
  if (subject !== undefined) changes.subject = subject;
  const activityTypeId = optionalString(body, 'activity_type_id', 'activity_type_id');
  if (activityTypeId !== undefined && activityTypeId !== '') {
    if (!data.state.activityTypes.some((type) => type.id === activityTypeId)) throw badRequest('activity_type_id', `unknown activity type "${activityTypeId}" in "activity_type_id"`);
    changes.activityTypeId = activityTypeId;
  }
  const typeId = optionalString(body, 'touchpointType', 'touchpointType');
  if (typeId !== undefined && typeId !== '') {
    if (!data.state.touchpointTypes.some((type) => type.id === typeId)) throw badRequest('touchpointType', `unknown touchpoint type "${typeId}" in "touchpointType"`);
    changes.touchpointTypeId = typeId;
  }
  const tagsKey = body['touchpoint_tags'] !== undefined ? 'touchpoint_tags' : 'touchpoint_reasons';
  const tagIds = stringList(body[tagsKey], tagsKey);
  if (tagIds !== undefined) {
    tagIds.forEach((id, i) => {
      if (!data.state.touchpointTags.some((tag) => tag.id === id)) throw badRequest(`${tagsKey}[${i}]`, `unknown touchpoint tag "${id}" in "${tagsKey}[${i}]"`);
    });
    changes.tagIds = [...new Set(tagIds)];
  }
  const participants = participantList(body['participantList']);
  if (participants !== undefined) changes.participants = participants;
  const createdBy = optionalString(body, 'created_by', 'created_by') ?? optionalString(body, 'user_id', 'user_id');
  if (createdBy !== undefined && createdBy !== '') changes.createdBy = createdBy;
  const createdAt = timeValue(body['create_date'], 'create_date');
  if (createdAt !== undefined) changes.createdAt = createdAt;
  const disableSync = body['disable_sync'];
  if (disableSync !== undefined) {
    if (typeof disableSync !== 'boolean' && disableSync !== 'true' && disableSync !== 'false') throw badRequest('disable_sync', '"disable_sync" must be a boolean');
    changes.disableSync = disableSync === true || disableSync === 'true';
  }
  return changes;
}

/** A list of ids: a JSON list, a list in JSON text, or comma-separated text (as forms send them). */
function stringList(raw: unknown, field: string): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const value = typeof raw === 'string' && raw.trim().startsWith('[') ? parseJsonValue(raw, field) : typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw;
  if (!Array.isArray(value)) throw badRequest(field, `"${field}" must be a list of ids`);
  return value.map((id, i) => {
    if (typeof id !== 'string' || id === '') throw badRequest(`${field}[${i}]`, `"${field}[${i}]" must be an id`);
    return id;
  });
}

function participantList(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const value = parseJsonValue(raw, 'participantList');
  if (!Array.isArray(value)) throw badRequest('participantList', '"participantList" must be a list of { "userid": … }');
  return value.map((participant, i) => {
    const userid = typeof participant === 'object' && participant !== null ? (participant as Record<string, unknown>)['userid'] : undefined;
    if (typeof userid !== 'string' || userid === '') throw badRequest(`participantList[${i}].userid`, `"participantList[${i}].userid" is required`);
    return userid;
  });
}
