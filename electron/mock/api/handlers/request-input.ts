/**
 * Reading what a client sent to a catalogued endpoint: body objects, numbers from query
 * strings or forms, JSON carried in a form field, paging. Every mistake becomes an
 * {@link ApiError} that names the parameter at fault.
 */
import { ApiError, type ApiRequest, type ApiResult } from '../api-types';

export function badRequest(field: string | undefined, message: string): ApiError {
  return new ApiError(400, 'invalid_request', message, field);
}

export function notFound(message: string, field?: string): ApiError {
  return new ApiError(404, 'not_found', message, field);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A 200 answer (or another status) with a JSON body. */
export function ok(body: unknown, status = 200): ApiResult {
  return { status, body };
}

/** The body as an object; an absent body counts as empty, anything else is refused. */
export function bodyObject(request: ApiRequest): Record<string, unknown> {
  if (request.body === undefined || request.body === null || request.body === '') return {};
  if (!isRecord(request.body)) throw badRequest(undefined, 'the request body must be a JSON object');
  return request.body;
}

/** A value that may arrive as JSON text (a form field) or already parsed (a JSON body). */
export function parseJsonValue(raw: unknown, field: string): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw badRequest(field, `"${field}" is not valid JSON`);
  }
}

export interface IntegerRule {
  readonly min: number;
  readonly max: number;
  readonly fallback: number;
}

/** An integer from JSON or a query string, within bounds; absent means the fallback. */
export function integerValue(raw: unknown, field: string, rule: IntegerRule): number {
  if (raw === undefined || raw === null || raw === '') return rule.fallback;
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badRequest(field, `"${field}" must be an integer`);
  if (value < rule.min || value > rule.max) throw badRequest(field, `"${field}" must be between ${rule.min} and ${rule.max}`);
  return value;
}

/** An integer query parameter (`?count=50`). */
export function integerQuery(request: ApiRequest, name: string, rule: IntegerRule): number {
  return integerValue(request.query.get(name) ?? undefined, name, rule);
}

/**
 * A time given as milliseconds since the epoch, a numeric string, or an ISO 8601 date;
 * undefined when absent.
 */
export function timeValue(raw: unknown, field: string): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (/^-?\d+$/.test(trimmed)) return Number(trimmed);
    const parsed = /^\d{4}-\d{2}-\d{2}/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
    if (Number.isFinite(parsed)) return parsed;
  }
  throw badRequest(field, `"${field}" must be a time in milliseconds since the epoch or an ISO 8601 date`);
}

/** A required non-empty string field of a body or record. */
export function requiredString(record: Record<string, unknown>, key: string, field: string): string {
  const value = record[key];
  if (value === undefined || value === null || value === '') throw badRequest(field, `"${field}" is required`);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw badRequest(field, `"${field}" must be a string`);
  return value;
}

/** An optional string field; numbers are accepted as their text, as form bodies carry them. */
export function optionalString(record: Record<string, unknown>, key: string, field: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw badRequest(field, `"${field}" must be a string`);
  return value;
}

/** The slice `[offset, offset + count)` of a list. */
export function page<T>(items: readonly T[], offset: number, count: number): T[] {
  return items.slice(offset, offset + count);
}
