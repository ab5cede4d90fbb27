/**
 * Integration Hub upserts of accounts, account users and collection items, and the User
 * Delete API. An upsert checks every record first, then creates what is new and merges
 * the attributes of what exists; it answers with what it created and updated. A changed
 * account attribute also lands on the account's timeline.
 *
 * @see https://int-hub.totango.com/
 * @see https://support.totango.com/hc/en-us/articles/360000715903-User-API
 */
import type { ApiHandler } from '../api-types';
import type { TenantData } from '../tenant-data';
import type { Attributes, CollectionType } from '../tenant-schema';
import { bodyRecords, fieldPath, recordAttributes, recordId, recordName, UpsertSummary, type BodyRecord } from './int-hub-records';
import { badRequest, notFound, ok } from './request-input';

/**
 * `POST /int-hub/api/v1/accounts`
 *
 * @see https://int-hub.totango.com/
 */
export const upsertAccounts: ApiHandler = async (request, data) => {
  const records = bodyRecords(request.body, 'accounts').map((entry) => {
    const attributes = recordAttributes(entry);
    const nameAttribute = attributes['account_name'];
    delete attributes['account_name'];
    return { id: recordId(entry), name: recordName(entry) ?? (typeof nameAttribute === 'string' ? nameAttribute : undefined), attributes };
  });
  const summary = new UpsertSummary(request.now);
  for (const { id, name, attributes } of records) {
    const existing = data.findAccount(id);
    if (existing) {
      recordAttributeChanges(data, id, existing.attributes, attributes, request.now);
      Object.assign(existing.attributes, attributes);
      if (name !== undefined) existing.name = name;
      existing.updatedAt = request.now;
    } else {
      data.state.accounts.push({
        id,
        name: name ?? id,
        health: 'average',
        healthChangedAt: request.now,
        lastActivityAt: request.now,
        attributes,
        createdAt: request.now,
        updatedAt: request.now,
      });
    }
    summary.add(id, !existing);
  }
  await data.save();
  return ok(summary.toBody());
};

/**
 * `POST /int-hub/api/v1/accounts/users`: users are contacts of one account each.
 *
 * @see https://int-hub.totango.com/
 */
export const upsertUsers: ApiHandler = async (request, data) => {
  const records = bodyRecords(request.body, 'users').map((entry) => ({
    id: recordId(entry),
    accountId: existingAccountId(entry, data),
    name: recordName(entry),
    attributes: recordAttributes(entry),
  }));
  const summary = new UpsertSummary(request.now);
  for (const { id, accountId, name, attributes } of records) {
    const existing = data.state.accountUsers.find((user) => user.id === id && user.accountId === accountId);
    if (existing) {
      Object.assign(existing.attributes, attributes);
      existing.name = name ?? existing.name;
      existing.updatedAt = request.now;
    } else {
      data.state.accountUsers.push({ id, accountId, name: name ?? personName(attributes) ?? id, lastActivityAt: request.now, attributes, createdAt: request.now, updatedAt: request.now });
    }
    summary.add(id, !existing);
  }
  await data.save();
  return ok(summary.toBody());
};

/**
 * `POST /int-hub/api/v1/collections/{collection-type}`
 *
 * @see https://int-hub.totango.com/
 */
export const upsertCollectionItems: ApiHandler = async (request, data) => {
  const collection = collectionOfPath(request.pathParams['collection-type'], data);
  const records = bodyRecords(request.body, 'collections').map((entry) => ({
    id: recordId(entry),
    accountId: existingAccountId(entry, data),
    name: recordName(entry),
    attributes: recordAttributes(entry),
  }));
  const summary = new UpsertSummary(request.now);
  for (const { id, accountId, name, attributes } of records) {
    const existing = collection.items.find((item) => item.id === id);
    if (existing) {
      Object.assign(existing.attributes, attributes);
      existing.accountId = accountId;
      existing.name = name ?? existing.name;
      existing.updatedAt = request.now;
    } else {
      collection.items.push({ id, accountId, name: name ?? id, attributes, createdAt: request.now, updatedAt: request.now });
    }
    summary.add(id, !existing);
  }
  await data.save();
  return ok(summary.toBody());
};

/**
 * `DELETE /api/v2/users/account-user/{account-id}/{user-id}`: removes the contact from that account.
 *
 * @see https://support.totango.com/hc/en-us/articles/360000715903-User-API
 */
export const deleteAccountUser: ApiHandler = async (request, data) => {
  const accountId = request.pathParams['account-id'] ?? '';
  const userId = request.pathParams['user-id'] ?? '';
  if (!data.findAccount(accountId)) throw notFound(`unknown account "${accountId}"`, 'account-id');
  const index = data.state.accountUsers.findIndex((user) => user.accountId === accountId && user.id === userId);
  if (index < 0) throw notFound(`unknown user "${userId}" of account "${accountId}"`, 'user-id');
  data.state.accountUsers.splice(index, 1);
  await data.save();
  return ok({ status: 'success', account_id: accountId, user_id: userId });
};

/** The collection type a path names; Integration Hub knows only the types configured in Totango. */
export function collectionOfPath(type: string | undefined, data: TenantData): CollectionType {
  const collection = data.state.collectionTypes.find((c) => c.type === type);
  if (!collection) {
    const known = data.state.collectionTypes.map((c) => c.type).join(', ');
    throw notFound(`unknown collection type "${type ?? ''}" (known: ${known})`, 'collection-type');
  }
  return collection;
}

function existingAccountId(entry: BodyRecord, data: TenantData): string {
  const accountId = recordId(entry, 'account_id');
  const path = fieldPath(entry.path, 'account_id');
  if (!data.findAccount(accountId)) throw badRequest(path, `unknown account "${accountId}" in "${path}"`);
  return accountId;
}

function personName(attributes: Attributes): string | undefined {
  const parts = [attributes['First Name'], attributes['Last Name']].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function recordAttributeChanges(data: TenantData, accountId: string, before: Attributes, after: Attributes, now: number): void {
  for (const [name, value] of Object.entries(after)) {
    const previous = before[name] ?? null;
    if (previous === value) continue;
    data.state.events.push({
      id: data.takeEventId(),
      type: 'account_attribute_change',
      timestamp: now,
      accountId,
      userId: null,
      properties: { attribute_name: name, display_name: name, prev_value: previous, new_value: value },
    });
  }
}
