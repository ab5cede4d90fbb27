/**
 * Least privilege: the smallest set of scopes that covers the endpoints an integration
 * needs (each endpoint's exact required scope, deduplicated: an exact scope never grants
 * more than the call needs, where `{entity}:all` or `admin` would), and warnings when
 * an application holds more than that.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.3 (privilege restriction)
 */
import { CATALOGUE, type CatalogueEndpoint, type EndpointId } from '../../../shared/catalogue';
import { covers, parseScope, type Scope } from '../../../shared/scopes';
import { catalogueEndpoint } from '../calls/catalogue-request';

export interface NeededScope {
  readonly scope: Scope;
  /** The needed endpoints that require it, in catalogue order. */
  readonly endpointIds: readonly EndpointId[];
}

export type PrivilegeWarningKind = 'admin' | 'entity_all' | 'unused';

export interface PrivilegeWarning {
  readonly kind: PrivilegeWarningKind;
  readonly scope: string;
  readonly message: string;
}

export interface ScopeReview {
  /** The least-privilege scopes for the needed endpoints. */
  readonly needed: readonly Scope[];
  /** Needed scopes the granted set does not cover. */
  readonly missing: readonly Scope[];
  readonly warnings: readonly PrivilegeWarning[];
}

/** The exact scopes the endpoints require, each once, in catalogue order, with the endpoints behind each. */
export function neededScopes(endpointIds: readonly string[]): NeededScope[] {
  const wanted = new Set(endpointIds.map((id) => catalogueEndpoint(id).id));
  const byScope = new Map<Scope, EndpointId[]>();
  for (const endpoint of CATALOGUE) {
    if (!wanted.has(endpoint.id)) continue;
    const list = byScope.get(endpoint.requiredScope) ?? [];
    list.push(endpoint.id);
    byScope.set(endpoint.requiredScope, list);
  }
  return [...byScope].map(([scope, ids]) => ({ scope, endpointIds: ids }));
}

/** The smallest set of scopes that covers the endpoints: their exact required scopes, deduplicated. */
export function leastPrivilegeScopes(endpointIds: readonly string[]): Scope[] {
  return neededScopes(endpointIds).map((n) => n.scope);
}

/**
 * Compares a granted set with what the endpoints need: what is missing, and a warning
 * for `admin`, for each `{entity}:all`, and for each other scope that covers nothing needed.
 */
export function reviewScopes(granted: readonly string[], endpointIds: readonly string[]): ScopeReview {
  const needed = leastPrivilegeScopes(endpointIds);
  const missing = needed.filter((scope) => !covers(granted, scope).covered);
  const warnings: PrivilegeWarning[] = [];
  for (const scope of new Set(granted)) {
    const parsed = parseScope(scope);
    if (!parsed.ok) continue;
    const value = parsed.value;
    const coveredHere = needed.filter((n) => covers([scope], n).covered);
    if (value.kind === 'admin') {
      warnings.push({ kind: 'admin', scope, message: `"admin" grants every scope; ${needOnly(needed)}` });
    } else if (value.kind === 'operation' && value.operation === 'all') {
      const ofEntity = needed.filter((n) => entityOf(n) === value.entity);
      warnings.push({ kind: 'entity_all', scope, message: `"${scope}" grants every operation on its entity; ${needOnly(ofEntity, value.entity)}` });
    } else if (coveredHere.length === 0) {
      warnings.push({ kind: 'unused', scope, message: `"${scope}" covers none of the endpoints the integration needs; remove it` });
    }
  }
  return { needed, missing, warnings };
}

function needOnly(scopes: readonly Scope[], entity?: string): string {
  if (scopes.length === 0) return entity === undefined ? 'the integration needs no scope' : `the integration needs no ${entity} scope`;
  return `the integration needs only ${scopes.map((s) => `"${s}"`).join(', ')}`;
}

function entityOf(scope: Scope): string | undefined {
  const parsed = parseScope(scope);
  return parsed.ok && parsed.value.kind !== 'admin' ? parsed.value.entity : undefined;
}

/** Every catalogued endpoint a granted set covers, for "what can this app do?". */
export function coveredEndpoints(granted: readonly string[]): CatalogueEndpoint[] {
  return CATALOGUE.filter((endpoint) => covers(granted, endpoint.requiredScope).covered);
}
