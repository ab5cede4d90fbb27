/**
 * Whether the current token's scopes cover an endpoint's required scope, and by which
 * rule (shared/scopes.ts `covers`), in the words of the explorer's badges.
 */
import { covers, type Scope } from '../../../../shared/scopes';

export type CoverageState = 'covered' | 'not-covered' | 'no-token';

export interface CoverageView {
  readonly state: CoverageState;
  /** "covered by touchpoint:all (all)", "not covered", "no token". */
  readonly text: string;
  readonly color: string;
}

/** `scopes` null: there is no current token. */
export function coverageOf(scopes: readonly string[] | null, required: Scope): CoverageView {
  if (scopes === null) return { state: 'no-token', text: 'no token', color: 'gray' };
  const coverage = covers(scopes, required);
  if (!coverage.covered || coverage.by === undefined) return { state: 'not-covered', text: 'not covered', color: 'red' };
  return { state: 'covered', text: `covered by ${coverage.by} (${coverage.rule ?? 'exact'})`, color: 'teal' };
}
