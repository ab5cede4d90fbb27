/**
 * The Totango user the token acts as (`whoami`) and the audit log of API calls. The
 * audit log answers a list of entries, newest first, filtered by time (`from`/`to` in
 * milliseconds, or Totango's `startDate`/`endDate` days, the end day excluded), `user`
 * and `action`, and paged with `count`/`offset`.
 *
 * @see https://support.totango.com/hc/en-us/articles/360000745586-Audit-log-API
 */
import { findEndpoint } from '../../../../shared/catalogue';
import type { ApiHandler } from '../api-types';
import type { AuditEntry } from '../tenant-data';
import { badRequest, integerQuery, ok, timeValue } from './request-input';

/**
 * `GET /api/v1/users/whoami`
 *
 * @see https://support.totango.com/hc/en-us/articles/360031891612-Manage-Totango-users-via-API
 */
export const whoami: ApiHandler = (request) => {
  const user = request.actingUser;
  return ok({
    id: user.id,
    email: user.email,
    username: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    full_name: `${user.firstName} ${user.lastName}`,
    role: user.role,
    status: user.status,
    service_id: request.serviceId,
  });
};

/**
 * `GET /api/v2/audit`
 *
 * @see https://support.totango.com/hc/en-us/articles/360000745586-Audit-log-API
 */
export const auditLog: ApiHandler = (request, data) => {
  const from = timeValue(request.query.get('from') ?? undefined, 'from') ?? dayStart(request.query.get('startDate'), 'startDate');
  const to = timeValue(request.query.get('to') ?? undefined, 'to') ?? exclusiveDayEnd(request.query.get('endDate'), 'endDate');
  if (from !== undefined && to !== undefined && from > to) throw badRequest('from', '"from" must not be later than "to"');
  const user = request.query.get('user');
  const action = request.query.get('action');
  const count = integerQuery(request, 'count', { min: 0, max: 1000, fallback: 100 });
  const offset = integerQuery(request, 'offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
  const entries = data.auditLog
    .filter((entry) => (from === undefined || entry.at >= from) && (to === undefined || entry.at <= to))
    .filter((entry) => !user || entry.userId === user || entry.userEmail === user)
    .map(auditRecord)
    .filter((record) => !action || record.action === action.toUpperCase());
  return ok(entries.slice(offset, offset + count));
};

/** One audit entry as the API renders it: the action names the kind of call. */
function auditRecord(entry: AuditEntry) {
  const effect = findEndpoint(entry.endpointId)?.effect ?? 'read';
  return {
    timestamp: new Date(entry.at).toISOString(),
    time: entry.at,
    action: `API_${effect.toUpperCase()}`,
    user: entry.userId,
    user_email: entry.userEmail,
    client_id: entry.clientId,
    method: entry.method,
    path: entry.path,
    endpoint_id: entry.endpointId,
    status: entry.status,
    outcome: outcomeOf(entry),
    error: entry.error,
    sensitive: false,
  };
}

/** "denied" for a refused token, binding or scope (401, 403); "failed" for any other error. */
function outcomeOf(entry: AuditEntry): 'success' | 'denied' | 'failed' {
  if (entry.status < 400 && entry.error === null) return 'success';
  return entry.status === 401 || entry.status === 403 ? 'denied' : 'failed';
}

function dayStart(raw: string | null, field: string): number | undefined {
  if (raw === null || raw === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !Number.isFinite(Date.parse(raw))) throw badRequest(field, `"${field}" must be a day as YYYY-MM-DD`);
  return Date.parse(raw);
}

/** Totango's `endDate` is excluded: the last millisecond counted is the one before that day. */
function exclusiveDayEnd(raw: string | null, field: string): number | undefined {
  const start = dayStart(raw, field);
  return start === undefined ? undefined : start - 1;
}
