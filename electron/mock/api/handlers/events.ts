/**
 * The account timeline: events for one account (`GET /api/v2/events?account_id=`) and
 * the events search (`POST /api/v2/events/search`). Touchpoints appear as `note` events
 * carrying `note_content`, so a touchpoint written through the API shows up here at once.
 *
 * @see https://support.totango.com/hc/en-us/articles/360048132792-Search-API-events
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API
 */
import type { ApiHandler, ApiRequest } from '../api-types';
import type { TenantData } from '../tenant-data';
import type { Touchpoint } from '../tenant-schema';
import { badRequest, integerQuery, integerValue, isRecord, notFound, ok, parseJsonValue, timeValue } from './request-input';

/** An event as Totango renders it on an account's timeline. */
export interface TimelineEvent {
  readonly id: string;
  readonly type: string;
  readonly timestamp: number;
  readonly account: { readonly id: string; readonly display_name: string };
  readonly user_id: string | null;
  readonly properties: Record<string, unknown>;
  readonly note_content?: Record<string, unknown>;
}

type EventPredicate = (event: TimelineEvent) => boolean;

/**
 * `GET /api/v2/events`: one account's events, newest first.
 *
 * @see https://support.totango.com/hc/en-us/articles/360048132792-Search-API-events
 */
export const listEvents: ApiHandler = (request, data) => {
  const accountId = request.query.get('account_id');
  if (!accountId) throw badRequest('account_id', 'missing "account_id" query parameter');
  if (!data.findAccount(accountId)) throw notFound(`unknown account "${accountId}"`, 'account_id');
  const count = integerQuery(request, 'count', { min: 0, max: 1000, fallback: 100 });
  const offset = integerQuery(request, 'offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
  return ok(timeline(data).filter((event) => event.account.id === accountId).slice(offset, offset + count));
};

/**
 * `POST /api/v2/events/search`: Totango's `query` (`terms` of type `event_property`,
 * `date`, `and`/`or`; `count`; `offset`) with an optional `account_id`; a plain JSON body
 * may use `types`, `from` and `to` instead of terms.
 *
 * @see https://support.totango.com/hc/en-us/articles/360048132792-Search-API-events
 */
export const searchEvents: ApiHandler = (request, data) => {
  const filter = readEventQuery(request);
  const predicates: EventPredicate[] = [];
  const accountId = filter['account_id'] ?? (isRecord(request.body) ? request.body['account_id'] : undefined) ?? request.query.get('account_id') ?? undefined;
  if (accountId !== undefined && accountId !== '') {
    if (typeof accountId !== 'string') throw badRequest('account_id', '"account_id" must be a string');
    if (!data.findAccount(accountId)) throw notFound(`unknown account "${accountId}"`, 'account_id');
    predicates.push((event) => event.account.id === accountId);
  }
  const terms = filter['terms'] ?? [];
  if (!Array.isArray(terms)) throw badRequest('query.terms', '"query.terms" must be a list of terms');
  predicates.push(...terms.map((term, i) => compileEventTerm(term, `query.terms[${i}]`)));
  const types = filter['types'] ?? filter['event_types'];
  if (types !== undefined) {
    if (!Array.isArray(types) || !types.every((t) => typeof t === 'string')) throw badRequest('types', '"types" must be a list of event types');
    predicates.push((event) => types.includes(event.type));
  }
  const from = timeValue(filter['from'], 'from');
  const to = timeValue(filter['to'], 'to');
  if (from !== undefined) predicates.push((event) => event.timestamp >= from);
  if (to !== undefined) predicates.push((event) => event.timestamp <= to);
  const count = integerValue(filter['count'], 'query.count', { min: 0, max: 1000, fallback: 100 });
  const offset = integerValue(filter['offset'], 'query.offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
  const matching = timeline(data).filter((event) => predicates.every((p) => p(event)));
  return ok({ response: { events: { total_hits: matching.length, hits: matching.slice(offset, offset + count) } } });
};

/**
 * Every event of the tenant, touchpoints included, newest first.
 *
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API
 */
export function timeline(data: TenantData): TimelineEvent[] {
  const accountRef = (accountId: string) => ({ id: accountId, display_name: data.findAccount(accountId)?.name ?? accountId });
  const stored: TimelineEvent[] = data.state.events.map((event) => ({
    id: event.id,
    type: event.type,
    timestamp: event.timestamp,
    account: accountRef(event.accountId),
    user_id: event.userId,
    properties: event.properties,
  }));
  const notes = data.state.touchpoints.map((touchpoint) => noteEvent(touchpoint, accountRef(touchpoint.accountId)));
  return [...stored, ...notes].sort((a, b) => b.timestamp - a.timestamp || b.id.localeCompare(a.id));
}

function noteEvent(touchpoint: Touchpoint, account: TimelineEvent['account']): TimelineEvent {
  return {
    id: touchpoint.eventId,
    type: 'note',
    timestamp: touchpoint.createdAt,
    account,
    user_id: null,
    properties: {
      activity_type_id: touchpoint.activityTypeId,
      touchpoint_type: touchpoint.touchpointTypeId,
      touchpoint_tags: touchpoint.tagIds,
      subject: touchpoint.subject,
      participants: touchpoint.participants,
      last_edit_time: touchpoint.updatedAt,
    },
    note_content: { note_id: touchpoint.id, subject: touchpoint.subject, text: touchpoint.content, totango_user: { user_name: touchpoint.createdBy } },
  };
}

function readEventQuery(request: ApiRequest): Record<string, unknown> {
  const body = request.body;
  const raw = isRecord(body) && 'query' in body ? body['query'] : request.query.get('query') ?? (isRecord(body) ? body : undefined);
  if (raw === undefined || raw === null || raw === '') return {};
  const parsed = parseJsonValue(raw, 'query');
  if (!isRecord(parsed)) throw badRequest('query', '"query" must be a JSON object');
  return parsed;
}

function compileEventTerm(term: unknown, path: string): EventPredicate {
  if (!isRecord(term)) throw badRequest(path, `"${path}" must be an object`);
  const type = term['type'];
  if (type === 'and' || type === 'or') {
    const list = term[type];
    if (!Array.isArray(list)) throw badRequest(`${path}.${type}`, `"${path}.${type}" must be a list of terms`);
    const inner = list.map((t, i) => compileEventTerm(t, `${path}.${type}[${i}]`));
    return type === 'and' ? (event) => inner.every((p) => p(event)) : (event) => inner.some((p) => p(event));
  }
  if (type === 'event_property') {
    const name = term['name'];
    if (typeof name !== 'string' || name === '') throw badRequest(`${path}.name`, `"${path}.name" is required`);
    const wanted = Array.isArray(term['in_list']) ? term['in_list'].map(String) : term['eq'] !== undefined ? [String(term['eq'])] : undefined;
    if (!wanted) throw badRequest(path, `"${path}" needs "eq" or "in_list"`);
    return (event) => wanted.includes(String(eventProperty(event, name)));
  }
  if (type === 'date') {
    const gte = timeValue(term['gte'] ?? term['from'], `${path}.gte`);
    const lte = timeValue(term['lte'] ?? term['to'], `${path}.lte`);
    if (gte === undefined && lte === undefined) throw badRequest(path, `"${path}" needs "gte" or "lte"`);
    return (event) => (gte === undefined || event.timestamp >= gte) && (lte === undefined || event.timestamp <= lte);
  }
  throw badRequest(`${path}.type`, `unsupported term type "${String(type)}" in "${path}.type"`);
}

function eventProperty(event: TimelineEvent, name: string): unknown {
  if (name === 'event_type' || name === 'type') return event.type;
  if (name === 'account_id') return event.account.id;
  if (name === 'user_id') return event.user_id;
  return event.properties[name];
}
