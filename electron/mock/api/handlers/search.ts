/**
 * The Search API over accounts, account users and collection items. Each answers in
 * Totango's search shape: `{ response: { <object>: { total_hits, hits: [{ name,
 * display_name, selected_fields, … }] } } }`, where `name` is the item's id and
 * `selected_fields` follows the order of the query's `fields`.
 *
 * @see https://support.totango.com/hc/en-us/articles/204174135-Search-API-accounts-and-users
 */
import type { ApiHandler } from '../api-types';
import type { TenantData } from '../tenant-data';
import type { Account, AccountUser, AttributeValue, CollectionItem, CollectionType } from '../tenant-schema';
import { badRequest, isRecord, ok } from './request-input';
import { compileFields, compileSearchQuery, readQueryObject, type SearchKind, type SearchQuery, type Searchable } from './search-query';

const ACCOUNT_KIND: SearchKind = {
  textTerms: new Set(['identifier', 'account_id', 'display_name', 'account_name', 'status', 'status_group', 'health']),
  dateTerms: new Set(['last_activity_time', 'health_last_change', 'create_date', 'last_updated']),
};

const USER_KIND: SearchKind = {
  textTerms: new Set(['identifier', 'user_id', 'display_name', 'email', 'account_id', 'parent_account_id']),
  dateTerms: new Set(['last_activity_time', 'create_date', 'last_updated']),
};

const COLLECTION_KIND: SearchKind = {
  textTerms: new Set(['identifier', 'display_name', 'account_id', 'collection_type']),
  dateTerms: new Set(['create_date', 'last_updated']),
};

/**
 * `POST /api/v1/search/accounts`
 *
 * @see https://support.totango.com/hc/en-us/articles/204174135-Search-API-accounts-and-users
 */
export const searchAccounts: ApiHandler = (request, data) => {
  const query = compileSearchQuery(readQueryObject(request), ACCOUNT_KIND);
  const found = runSearch(data.state.accounts.map(searchableAccount), query, ACCOUNT_KIND);
  return ok({ response: { accounts: { total_hits: found.total, hits: found.page.map((item) => hit(item, query)) } } });
};

/**
 * `POST /api/v1/search/users`: account users (contacts), each with its parent account.
 *
 * @see https://support.totango.com/hc/en-us/articles/204174135-Search-API-accounts-and-users
 */
export const searchUsers: ApiHandler = (request, data) => {
  const raw = readQueryObject(request);
  const query = compileSearchQuery(raw, USER_KIND);
  const parentFields = compileFields(raw['parent_account_fields'], 'query.parent_account_fields', ACCOUNT_KIND);
  const found = runSearch(data.state.accountUsers.map(searchableUser), query, USER_KIND);
  const hits = found.page.map((item) => {
    const parent = data.findAccount(item.builtin('account_id') as string);
    const parentItem = parent ? searchableAccount(parent) : undefined;
    return {
      ...hit(item, query),
      account_id: item.builtin('account_id'),
      parent_account: parentItem ? { name: parentItem.id, display_name: parentItem.displayName, selected_fields: parentFields.map((read) => read(parentItem)) } : null,
    };
  });
  return ok({ response: { users: { total_hits: found.total, hits } } });
};

/**
 * `POST /api/v1/search/accounts/collections`: the collection type comes with the query.
 *
 * @see https://support.totango.com/hc/en-us/articles/204174135-Search-API-accounts-and-users
 */
export const searchCollections: ApiHandler = (request, data) => {
  const raw = readQueryObject(request);
  const collection = collectionTypeOf(raw, request.body, data);
  const query = compileSearchQuery(raw, COLLECTION_KIND);
  const found = runSearch(collection.items.map((item) => searchableItem(item, collection)), query, COLLECTION_KIND);
  const hits = found.page.map((item) => ({ ...hit(item, query), account_id: item.builtin('account_id'), collection_type: collection.type }));
  return ok({ response: { collections: { collection_type: collection.type, total_hits: found.total, hits } } });
};

