import { describe, expect, it } from 'vitest';
import type { Scope } from '../../../../shared/scopes';
import { coveringScope, SCOPE_GROUPS, scopesToRegister, toggleScope } from './scope-selection';

describe('the scope selection', () => {
  it('groups the scopes by entity, {entity}:all last', () => {
    const account = SCOPE_GROUPS.find((g) => g.entity === 'account');
    expect(account?.scopes).toEqual(['account:read', 'account:upsert', 'account:definitions:upsert', 'account:all']);
  });

  it("has {entity}:all cover every other scope of its entity, and only those", () => {
    const ticked = toggleScope(['account:read', 'event:read'], 'account:all', true);
    expect(coveringScope(ticked, 'account:read')).toBe('account:all');
    expect(coveringScope(ticked, 'account:definitions:upsert')).toBe('account:all');
    expect(coveringScope(ticked, 'event:read')).toBeUndefined();
    expect(coveringScope(ticked, 'account:all')).toBeUndefined();
    expect(scopesToRegister(ticked)).toEqual(['account:all', 'event:read']);
  });

  it('gives back what was ticked under an :all once it is unticked', () => {
    const withAll = toggleScope(['account:read'], 'account:all', true);
    const without = toggleScope(withAll, 'account:all', false);
    expect(without).toEqual(['account:read']);
    expect(coveringScope(without, 'account:upsert')).toBeUndefined();
  });

  it('has admin cover everything, registered alone', () => {
    const ticked = toggleScope(['account:all', 'touchpoint:create'], 'admin', true);
    expect(coveringScope(ticked, 'touchpoint:create')).toBe('admin');
    expect(coveringScope(ticked, 'account:all')).toBe('admin');
    expect(scopesToRegister(ticked)).toEqual(['admin']);
  });

  it('registers in the order of the catalogue, whatever the order of ticking', () => {
    const ticked = (['touchpoint:delete', 'account:read', 'user:read'] as Scope[]).reduce<Scope[]>((now, s) => toggleScope(now, s, true), []);
    expect(scopesToRegister(ticked)).toEqual(['account:read', 'user:read', 'touchpoint:delete']);
  });
});
