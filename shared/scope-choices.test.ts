/**
 * The scopes an application may pick, and each decision of `scope-rules.ts` checked
 * against what `covers()` actually does.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue';
import { isSelectableScope, SCOPE_GROUPS, SELECTABLE_SCOPES } from './scope-choices';
import { SCOPE_DECISIONS } from './scope-rules';
import { covers, ENTITIES, isScope, parseScope, type Scope } from './scopes';

/** From the article's table: each entity's required scopes, in the order the table first names them. */
const EXPECTED_GROUPS = [
  { entity: 'account', label: 'accounts', scopes: ['account:read', 'account:upsert', 'account:definitions:upsert', 'account:all'] },
  { entity: 'user', label: 'users', scopes: ['user:read', 'user:upsert', 'user:definitions:upsert', 'user:delete', 'user:all'] },
  { entity: 'collection', label: 'collections', scopes: ['collection:read', 'collection:upsert', 'collection:definitions:upsert', 'collection:all'] },
  { entity: 'event', label: 'events', scopes: ['event:read', 'event:all'] },
  {
    entity: 'system_user',
    label: 'Totango users and teams',
    scopes: ['system_user:read', 'system_user:create', 'system_user:update', 'system_user:all'],
  },
  {
    entity: 'touchpoint',
    label: 'touchpoints',
    scopes: ['touchpoint:create', 'touchpoint:update', 'touchpoint:delete', 'touchpoint:definitions:read', 'touchpoint:all'],
  },
];

const DATA_OPERATIONS = ['read', 'create', 'update', 'upsert', 'delete', 'all'] as const;

/** Every scope of the grammar for one entity. */
function scopesOf(entity: string): Scope[] {
  return [...DATA_OPERATIONS.map((op) => `${entity}:${op}`), `${entity}:definitions:read`, `${entity}:definitions:upsert`] as Scope[];
}

describe('SCOPE_GROUPS', () => {
  it('has one group per entity, with the scopes the catalogue requires and {entity}:all last', () => {
    expect(SCOPE_GROUPS).toEqual(EXPECTED_GROUPS);
    expect(SCOPE_GROUPS.map((g) => g.entity)).toEqual([...ENTITIES]);
  });

  it('holds every scope some catalogued endpoint of the entity requires, each once', () => {
    for (const group of SCOPE_GROUPS) {
      const required = CATALOGUE.map((e) => e.requiredScope).filter((s) => s.startsWith(`${group.entity}:`));
      expect([...group.scopes].sort()).toEqual([...new Set([...required, `${group.entity}:all`])].sort());
      expect(group.scopes.at(-1)).toBe(`${group.entity}:all`);
    }
  });

  it('is frozen, down to each list of scopes', () => {
    expect(Object.isFrozen(SCOPE_GROUPS)).toBe(true);
    for (const group of SCOPE_GROUPS) {
      expect(Object.isFrozen(group)).toBe(true);
      expect(Object.isFrozen(group.scopes)).toBe(true);
    }
  });
});

describe('SELECTABLE_SCOPES', () => {
  it('lists the groups in order and ends with admin', () => {
    expect(SELECTABLE_SCOPES).toEqual([...EXPECTED_GROUPS.flatMap((g) => g.scopes), 'admin']);
    expect(SELECTABLE_SCOPES.at(-1)).toBe('admin');
    expect(new Set(SELECTABLE_SCOPES).size).toBe(SELECTABLE_SCOPES.length);
    expect(Object.isFrozen(SELECTABLE_SCOPES)).toBe(true);
  });

  it('makes every scope the catalogue requires selectable', () => {
    for (const endpoint of CATALOGUE) expect(isSelectableScope(endpoint.requiredScope), endpoint.id).toBe(true);
  });

  it('does not offer grammatical scopes that no API requires', () => {
    for (const scope of ['account:create', 'account:update', 'account:delete', 'event:upsert', 'touchpoint:read', 'touchpoint:definitions:upsert']) {
      expect(isScope(scope), scope).toBe(true);
      expect(isSelectableScope(scope), scope).toBe(false);
    }
    expect(isSelectableScope('{admin}')).toBe(false);
    expect(isSelectableScope('')).toBe(false);
  });
});

