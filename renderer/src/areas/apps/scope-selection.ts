/**
 * The scopes the person ticks, and what the scope model says they cover: `{entity}:all`
 * covers every other scope of its entity, `{entity}:upsert` its create and update, and
 * `admin` everything (shared/scopes.ts `covers()`). A covered scope shows ticked and
 * locked; only the scopes nothing else covers are registered.
 */
import { SCOPE_GROUPS, SELECTABLE_SCOPES } from '../../../../shared/scope-choices';
import { covers, type Scope } from '../../../../shared/scopes';

export { SCOPE_GROUPS };

/** The ticked scope that covers `scope`, other than itself, when one does. */
export function coveringScope(ticked: readonly Scope[], scope: Scope): Scope | undefined {
  const others = ticked.filter((s) => s !== scope);
  const coverage = covers(others, scope);
  return coverage.covered ? coverage.by : undefined;
}

/** Ticks or unticks a scope; ticking `admin` or an `:all` keeps the others, shown covered. */
export function toggleScope(ticked: readonly Scope[], scope: Scope, on: boolean): Scope[] {
  const next = on ? [...new Set([...ticked, scope])] : ticked.filter((s) => s !== scope);
  return SELECTABLE_SCOPES.filter((s) => next.includes(s));
}

/** What to register: the ticked scopes nothing else ticked covers, in the catalogue's order. */
export function scopesToRegister(ticked: readonly Scope[]): Scope[] {
  return SELECTABLE_SCOPES.filter((s) => ticked.includes(s) && coveringScope(ticked, s) === undefined);
}
