/**
 * SCIM PATCH (PatchOp) applied to a resource rendered as JSON: `add`, `replace` and
 * `remove` with paths such as `active`, `name.givenName`, `emails[type eq
 * "work"].value`, `members[value eq "u-1002"]`, an extension's `urn:…:isAdmin`, or no
 * path with an object value. The caller checks and stores the result, so a failed
 * operation leaves the stored resource untouched.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
import type { ApiRequest } from '../api-types';
import { PATCH_OP_SCHEMA, scimBody, scimError } from './scim-common';
import { parseScimFilter, type ScimPredicate } from './scim-filter';

type JsonObject = Record<string, unknown>;

export interface PatchOperation {
  readonly op: 'add' | 'replace' | 'remove';
  readonly path: string | undefined;
  readonly value: unknown;
  /** `Operations[i]`, for messages. */
  readonly where: string;
}

interface Target {
  readonly container: string | undefined;
  readonly attr: string | undefined;
  readonly filter?: ScimPredicate;
  /** The element a failed `add` through a filter creates (`type eq "work"` gives `{ type: "work" }`). */
  readonly seed?: JsonObject;
  readonly sub?: string;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The operations of a PatchOp body, each checked for its `op`, `path` and `value`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export function readPatchOperations(request: ApiRequest): PatchOperation[] {
  const body = scimBody(request, PATCH_OP_SCHEMA);
  const operations = body['Operations'] ?? body['operations'];
  if (!Array.isArray(operations) || operations.length === 0) throw scimError(400, 'invalidSyntax', '"Operations" must be a non-empty list');
  return operations.map((raw, i) => {
    const where = `Operations[${i}]`;
    if (!isObject(raw)) throw scimError(400, 'invalidSyntax', `"${where}" must be an object`);
    const op = typeof raw['op'] === 'string' ? raw['op'].toLowerCase() : undefined;
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw scimError(400, 'invalidSyntax', `"${where}.op" must be "add", "replace" or "remove"`);
    const path = raw['path'];
    if (path !== undefined && typeof path !== 'string') throw scimError(400, 'invalidPath', `"${where}.path" must be a string`);
    if (op !== 'remove' && raw['value'] === undefined) throw scimError(400, 'invalidValue', `"${where}.value" is required for "${op}"`);
    return { op, path: path === '' ? undefined : path, value: raw['value'], where };
  });
}

/**
 * Applies the operations in order to `resource`, whose extension objects sit under their URNs.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2.1
 */
export function applyPatch(resource: JsonObject, operations: readonly PatchOperation[], coreUrn: string, extensionUrns: readonly string[]): void {
  for (const operation of operations) {
    if (operation.path === undefined) {
      if (operation.op === 'remove') throw scimError(400, 'noTarget', `"${operation.where}.path" is required for "remove"`);
      applyObjectValue(resource, operation, undefined, coreUrn, extensionUrns);
      continue;
    }
    const target = parsePath(operation.path, coreUrn, extensionUrns, operation.where);
    if (target.attr === undefined) {
      applyObjectValue(resource, operation, target.container, coreUrn, extensionUrns);
      continue;
    }
    applyAt(parentOf(resource, target.container), target, operation);
  }
}

/** A path-less value (or one aimed at a whole extension): each key is applied as its own path. */
function applyObjectValue(resource: JsonObject, operation: PatchOperation, container: string | undefined, coreUrn: string, extensionUrns: readonly string[]): void {
  if (!isObject(operation.value)) throw scimError(400, 'invalidValue', `"${operation.where}.value" must be an object when there is no attribute path`);
  for (const [key, value] of Object.entries(operation.value)) {
    if (key === 'schemas') continue;
    const urn = extensionUrns.find((u) => u.toLowerCase() === key.toLowerCase());
    if (urn && container === undefined) {
      applyObjectValue(resource, { ...operation, value }, urn, coreUrn, extensionUrns);
      continue;
    }
    const path = container ? `${container}:${key}` : key;
    applyAt(parentOf(resource, container), parsePath(path, coreUrn, extensionUrns, operation.where), { ...operation, path, value });
  }
}

function applyAt(parent: JsonObject, target: Target, operation: PatchOperation): void {
  const key = keyOf(parent, target.attr ?? '');
  if (target.filter) return applyFiltered(parent, key, target, operation);
  if (target.sub !== undefined) {
    const current = parent[key];
    if (current !== undefined && !isObject(current)) throw scimError(400, 'invalidPath', `"${operation.where}.path" names a sub-attribute of "${key}", which is not a complex attribute`);
    if (operation.op === 'remove') {
      if (current) delete current[keyOf(current, target.sub)];
      return;
    }
    const object = current ?? (parent[key] = {});
    object[keyOf(object, target.sub)] = operation.value;
    return;
  }
  const existing = parent[key];
  if (operation.op === 'remove') {
    if (Array.isArray(existing) && Array.isArray(operation.value)) {
      const gone = new Set(operation.value.map((v) => JSON.stringify(isObject(v) ? v['value'] : v)));
      parent[key] = existing.filter((element) => !gone.has(JSON.stringify(isObject(element) ? element['value'] : element)));
    } else delete parent[key];
  } else if (operation.op === 'add' && (Array.isArray(existing) || Array.isArray(operation.value))) {
    const merged = Array.isArray(existing) ? [...existing] : [];
    for (const value of Array.isArray(operation.value) ? operation.value : [operation.value]) {
      const identity = JSON.stringify(isObject(value) ? (value['value'] ?? value) : value);
      if (!merged.some((element) => JSON.stringify(isObject(element) ? (element['value'] ?? element) : element) === identity)) merged.push(value);
    }
    parent[key] = merged;
  } else if (isObject(existing) && isObject(operation.value)) {
    for (const [sub, value] of Object.entries(operation.value)) existing[keyOf(existing, sub)] = value;
  } else parent[key] = operation.value;
}

function applyFiltered(parent: JsonObject, key: string, target: Target, operation: PatchOperation): void {
  const filter = target.filter as ScimPredicate;
  const list = parent[key] ?? [];
  if (!Array.isArray(list)) throw scimError(400, 'invalidPath', `"${operation.where}.path" filters "${key}", which is not multi-valued`);
  let matches = list.filter((element): element is JsonObject => isObject(element) && filter(element));
  if (operation.op === 'remove') {
    if (target.sub === undefined) parent[key] = list.filter((element) => !matches.includes(element as JsonObject));
    else for (const element of matches) delete element[keyOf(element, target.sub)];
    return;
  }
  if (matches.length === 0) {
    if (operation.op !== 'add' || !target.seed) throw scimError(400, 'noTarget', `"${operation.where}.path" matches no value of "${key}"`);
    const created = { ...target.seed };
    parent[key] = [...list, created];
    matches = [created];
  }
  for (const element of matches) {
    if (target.sub !== undefined) element[keyOf(element, target.sub)] = operation.value;
    else if (isObject(operation.value)) {
      if (operation.op === 'replace') for (const k of Object.keys(element)) delete element[k];
      Object.assign(element, operation.value);
    } else throw scimError(400, 'invalidValue', `"${operation.where}.value" must be an object to ${operation.op} "${key}" values`);
  }
}

function parsePath(path: string, coreUrn: string, extensionUrns: readonly string[], where: string): Target {
  let rest = path;
  let container: string | undefined;
  for (const urn of [coreUrn, ...extensionUrns]) {
    if (rest.toLowerCase() === urn.toLowerCase()) return { container: urn === coreUrn ? undefined : urn, attr: undefined };
    if (rest.toLowerCase().startsWith(`${urn.toLowerCase()}:`)) {
      rest = rest.slice(urn.length + 1);
      container = urn === coreUrn ? undefined : urn;
      break;
    }
  }
  const match = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/.exec(rest);
  if (!match) throw scimError(400, 'invalidPath', `"${where}.path" is not a valid attribute path: "${path}"`);
  const [, attr, filterText, sub] = match;
  if (filterText === undefined) return { container, attr, sub };
  const simple = /^\s*([A-Za-z][\w$-]*)\s+eq\s+("(?:[^"\\]|\\.)*")\s*$/i.exec(filterText);
  const seed = simple?.[1] && simple[2] ? { [simple[1]]: JSON.parse(simple[2]) as string } : undefined;
  return { container, attr, filter: parseScimFilter(filterText, `${where}.path`), seed, sub };
}

function parentOf(resource: JsonObject, container: string | undefined): JsonObject {
  if (container === undefined) return resource;
  const key = keyOf(resource, container);
  const existing = resource[key];
  if (isObject(existing)) return existing;
  const created: JsonObject = {};
  resource[key] = created;
  return created;
}

/** Attribute names are case-insensitive (RFC 7643 §2.1): reuse the key the resource has. */
function keyOf(object: JsonObject, name: string): string {
  return Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
}