describe('SCOPE_DECISIONS agree with covers()', () => {
  /** One explicit check per decision, keyed by its question; a new decision needs a new check here. */
  const checks: Readonly<Record<string, { readonly decision: string; readonly check: () => void }>> = {
    'Does {entity}:definitions:upsert cover {entity}:definitions:read?': {
      decision: 'No.',
      check: () => {
        for (const entity of ENTITIES) expect(covers([`${entity}:definitions:upsert`], `${entity}:definitions:read`).covered, entity).toBe(false);
      },
    },
    'Does {entity}:upsert cover {entity}:definitions:upsert, or {entity}:read cover {entity}:definitions:read?': {
      decision: 'No.',
      check: () => {
        for (const entity of ENTITIES) {
          expect(covers([`${entity}:upsert`], `${entity}:definitions:upsert`).covered, entity).toBe(false);
          expect(covers([`${entity}:read`], `${entity}:definitions:read`).covered, entity).toBe(false);
        }
      },
    },
    'Does {entity}:all cover the definitions scopes of its entity?': {
      decision: 'Yes.',
      check: () => {
        for (const entity of ENTITIES) {
          expect(covers([`${entity}:all`], `${entity}:definitions:read`), entity).toEqual({ covered: true, by: `${entity}:all`, rule: 'all' });
          expect(covers([`${entity}:all`], `${entity}:definitions:upsert`), entity).toEqual({ covered: true, by: `${entity}:all`, rule: 'all' });
        }
      },
    },
    'Do {entity}:create and {entity}:update held together cover {entity}:upsert?': {
      decision: 'No.',
      check: () => {
        for (const entity of ENTITIES) expect(covers([`${entity}:create`, `${entity}:update`], `${entity}:upsert`).covered, entity).toBe(false);
      },
    },
    'Does any scope cover {entity}:read except exact, all and admin (for example upsert or delete)?': {
      decision: 'No.',
      check: () => {
        for (const entity of ENTITIES) {
          const candidates: Scope[] = [...ENTITIES.flatMap(scopesOf), 'admin'];
          const coveringRead = candidates.filter((granted) => covers([granted], `${entity}:read`).covered);
          expect(coveringRead.sort()).toEqual([`${entity}:read`, `${entity}:all`, 'admin'].sort());
        }
      },
    },
    'Is the admin scope written "admin" or "{admin}"?': {
      decision: '"admin".',
      check: () => {
        expect(parseScope('admin').ok).toBe(true);
        expect(parseScope('{admin}').ok).toBe(false);
        expect(covers(['{admin}'], 'account:read').covered).toBe(false);
        expect(covers(['admin'], 'account:read')).toEqual({ covered: true, by: 'admin', rule: 'admin' });
      },
    },
    'Which scopes may an application pick?': {
      decision: 'Every scope that some catalogued API requires, {entity}:all for each entity, and admin.',
      check: () => {
        const expected = new Set<string>([...CATALOGUE.map((e) => e.requiredScope), ...ENTITIES.map((e) => `${e}:all`), 'admin']);
        expect(new Set(SELECTABLE_SCOPES)).toEqual(expected);
        expect(isScope('account:create')).toBe(true);
      },
    },
    'May a token request ask for a scope that the application holds only through a wider one (account:read when it holds account:all)?': {
      decision: 'Yes; the token is granted exactly the scope asked for.',
      check: () => {
        expect(covers(['account:all'], 'account:read')).toEqual({ covered: true, by: 'account:all', rule: 'all' });
        expect(covers(['account:upsert'], 'account:create')).toEqual({ covered: true, by: 'account:upsert', rule: 'upsert' });
        expect(covers(['admin'], 'touchpoint:delete')).toEqual({ covered: true, by: 'admin', rule: 'admin' });
      },
    },
  };

  it('has a check for every decision, and no check for a decision that is gone', () => {
    expect(SCOPE_DECISIONS.map((d) => d.question).sort()).toEqual(Object.keys(checks).sort());
  });

  for (const [question, { decision, check }] of Object.entries(checks)) {
    it(`decides ${JSON.stringify(question)} as ${decision}, and covers() agrees`, () => {
      expect(SCOPE_DECISIONS.find((d) => d.question === question)?.decision).toBe(decision);
      check();
    });
  }

  it('gives each decision a reason', () => {
    for (const d of SCOPE_DECISIONS) expect(d.reason.length, d.question).toBeGreaterThan(20);
    expect(Object.isFrozen(SCOPE_DECISIONS)).toBe(true);
  });
});
