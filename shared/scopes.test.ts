/**
 * The scope grammar and the coverage rules, as the article states them:
 * "{entity}:all - Has access for all operations and scopes in the entity",
 * "{entity}:upsert - Combines update & create scopes", "{admin} - Has access to all scopes".
 */
import { describe, expect, it } from 'vitest';
import { COVERAGE_RULES } from './scope-rules';
import { covers, describeScope, ENTITIES, entityLabel, isScope, parseScope, splitScopeParameter, type Scope } from './scopes';

const ENTITY_NAMES = ['account', 'user', 'collection', 'event', 'system_user', 'touchpoint'] as const;
const OPERATION_NAMES = ['read', 'create', 'update', 'upsert', 'delete', 'all'] as const;
const DEFINITION_OPERATION_NAMES = ['read', 'upsert'] as const;

/** Every scope the grammar allows. */
const ALL_SCOPES: readonly Scope[] = [
  ...ENTITY_NAMES.flatMap((entity) => [
    ...OPERATION_NAMES.map((op): Scope => `${entity}:${op}`),
    ...DEFINITION_OPERATION_NAMES.map((op): Scope => `${entity}:definitions:${op}`),
  ]),
  'admin',
];

function parseError(raw: string): string {
  const result = parseScope(raw);
  if (result.ok) throw new Error(`"${raw}" parsed, but should not have`);
  return result.message;
}

describe('parseScope', () => {
  it('knows the six entities of the catalogue', () => {
    expect(ENTITIES).toEqual(ENTITY_NAMES);
  });

  it('accepts {entity}:{operation} for every entity and operation', () => {
    for (const entity of ENTITY_NAMES) {
      for (const operation of OPERATION_NAMES) {
        const scope = `${entity}:${operation}`;
        expect(parseScope(scope)).toEqual({ ok: true, value: { kind: 'operation', scope, entity, operation } });
      }
    }
  });

  it('accepts {entity}:definitions:read and {entity}:definitions:upsert for every entity', () => {
    for (const entity of ENTITY_NAMES) {
      for (const operation of DEFINITION_OPERATION_NAMES) {
        const scope = `${entity}:definitions:${operation}`;
        expect(parseScope(scope)).toEqual({ ok: true, value: { kind: 'definitions', scope, entity, operation } });
      }
    }
  });

  it('accepts admin, written without braces', () => {
    expect(parseScope('admin')).toEqual({ ok: true, value: { kind: 'admin', scope: 'admin' } });
  });

  it('refuses an unknown entity and lists the known ones', () => {
    expect(parseError('accounts:read')).toBe(
      'unknown entity "accounts" in scope "accounts:read" (known: account, user, collection, event, system_user, touchpoint)',
    );
    expect(parseError('ADMIN')).toMatch(/^unknown entity "ADMIN"/);
  });

  it('refuses an unknown operation and names the forms a scope may take', () => {
    expect(parseError('account:write')).toBe(
      'scope "account:write" is not of the form {entity}:{read|create|update|upsert|delete|all} or {entity}:definitions:{read|upsert}',
    );
    expect(parseError('account:')).toMatch(/^scope "account:" is not of the form/);
    expect(parseError('account')).toMatch(/^scope "account" is not of the form/);
  });

  it('refuses a definitions operation other than read and upsert', () => {
    expect(parseError('account:definitions:delete')).toMatch(/^scope "account:definitions:delete" is not of the form .*\{entity\}:definitions:\{read\|upsert\}$/);
    expect(parseError('account:definitions:all')).toMatch(/^scope "account:definitions:all" is not of the form/);
    expect(parseError('account:definitions')).toMatch(/^scope "account:definitions" is not of the form/);
  });

  it('refuses "{admin}": the braces are typography, the scope is "admin"', () => {
    expect(parseError('{admin}')).toMatch(/^unknown entity "\{admin\}"/);
  });

  it('refuses an empty scope', () => {
    expect(parseError('')).toBe('empty scope');
  });

  it('refuses spaces, quotes, backslashes and control characters, which RFC 6749 §3.3 keeps out of a scope token', () => {
    expect(parseError('account:read user:read')).toBe('scope "account:read user:read" has characters a scope cannot hold');
    expect(parseError('"account:read"')).toBe('scope ""account:read"" has characters a scope cannot hold');
    expect(parseError('account\\:read')).toBe('scope "account\\:read" has characters a scope cannot hold');
    expect(parseError('account:read\n')).toBe('scope "account:read?" has characters a scope cannot hold');
    expect(parseError('account:réad')).toBe('scope "account:r?ad" has characters a scope cannot hold');
  });

  it('shortens a very long scope in its message and marks the cut in printable ASCII', () => {
    const message = parseError(`account:${'x'.repeat(500)}`);
    expect(message).toContain(`"account:${'x'.repeat(56)}..."`);
    expect(message.length).toBeLessThan(250);
    expect(message).toMatch(/^[\x20-\x7E]+$/);
  });

  it('refuses extra segments', () => {
    expect(parseError('account:read:extra')).toMatch(/^scope "account:read:extra" is not of the form/);
    expect(parseError('account:definitions:read:extra')).toMatch(/^scope "account:definitions:read:extra" is not of the form/);
    expect(parseError('admin:read')).toMatch(/^unknown entity "admin"/);
  });

  it('agrees with isScope', () => {
    expect(ALL_SCOPES.every((s) => isScope(s))).toBe(true);
    expect(['', 'admin ', 'account:write', '{admin}'].some((s) => isScope(s))).toBe(false);
  });
});

