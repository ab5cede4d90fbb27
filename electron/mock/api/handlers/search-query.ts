/**
 * Totango's search query: a JSON object `{terms, fields, count, offset, sort_by,
 * sort_order, scope}` sent as the form field `query` (also taken as a JSON body, or with
 * `query` already an object). Terms are compiled into predicates before any data is read,
 * so that a mistake is reported even when nothing would match.
 *
 * Supported terms: `string` (built-in terms such as `status_group`, `health`,
 * `identifier`, `display_name`), `string_attribute`, `number_attribute`, `date` (built-in
 * dates or `date_attribute`), `date_attribute`/`simple_date_attribute`, and `and`/`or`.
 *
 * @see https://support.totango.com/hc/en-us/articles/204174135-Search-API-accounts-and-users
 */
import type { ApiRequest } from '../api-types';
import type { AttributeValue } from '../tenant-schema';
import { badRequest, integerValue, isRecord, parseJsonValue, timeValue } from './request-input';

/** One searchable item (account, user, collection item) as the terms see it. */
export interface Searchable {
  readonly id: string;
  readonly displayName: string;
  /** A built-in term's value; only asked for names the kind declares. */
  builtin(term: string): AttributeValue;
  attribute(name: string): AttributeValue;
}

/** The built-in terms a kind of item offers, text and dates apart. */
export interface SearchKind {
  readonly textTerms: ReadonlySet<string>;
  readonly dateTerms: ReadonlySet<string>;
}

export type Predicate = (item: Searchable) => boolean;
export type FieldReader = (item: Searchable) => AttributeValue;

export interface SearchQuery {
  readonly raw: Record<string, unknown>;
  readonly where: Predicate;
  readonly fields: readonly FieldReader[];
  readonly count: number;
  readonly offset: number;
  readonly sortBy: string;
  readonly descending: boolean;
}

export const MAX_SEARCH_COUNT = 1000;

/**
 * Finds the query object wherever the client put it.
 *
 * @see https://support.totango.com/hc/en-us/articles/204174135-Search-API-accounts-and-users
 */
export function readQueryObject(request: ApiRequest): Record<string, unknown> {
  const body = request.body;
  let raw: unknown = isRecord(body) && 'query' in body ? body['query'] : request.query.get('query') ?? undefined;
  // A JSON object without "query" is the query itself: what it lacks ("terms") is named then.
  if (raw === undefined && isRecord(body)) raw = body;
  if (raw === undefined || raw === '') throw badRequest('query', 'missing "query": send it as a form field (JSON text) or send the query object as a JSON body');
  const parsed = parseJsonValue(raw, 'query');
  if (!isRecord(parsed)) throw badRequest('query', '"query" must be a JSON object');
  return parsed;
}

