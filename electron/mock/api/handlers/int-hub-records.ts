/**
 * The records of an Integration Hub upsert body, checked all at once before anything is
 * written: `{ "accounts": [ { "id": …, "attributes": { … } } ] }` (or `users`,
 * `collections`, `attributes`), a bare list of records, or a single record. Errors name
 * the record's path as the client sent it (`accounts[2].id`, `[2].account_id`).
 *
 * @see https://int-hub.totango.com/
 */
import { randomUUID } from 'node:crypto';
import { attributeValueSchema, type AttributeValue, type Attributes } from '../tenant-schema';
import { badRequest, isRecord, optionalString, requiredString } from './request-input';

/** An upsert may carry this many records at most. */
export const MAX_UPSERT_RECORDS = 10_000;

export interface BodyRecord {
  readonly path: string;
  readonly record: Record<string, unknown>;
}

/**
 * The records of a body, each with the path that names it in errors.
 *
 * @see https://int-hub.totango.com/
 */
export function bodyRecords(body: unknown, key: string): BodyRecord[] {
  let list: unknown[];
  let prefix = '';
  if (Array.isArray(body)) {
    list = body;
  } else if (isRecord(body) && key in body) {
    if (!Array.isArray(body[key])) throw badRequest(key, `"${key}" must be a list of records`);
    list = body[key];
    prefix = key;
  } else if (isRecord(body) && ('id' in body || 'name' in body)) {
    return [{ path: '', record: body }];
  } else {
    throw badRequest(key, `the body must be a list of records or an object with "${key}"`);
  }
  if (list.length === 0) throw badRequest(prefix || key, `"${prefix || key}" holds no records`);
  if (list.length > MAX_UPSERT_RECORDS) throw badRequest(prefix || key, `"${prefix || key}" holds more than ${MAX_UPSERT_RECORDS} records`);
  return list.map((record, i) => {
    const path = `${prefix}[${i}]`;
    if (!isRecord(record)) throw badRequest(path, `"${path}" must be an object`);
    return { path, record };
  });
}

/** `path.key` without a leading dot for a bare single record. */
export function fieldPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function recordId(entry: BodyRecord, key = 'id'): string {
  const id = requiredString(entry.record, key, fieldPath(entry.path, key));
  if (id.trim() === '' || id.length > 255) throw badRequest(fieldPath(entry.path, key), `"${fieldPath(entry.path, key)}" must be 1 to 255 characters`);
  return id;
}

export function recordName(entry: BodyRecord): string | undefined {
  return optionalString(entry.record, 'name', fieldPath(entry.path, 'name')) ?? optionalString(entry.record, 'display_name', fieldPath(entry.path, 'display_name'));
}

/** The record's `attributes`: flat text, numbers, booleans or null. */
export function recordAttributes(entry: BodyRecord): Attributes {
  const path = fieldPath(entry.path, 'attributes');
  const raw = entry.record['attributes'];
  if (raw === undefined) return {};
  if (!isRecord(raw)) throw badRequest(path, `"${path}" must be an object`);
  const attributes: Attributes = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!attributeValueSchema.safeParse(value).success) throw badRequest(`${path}.${name}`, `"${path}.${name}" must be a string, number, boolean or null`);
    attributes[name] = value as AttributeValue;
  }
  return attributes;
}

/** Which records an upsert created and which it updated, in Integration Hub's answer shape. */
export class UpsertSummary {
  readonly created: string[] = [];
  readonly updated: string[] = [];

  constructor(private readonly receivedAt: number) {}

  add(id: string, wasCreated: boolean): void {
    // A record repeated in one batch counts once, as whatever its first occurrence did.
    if (this.created.includes(id) || this.updated.includes(id)) return;
    (wasCreated ? this.created : this.updated).push(id);
  }

  toBody(): Record<string, unknown> {
    return {
      status: 'success',
      time_received: new Date(this.receivedAt).toISOString(),
      batch_id: randomUUID(),
      received: this.created.length + this.updated.length,
      created: this.created.length,
      updated: this.updated.length,
      created_ids: this.created,
      updated_ids: this.updated,
    };
  }
}