describe('covers', () => {
  it('covers a required scope by the same scope granted (exact)', () => {
    for (const scope of ALL_SCOPES) expect(covers([scope], scope)).toEqual({ covered: true, by: scope, rule: 'exact' });
  });

  it('covers create and update with upsert of the same entity, but not read or delete', () => {
    expect(covers(['account:upsert'], 'account:create')).toEqual({ covered: true, by: 'account:upsert', rule: 'upsert' });
    expect(covers(['account:upsert'], 'account:update')).toEqual({ covered: true, by: 'account:upsert', rule: 'upsert' });
    expect(covers(['account:upsert'], 'account:read')).toEqual({ covered: false });
    expect(covers(['account:upsert'], 'account:delete')).toEqual({ covered: false });
    expect(covers(['account:upsert'], 'account:all')).toEqual({ covered: false });
  });

  it('covers every scope of its entity, definitions included, with {entity}:all', () => {
    for (const entity of ENTITY_NAMES) {
      const all: Scope = `${entity}:all`;
      for (const scope of ALL_SCOPES.filter((s) => s.startsWith(`${entity}:`) && s !== all)) {
        expect(covers([all], scope)).toEqual({ covered: true, by: all, rule: 'all' });
      }
    }
  });

  it('covers everything with admin', () => {
    for (const scope of ALL_SCOPES.filter((s) => s !== 'admin')) expect(covers(['admin'], scope)).toEqual({ covered: true, by: 'admin', rule: 'admin' });
  });

  it('covers admin with admin only', () => {
    const others = ALL_SCOPES.filter((s) => s !== 'admin');
    expect(covers(others, 'admin')).toEqual({ covered: false });
    expect(covers([...others, 'admin'], 'admin')).toEqual({ covered: true, by: 'admin', rule: 'exact' });
  });

  it('never covers a scope of another entity', () => {
    expect(covers(['account:all'], 'user:read')).toEqual({ covered: false });
    expect(covers(['user:upsert'], 'account:create')).toEqual({ covered: false });
    expect(covers(['touchpoint:all'], 'system_user:definitions:read')).toEqual({ covered: false });
    for (const entity of ENTITY_NAMES) {
      const foreign = ALL_SCOPES.filter((s) => s !== 'admin' && !s.startsWith(`${entity}:`));
      expect(covers(foreign, `${entity}:read`).covered, entity).toBe(false);
    }
  });

  it('does not cover definitions:read with definitions:upsert', () => {
    for (const entity of ENTITY_NAMES) expect(covers([`${entity}:definitions:upsert`], `${entity}:definitions:read`)).toEqual({ covered: false });
  });

  it('does not cover definitions scopes with the data scopes of the same name', () => {
    expect(covers(['account:upsert'], 'account:definitions:upsert')).toEqual({ covered: false });
    expect(covers(['account:read'], 'account:definitions:read')).toEqual({ covered: false });
    expect(covers(['account:definitions:read'], 'account:read')).toEqual({ covered: false });
  });

  it('does not cover upsert with create and update held together', () => {
    expect(covers(['account:create', 'account:update'], 'account:upsert')).toEqual({ covered: false });
  });

  it('covers the scopes of one entity exactly as the article says, and no more', () => {
    /** For each required scope, the granted scopes (each alone) that cover it. */
    const coveredBy: Readonly<Record<string, readonly string[]>> = {
      'account:read': ['account:read', 'account:all', 'admin'],
      'account:create': ['account:create', 'account:upsert', 'account:all', 'admin'],
      'account:update': ['account:update', 'account:upsert', 'account:all', 'admin'],
      'account:upsert': ['account:upsert', 'account:all', 'admin'],
      'account:delete': ['account:delete', 'account:all', 'admin'],
      'account:all': ['account:all', 'admin'],
      'account:definitions:read': ['account:definitions:read', 'account:all', 'admin'],
      'account:definitions:upsert': ['account:definitions:upsert', 'account:all', 'admin'],
      admin: ['admin'],
    };
    const candidates: readonly Scope[] = [...ALL_SCOPES.filter((s) => s.startsWith('account:')), 'admin', 'user:all'];
    for (const [required, expected] of Object.entries(coveredBy)) {
      const actual = candidates.filter((granted) => covers([granted], required as Scope).covered);
      expect({ required, coveredBy: actual.sort() }).toEqual({ required, coveredBy: [...expected].sort() });
    }
  });

  it('names the most specific rule when several granted scopes apply, whatever their order', () => {
    const granted: Scope[] = ['admin', 'account:all', 'account:upsert', 'account:create'];
    const expectations: readonly [readonly Scope[], Scope, string][] = [
      [granted, 'account:create', 'exact'],
      [granted.slice(0, 3), 'account:upsert', 'upsert'],
      [granted.slice(0, 2), 'account:all', 'all'],
      [granted.slice(0, 1), 'admin', 'admin'],
    ];
    for (const [scopes, by, rule] of expectations) {
      expect(covers(scopes, 'account:create')).toEqual({ covered: true, by, rule });
      expect(covers([...scopes].reverse(), 'account:create')).toEqual({ covered: true, by, rule });
    }
    expect(COVERAGE_RULES).toEqual(['exact', 'upsert', 'all', 'admin']);
  });

  it('skips granted strings that are not scopes', () => {
    expect(covers(['{admin}', 'account:write', '', 'account:read'], 'account:read')).toEqual({ covered: true, by: 'account:read', rule: 'exact' });
    expect(covers(['{admin}', 'ADMIN', ' admin'], 'account:read')).toEqual({ covered: false });
  });

  it('covers nothing when the required scope is not a scope', () => {
    expect(covers(['admin'], 'account:write' as Scope)).toEqual({ covered: false });
  });

  it('covers nothing with nothing granted', () => {
    expect(covers([], 'account:read')).toEqual({ covered: false });
  });
});