export function compileSearchQuery(raw: Record<string, unknown>, kind: SearchKind): SearchQuery {
  if (!Array.isArray(raw['terms'])) throw badRequest('query.terms', '"query.terms" must be a list of terms');
  const terms = raw['terms'].map((term, i) => compileTerm(term, `query.terms[${i}]`, kind));
  const sortOrder = raw['sort_order'] ?? 'ASC';
  if (sortOrder !== 'ASC' && sortOrder !== 'DESC') throw badRequest('query.sort_order', '"query.sort_order" must be "ASC" or "DESC"');
  const sortBy = raw['sort_by'] ?? 'display_name';
  if (typeof sortBy !== 'string') throw badRequest('query.sort_by', '"query.sort_by" must be a string');
  if (raw['scope'] !== undefined && typeof raw['scope'] !== 'string') throw badRequest('query.scope', '"query.scope" must be a string');
  return {
    raw,
    where: (item) => terms.every((term) => term(item)),
    fields: compileFields(raw['fields'], 'query.fields', kind),
    count: integerValue(raw['count'], 'query.count', { min: 0, max: MAX_SEARCH_COUNT, fallback: MAX_SEARCH_COUNT }),
    offset: integerValue(raw['offset'], 'query.offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 }),
    sortBy,
    descending: sortOrder === 'DESC',
  };
}

/** Compiles a list of field specifications (`fields`, `parent_account_fields`). */
export function compileFields(list: unknown, path: string, kind: SearchKind): FieldReader[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw badRequest(path, `"${path}" must be a list of fields`);
  return list.map((field, i) => compileField(field, `${path}[${i}]`, kind));
}

function compileTerm(term: unknown, path: string, kind: SearchKind): Predicate {
  if (!isRecord(term)) throw badRequest(path, `"${path}" must be an object`);
  const type = term['type'];
  switch (type) {
    case 'string': {
      const name = termName(term, path, kind.textTerms);
      return textMatcher(term, path, (item) => item.builtin(name));
    }
    case 'string_attribute': {
      const name = attributeName(term, path);
      return textMatcher(term, path, (item) => item.attribute(name));
    }
    case 'number_attribute': {
      const name = attributeName(term, path);
      return rangeMatcher(term, path, (raw) => numberOf(raw), (item) => numberOf(item.attribute(name)));
    }
    case 'date': {
      if (term['term'] === 'date_attribute') return dateAttributeMatcher(term, path);
      const name = termName(term, path, kind.dateTerms);
      return rangeMatcher(term, path, (raw, field) => timeValue(raw, field), (item) => numberOf(item.builtin(name)));
    }
    case 'date_attribute':
    case 'simple_date_attribute':
      return dateAttributeMatcher(term, path);
    case 'and':
    case 'or': {
      const list = term[type];
      if (!Array.isArray(list)) throw badRequest(`${path}.${type}`, `"${path}.${type}" must be a list of terms`);
      const inner = list.map((t, i) => compileTerm(t, `${path}.${type}[${i}]`, kind));
      return type === 'and' ? (item) => inner.every((p) => p(item)) : (item) => inner.some((p) => p(item));
    }
    default:
      throw badRequest(`${path}.type`, `unsupported term type "${String(type)}" in "${path}.type"`);
  }
}

function compileField(field: unknown, path: string, kind: SearchKind): FieldReader {
  if (!isRecord(field)) throw badRequest(path, `"${path}" must be an object`);
  const type = field['type'];
  if (type === 'string') {
    const name = termName(field, path, kind.textTerms);
    return (item) => item.builtin(name);
  }
  if (type === 'date' || type === 'health_trend') {
    const name = type === 'health_trend' ? 'health_last_change' : termName(field, path, kind.dateTerms);
    if (!kind.dateTerms.has(name)) throw badRequest(`${path}.type`, `unsupported field type "${type}" in "${path}.type"`);
    return (item) => item.builtin(name);
  }
  if (typeof type === 'string' && type.endsWith('attribute')) {
    const name = attributeName(field, path);
    return (item) => item.attribute(name);
  }
  throw badRequest(`${path}.type`, `unsupported field type "${String(type)}" in "${path}.type"`);
}

function termName(term: Record<string, unknown>, path: string, known: ReadonlySet<string>): string {
  const name = term['term'];
  if (typeof name !== 'string' || name === '') throw badRequest(`${path}.term`, `"${path}.term" is required`);
  if (!known.has(name)) throw badRequest(`${path}.term`, `unknown term "${name}" in "${path}.term" (known: ${[...known].join(', ')})`);
  return name;
}

function attributeName(term: Record<string, unknown>, path: string): string {
  const name = term['attribute'];
  if (typeof name !== 'string' || name === '') throw badRequest(`${path}.attribute`, `"${path}.attribute" is required`);
  return name;
}

/** `in_list`, `eq` or `contains`, compared without regard to case. */
function textMatcher(term: Record<string, unknown>, path: string, read: (item: Searchable) => AttributeValue): Predicate {
  const text = (value: AttributeValue): string | undefined => (value === null ? undefined : String(value).toLowerCase());
  if (term['in_list'] !== undefined) {
    const list = term['in_list'];
    if (!Array.isArray(list) || !list.every((v) => typeof v === 'string' || typeof v === 'number')) {
      throw badRequest(`${path}.in_list`, `"${path}.in_list" must be a list of strings`);
    }
    const wanted = new Set(list.map((v) => String(v).toLowerCase()));
    return (item) => wanted.has(text(read(item)) ?? '\u0000');
  }
  for (const key of ['eq', 'contains'] as const) {
    const operand = term[key];
    if (operand === undefined) continue;
    if (typeof operand !== 'string' && typeof operand !== 'number') throw badRequest(`${path}.${key}`, `"${path}.${key}" must be a string`);
    const wanted = String(operand).toLowerCase();
    return key === 'eq' ? (item) => text(read(item)) === wanted : (item) => (text(read(item)) ?? '').includes(wanted);
  }
  throw badRequest(path, `"${path}" needs one of "in_list", "eq" or "contains"`);
}

const RANGE_KEYS = ['eq', 'gt', 'gte', 'lt', 'lte'] as const;

function rangeMatcher(
  term: Record<string, unknown>,
  path: string,
  operand: (raw: unknown, field: string) => number | undefined,
  read: (item: Searchable) => number | undefined,
): Predicate {
  const checks: ((value: number) => boolean)[] = [];
  for (const key of RANGE_KEYS) {
    if (term[key] === undefined) continue;
    const bound = operand(term[key], `${path}.${key}`);
    if (bound === undefined) throw badRequest(`${path}.${key}`, `"${path}.${key}" must be a number`);
    checks.push(key === 'eq' ? (v) => v === bound : key === 'gt' ? (v) => v > bound : key === 'gte' ? (v) => v >= bound : key === 'lt' ? (v) => v < bound : (v) => v <= bound);
  }
  if (checks.length === 0) throw badRequest(path, `"${path}" needs one of "eq", "gt", "gte", "lt" or "lte"`);
  return (item) => {
    const value = read(item);
    return value !== undefined && checks.every((check) => check(value));
  };
}

function dateAttributeMatcher(term: Record<string, unknown>, path: string): Predicate {
  const name = attributeName(term, path);
  return rangeMatcher(term, path, (raw, field) => timeValue(raw, field), (item) => {
    const value = item.attribute(name);
    const time = typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : Number.NaN;
    return Number.isFinite(time) ? time : undefined;
  });
}

function numberOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}