function collectionTypeOf(raw: Record<string, unknown>, body: unknown, data: TenantData): CollectionType {
  const fromBody = isRecord(body) ? body['collection_type'] : undefined;
  const name = raw['collection_type'] ?? raw['collectionType'] ?? fromBody;
  if (name === undefined || name === '') throw badRequest('query.collection_type', 'missing "query.collection_type": the collection type to search');
  if (typeof name !== 'string') throw badRequest('query.collection_type', '"query.collection_type" must be a string');
  const collection = data.findCollectionType(name);
  if (!collection) {
    const known = data.state.collectionTypes.map((c) => c.type).join(', ');
    throw badRequest('query.collection_type', `unknown collection type "${name}" in "query.collection_type" (known: ${known})`);
  }
  return collection;
}

function runSearch(items: Searchable[], query: SearchQuery, kind: SearchKind): { total: number; page: Searchable[] } {
  const matching = items.filter(query.where);
  const direction = query.descending ? -1 : 1;
  matching.sort((a, b) => {
    const [left, right] = [sortValue(a, query.sortBy, kind), sortValue(b, query.sortBy, kind)];
    // Empty values go last in either order.
    const byEmptiness = Number(left === null) - Number(right === null);
    return (byEmptiness || direction * compareValues(left, right)) || a.id.localeCompare(b.id);
  });
  return { total: matching.length, page: matching.slice(query.offset, query.offset + query.count) };
}

function hit(item: Searchable, query: SearchQuery): { name: string; display_name: string; selected_fields: AttributeValue[] } {
  return { name: item.id, display_name: item.displayName, selected_fields: query.fields.map((read) => read(item)) };
}

/** `sort_by` names a built-in term of the kind, else an attribute. */
function sortValue(item: Searchable, sortBy: string, kind: SearchKind): AttributeValue {
  if (sortBy === 'display_name') return item.displayName;
  if (sortBy === 'name' || sortBy === 'identifier') return item.id;
  return kind.textTerms.has(sortBy) || kind.dateTerms.has(sortBy) ? item.builtin(sortBy) : item.attribute(sortBy);
}

/** Numbers by value, text without regard to case. */
function compareValues(a: AttributeValue, b: AttributeValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
}

function searchableAccount(account: Account): Searchable {
  const builtins: Record<string, AttributeValue> = {
    identifier: account.id,
    account_id: account.id,
    display_name: account.name,
    account_name: account.name,
    status: account.attributes['Status'] ?? null,
    status_group: typeof account.attributes['Status'] === 'string' ? account.attributes['Status'].toLowerCase() : null,
    health: account.health,
    last_activity_time: account.lastActivityAt,
    health_last_change: account.healthChangedAt,
    create_date: account.createdAt,
    last_updated: account.updatedAt,
  };
  return searchable(account.id, account.name, builtins, account.attributes);
}

function searchableUser(user: AccountUser): Searchable {
  const builtins: Record<string, AttributeValue> = {
    identifier: user.id,
    user_id: user.id,
    display_name: user.name,
    email: user.attributes['Email'] ?? null,
    account_id: user.accountId,
    parent_account_id: user.accountId,
    last_activity_time: user.lastActivityAt,
    create_date: user.createdAt,
    last_updated: user.updatedAt,
  };
  return searchable(user.id, user.name, builtins, user.attributes);
}

function searchableItem(item: CollectionItem, collection: CollectionType): Searchable {
  const builtins: Record<string, AttributeValue> = {
    identifier: item.id,
    display_name: item.name,
    account_id: item.accountId,
    collection_type: collection.type,
    create_date: item.createdAt,
    last_updated: item.updatedAt,
  };
  return searchable(item.id, item.name, builtins, item.attributes);
}

function searchable(id: string, displayName: string, builtins: Record<string, AttributeValue>, attributes: Record<string, AttributeValue>): Searchable {
  return {
    id,
    displayName,
    builtin: (term) => builtins[term] ?? null,
    attribute: (name) => attributes[name] ?? null,
  };
}
