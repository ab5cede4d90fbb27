/**
 * The rules by which a granted scope covers a required one, and every decision taken
 * where Totango's article is silent or ambiguous. This file is the one place they are
 * written down; the mock, the client, the diagnostics and the UI all read it.
 */

/** Coverage rules, most specific first (the order breaks ties in `covers`). */
export const COVERAGE_RULES = ['exact', 'upsert', 'all', 'admin'] as const;
export type CoverageRule = (typeof COVERAGE_RULES)[number];

export const COVERAGE_RULE_TEXT: Readonly<Record<CoverageRule, string>> = Object.freeze({
  exact: 'the granted scope is the required scope',
  upsert: '{entity}:upsert covers {entity}:create and {entity}:update ("combines update & create scopes")',
  all: '{entity}:all covers every scope of its entity ("has access for all operations and scopes in the entity")',
  admin: 'admin covers every scope ("has access to all scopes")',
});

export interface ScopeDecision {
  readonly question: string;
  readonly decision: string;
  readonly reason: string;
}

/** Where the article is ambiguous: what this product decided, and why. */
export const SCOPE_DECISIONS: readonly ScopeDecision[] = Object.freeze([
  {
    question: 'Does {entity}:definitions:upsert cover {entity}:definitions:read?',
    decision: 'No.',
    reason: 'The article states no implication between the two definitions scopes; the only combined scope it names is upsert = create + update, which are data operations.',
  },
  {
    question: 'Does {entity}:upsert cover {entity}:definitions:upsert, or {entity}:read cover {entity}:definitions:read?',
    decision: 'No.',
    reason: 'Definitions scopes are a separate family ("access to read/update definitions"); the article never folds them into the data scopes.',
  },
  {
    question: 'Does {entity}:all cover the definitions scopes of its entity?',
    decision: 'Yes.',
    reason: 'The article says {entity}:all "has access for all operations and scopes in the entity"; the definitions scopes are scopes in the entity.',
  },
  {
    question: 'Do {entity}:create and {entity}:update held together cover {entity}:upsert?',
    decision: 'No.',
    reason: 'The article says upsert combines create and update, which makes upsert the wider scope; it does not say the two narrower scopes add up to it. Coverage is decided one granted scope at a time.',
  },
  {
    question: 'Does any scope cover {entity}:read except exact, all and admin (for example upsert or delete)?',
    decision: 'No.',
    reason: 'No statement in the article; write access does not imply read access.',
  },
  {
    question: 'Is the admin scope written "admin" or "{admin}"?',
    decision: '"admin".',
    reason: 'The article writes {admin} in a list where braces mark placeholders; admin has no placeholder, so the braces are taken as typography.',
  },
  {
    question: 'Which scopes may an application pick?',
    decision: 'Every scope that some catalogued API requires, {entity}:all for each entity, and admin.',
    reason: 'The article describes the pattern but lists no menu; offering scopes that no API requires (account:create, say) would only mislead. The grammar still parses every {entity}:{operation} string, so a pasted token holding one is explained, not rejected.',
  },
  {
    question: 'May a token request ask for a scope that the application holds only through a wider one (account:read when it holds account:all)?',
    decision: 'Yes; the token is granted exactly the scope asked for.',
    reason: 'Requested scopes must be a subset of what the app may do (RFC 6749 §3.3); asking for less than the registration allows is what least privilege looks like.',
  },
]);
