/** The scopes an application may pick when it is registered, grouped by entity. */
import { CATALOGUE } from './catalogue';
import { ENTITIES, entityLabel, parseScope, type Entity, type Scope } from './scopes';

export interface ScopeGroup {
  readonly entity: Entity;
  readonly label: string;
  /** The entity's selectable scopes, `{entity}:all` last. */
  readonly scopes: readonly Scope[];
}

function entityOf(scope: Scope): Entity | undefined {
  const parsed = parseScope(scope);
  return parsed.ok && parsed.value.kind !== 'admin' ? parsed.value.entity : undefined;
}

export const SCOPE_GROUPS: readonly ScopeGroup[] = Object.freeze(
  ENTITIES.map((entity) => {
    const required = [...new Set(CATALOGUE.map((e) => e.requiredScope).filter((s) => entityOf(s) === entity))];
    const all: Scope = `${entity}:all`;
    return Object.freeze({ entity, label: entityLabel(entity), scopes: Object.freeze([...required, all]) });
  }),
);

/** Every scope an application may be registered with. */
export const SELECTABLE_SCOPES: readonly Scope[] = Object.freeze([...SCOPE_GROUPS.flatMap((g) => g.scopes), 'admin' as const]);

export function isSelectableScope(scope: string): scope is Scope {
  return (SELECTABLE_SCOPES as readonly string[]).includes(scope);
}
