/**
 * The Totango scope model: grammar, the scopes an application may pick, and the rules by
 * which one granted scope covers a required one. The rules are data (see `scope-rules.ts`).
 */
import { COVERAGE_RULES, type CoverageRule } from './scope-rules';

export const ENTITIES = ['account', 'user', 'collection', 'event', 'system_user', 'touchpoint'] as const;
export type Entity = (typeof ENTITIES)[number];

export const OPERATIONS = ['read', 'create', 'update', 'upsert', 'delete', 'all'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const DEFINITION_OPERATIONS = ['read', 'upsert'] as const;
export type DefinitionOperation = (typeof DEFINITION_OPERATIONS)[number];

export type Scope = 'admin' | `${Entity}:${Operation}` | `${Entity}:definitions:${DefinitionOperation}`;

export type ParsedScope =
  | { readonly kind: 'admin'; readonly scope: 'admin' }
  | { readonly kind: 'operation'; readonly scope: Scope; readonly entity: Entity; readonly operation: Operation }
  | {
      readonly kind: 'definitions';
      readonly scope: Scope;
      readonly entity: Entity;
      readonly operation: DefinitionOperation;
    };

export type ScopeParseResult = { readonly ok: true; readonly value: ParsedScope } | { readonly ok: false; readonly message: string };

const ENTITY_LABELS: Readonly<Record<Entity, string>> = Object.freeze({
  account: 'accounts',
  user: 'users',
  collection: 'collections',
  event: 'events',
  system_user: 'Totango users and teams',
  touchpoint: 'touchpoints',
});

function isEntity(value: string): value is Entity {
  return (ENTITIES as readonly string[]).includes(value);
}
function isOperation(value: string): value is Operation {
  return (OPERATIONS as readonly string[]).includes(value);
}
function isDefinitionOperation(value: string): value is DefinitionOperation {
  return (DEFINITION_OPERATIONS as readonly string[]).includes(value);
}

/** Parses one scope string; the message names what is wrong in the scope's own terms. */
export function parseScope(raw: string): ScopeParseResult {
  if (raw === 'admin') return { ok: true, value: { kind: 'admin', scope: 'admin' } };
  if (raw === '') return { ok: false, message: 'empty scope' };
  if (!/^[\x21\x23-\x5B\x5D-\x7E]+$/.test(raw)) return { ok: false, message: `scope "${printable(raw)}" has characters a scope cannot hold` };
  const parts = raw.split(':');
  const [entity, second, third] = parts;
  if (entity === undefined || !isEntity(entity)) {
    return { ok: false, message: `unknown entity "${printable(entity ?? '')}" in scope "${printable(raw)}" (known: ${ENTITIES.join(', ')})` };
  }
  if (parts.length === 2 && second !== undefined && isOperation(second)) {
    return { ok: true, value: { kind: 'operation', scope: `${entity}:${second}`, entity, operation: second } };
  }
  if (parts.length === 3 && second === 'definitions' && third !== undefined && isDefinitionOperation(third)) {
    return { ok: true, value: { kind: 'definitions', scope: `${entity}:definitions:${third}`, entity, operation: third } };
  }
  return {
    ok: false,
    message: `scope "${printable(raw)}" is not of the form {entity}:{${OPERATIONS.join('|')}} or {entity}:definitions:{${DEFINITION_OPERATIONS.join('|')}}`,
  };
}

export function isScope(raw: string): raw is Scope {
  return parseScope(raw).ok;
}

/** Splits an OAuth `scope` parameter (RFC 6749 §3.3: space-delimited) into its scopes. */
export function splitScopeParameter(parameter: string): string[] {
  return parameter.split(' ').filter((s) => s !== '');
}

function printable(value: string): string {
  const shown = value.length > 64 ? `${value.slice(0, 64)}...` : value;
  return shown.replace(/[^\x20-\x7E]/g, '?');
}

export interface Coverage {
  readonly covered: boolean;
  /** The granted scope that covers the required one, when one does. */
  readonly by?: Scope;
  readonly rule?: CoverageRule;
}

/**
 * Whether the granted scopes cover `required`, and by which rule. When several granted
 * scopes cover it, the most specific wins (exact, then upsert, then all, then admin).
 */
export function covers(granted: readonly string[], required: Scope): Coverage {
  const want = parseScope(required);
  if (!want.ok) return { covered: false };
  let best: { by: Scope; rule: CoverageRule; rank: number } | undefined;
  for (const raw of granted) {
    const have = parseScope(raw);
    if (!have.ok) continue;
    const rule = ruleBetween(have.value, want.value);
    if (rule === undefined) continue;
    const rank = COVERAGE_RULES.indexOf(rule);
    if (best === undefined || rank < best.rank) best = { by: have.value.scope, rule, rank };
  }
  return best ? { covered: true, by: best.by, rule: best.rule } : { covered: false };
}

function ruleBetween(have: ParsedScope, want: ParsedScope): CoverageRule | undefined {
  if (have.scope === want.scope) return 'exact';
  if (have.kind === 'admin') return 'admin';
  if (want.kind === 'admin' || have.entity !== want.entity) return undefined;
  if (have.kind === 'operation' && have.operation === 'all') return 'all';
  if (
    have.kind === 'operation' &&
    want.kind === 'operation' &&
    have.operation === 'upsert' &&
    (want.operation === 'create' || want.operation === 'update')
  ) {
    return 'upsert';
  }
  return undefined;
}

/** A plain-words description of what a scope allows, for consent pages and the UI. */
export function describeScope(scope: Scope): string {
  const parsed = parseScope(scope);
  if (!parsed.ok) return scope;
  const value = parsed.value;
  if (value.kind === 'admin') return 'Full access to everything in Totango (admin)';
  const things = ENTITY_LABELS[value.entity];
  if (value.kind === 'definitions') {
    return value.operation === 'read' ? `Read the definitions (attributes, types) of ${things}` : `Create and update the definitions (attributes, types) of ${things}`;
  }
  switch (value.operation) {
    case 'read':
      return `Read ${things}`;
    case 'create':
      return `Create ${things}`;
    case 'update':
      return `Update ${things}`;
    case 'upsert':
      return `Create and update ${things}`;
    case 'delete':
      return `Delete ${things}`;
    case 'all':
      return `Every operation on ${things}, definitions included`;
  }
}

export function entityLabel(entity: Entity): string {
  return ENTITY_LABELS[entity];
}