describe('describeScope', () => {
  it('describes each form in plain words', () => {
    expect(describeScope('account:read')).toBe('Read accounts');
    expect(describeScope('user:create')).toBe('Create users');
    expect(describeScope('collection:update')).toBe('Update collections');
    expect(describeScope('account:upsert')).toBe('Create and update accounts');
    expect(describeScope('touchpoint:delete')).toBe('Delete touchpoints');
    expect(describeScope('event:all')).toBe('Every operation on events, definitions included');
    expect(describeScope('touchpoint:definitions:read')).toBe('Read the definitions (attributes, types) of touchpoints');
    expect(describeScope('account:definitions:upsert')).toBe('Create and update the definitions (attributes, types) of accounts');
    expect(describeScope('system_user:read')).toBe('Read Totango users and teams');
    expect(describeScope('admin')).toBe('Full access to everything in Totango (admin)');
  });

  it('gives every scope its own description, with no scope syntax in it', () => {
    const descriptions = ALL_SCOPES.map(describeScope);
    expect(new Set(descriptions).size).toBe(ALL_SCOPES.length);
    for (const description of descriptions) expect(description).not.toMatch(/[:{}_]/);
  });

  it('returns a string that is not a scope as it is', () => {
    expect(describeScope('account:write' as Scope)).toBe('account:write');
  });

  it('labels every entity', () => {
    expect(ENTITY_NAMES.map(entityLabel)).toEqual(['accounts', 'users', 'collections', 'events', 'Totango users and teams', 'touchpoints']);
  });
});

describe('splitScopeParameter', () => {
  it('splits on spaces (RFC 6749 §3.3) and drops empty entries', () => {
    expect(splitScopeParameter('account:read user:upsert')).toEqual(['account:read', 'user:upsert']);
    expect(splitScopeParameter('  account:read   admin ')).toEqual(['account:read', 'admin']);
    expect(splitScopeParameter('')).toEqual([]);
    expect(splitScopeParameter('   ')).toEqual([]);
  });

  it('splits on the space character only, so that a tab stays inside a scope and fails to parse', () => {
    expect(splitScopeParameter('account:read\tadmin')).toEqual(['account:read\tadmin']);
  });
});
