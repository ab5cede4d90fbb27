/**
 * Integration Hub upserts of attribute definitions for accounts, account users and each
 * collection type: `{ "attributes": [ { "name", "display_name", "type" } ] }` (or a bare
 * list). `name` is the API name; a new definition needs a `type`, an existing one keeps
 * its type unless the record gives another.
 *
 * @see https://int-hub.totango.com/
 * @see https://support.totango.com/hc/en-us/articles/360019516391-Attributes-and-data-types
 */
import type { ApiHandler, ApiRequest } from '../api-types';
import type { TenantData } from '../tenant-data';
import { ATTRIBUTE_TYPES, type AttributeDefinition, type AttributeType } from '../tenant-schema';
import { collectionOfPath } from './int-hub';
import { bodyRecords, fieldPath, UpsertSummary, type BodyRecord } from './int-hub-records';
import { badRequest, ok, optionalString, requiredString } from './request-input';

/**
 * `POST /int-hub/api/v1/accounts/attributes`
 *
 * @see https://int-hub.totango.com/
 */
export const upsertAccountAttributes: ApiHandler = (request, data) => upsertDefinitions(request, data, data.state.accountDefinitions);

/**
 * `POST /int-hub/api/v1/accounts/users/attributes`
 *
 * @see https://int-hub.totango.com/
 */
export const upsertUserAttributes: ApiHandler = (request, data) => upsertDefinitions(request, data, data.state.userDefinitions);

/**
 * `POST /int-hub/api/v1/collections/{collection-type}/attributes`
 *
 * @see https://int-hub.totango.com/
 */
export const upsertCollectionAttributes: ApiHandler = (request, data) =>
  upsertDefinitions(request, data, collectionOfPath(request.pathParams['collection-type'], data).definitions);

/** Names Totango's integrations use for the same types. */
const TYPE_ALIASES: Readonly<Record<string, AttributeType>> = { string: 'text', numeric: 'number', integer: 'number', decimal: 'number', bool: 'boolean', 'foreign key': 'foreign_key' };

async function upsertDefinitions(request: ApiRequest, data: TenantData, definitions: AttributeDefinition[]) {
  const records = bodyRecords(request.body, 'attributes').map((entry) => readDefinition(entry, definitions));
  const summary = new UpsertSummary(request.now);
  for (const { name, displayName, type } of records) {
    const existing = definitions.find((d) => d.name === name);
    if (existing) {
      existing.displayName = displayName ?? existing.displayName;
      existing.type = type ?? existing.type;
      existing.updatedAt = request.now;
    } else {
      // readDefinition insists on a type for a new definition.
      definitions.push({ name, displayName: displayName ?? name, type: type ?? 'text', createdAt: request.now, updatedAt: request.now });
    }
    summary.add(name, !existing);
  }
  await data.save();
  return ok(summary.toBody());
}

function readDefinition(entry: BodyRecord, definitions: readonly AttributeDefinition[]): { name: string; displayName?: string; type?: AttributeType } {
  const namePath = fieldPath(entry.path, 'name');
  const name = requiredString(entry.record, 'name', namePath);
  if (name.trim() === '' || name.length > 255) throw badRequest(namePath, `"${namePath}" must be 1 to 255 characters`);
  const displayName = optionalString(entry.record, 'display_name', fieldPath(entry.path, 'display_name'));
  const typePath = fieldPath(entry.path, 'type');
  const rawType = optionalString(entry.record, 'type', typePath);
  if (rawType === undefined) {
    if (!definitions.some((d) => d.name === name)) throw badRequest(typePath, `"${typePath}" is required for a new attribute`);
    return { name, displayName };
  }
  const lower = rawType.trim().toLowerCase();
  const type = (ATTRIBUTE_TYPES as readonly string[]).includes(lower) ? (lower as AttributeType) : TYPE_ALIASES[lower];
  if (!type) throw badRequest(typePath, `"${typePath}" must be one of ${ATTRIBUTE_TYPES.join(', ')}`);
  return { name, displayName, type };
}
