/**
 * The verdict on one endpoint: what the granted scopes predict (shared `covers()`),
 * against what the server answered.
 *
 * - pass: predicted allowed, and the server let the call through: 2xx, or a 4xx that is
 *   not about authorization (400, 404, 409…: the request reached the endpoint's logic).
 * - fail: predicted denied, and the server said 403 `insufficient_scope` for the
 *   catalogue's scope. The fix names the exact scope to add, and the wider ones.
 * - mismatch: the server disagrees with the catalogue (predicted allowed but 403
 *   `insufficient_scope`; predicted denied but let through; another scope demanded; a
 *   405, or a 404 saying the route itself is unknown): worth a support ticket.
 * - error: anything else (401, 429, 5xx, network), with its cause in words.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
import type { CatalogueEndpoint } from '../../../shared/catalogue';
import { isSelectableScope } from '../../../shared/scope-choices';
import { COVERAGE_RULE_TEXT, type CoverageRule } from '../../../shared/scope-rules';
import { covers, parseScope, splitScopeParameter, type Scope } from '../../../shared/scopes';
import { explainResponse, type FailureCause } from './failure-causes';
import { readOAuthError, type ObservedResponse } from './oauth-error-response';

export type Verdict = 'pass' | 'fail' | 'mismatch' | 'error' | 'skipped';
export type Prediction = 'allowed' | 'denied';

export interface Coverage {
  readonly scope: Scope;
  readonly rule: CoverageRule;
  readonly ruleText: string;
}

/** The smallest scope change that would make a failure pass. */
export interface ScopeFix {
  /** The exact scope the endpoint requires: the least-privilege answer. */
  readonly addScope: Scope;
  /** Wider scopes that would also do (`{entity}:upsert`, `{entity}:all`, `admin`). */
  readonly widerOptions: readonly Scope[];
  readonly text: string;
}

export interface Judgement {
  readonly predicted: Prediction;
  readonly coveredBy: Coverage | null;
  readonly verdict: Verdict;
  readonly note: string;
  readonly fix?: ScopeFix;
  readonly cause?: FailureCause;
}

/** What the scopes predict for an endpoint, before any call. */
export function predict(endpoint: CatalogueEndpoint, granted: readonly string[]): { predicted: Prediction; coveredBy: Coverage | null } {
  const coverage = covers(granted, endpoint.requiredScope);
  if (!coverage.covered || coverage.by === undefined || coverage.rule === undefined) return { predicted: 'denied', coveredBy: null };
  return { predicted: 'allowed', coveredBy: { scope: coverage.by, rule: coverage.rule, ruleText: COVERAGE_RULE_TEXT[coverage.rule] } };
}

/**
 * The exact scope to add, and the wider ones that would cover it too. A wider option is
 * offered only when Totango lets an application pick it (`isSelectableScope`): the
 * scope model says `touchpoint:upsert` would cover `touchpoint:create`, but no
 * application can be registered with it, so suggesting it would send the user nowhere.
 */
export function scopeFix(required: Scope): ScopeFix {
  const parsed = parseScope(required);
  const candidates: Scope[] = [];
  if (parsed.ok && parsed.value.kind === 'operation' && (parsed.value.operation === 'create' || parsed.value.operation === 'update')) candidates.push(`${parsed.value.entity}:upsert`);
  if (parsed.ok && parsed.value.kind !== 'admin' && !(parsed.value.kind === 'operation' && parsed.value.operation === 'all')) candidates.push(`${parsed.value.entity}:all`);
  if (required !== 'admin') candidates.push('admin');
  const wider = candidates.filter((scope) => isSelectableScope(scope));
  const text = `add "${required}"${wider.length > 0 ? ` (wider options: ${wider.map((s) => `"${s}"`).join(', ')})` : ''}`;
  return { addScope: required, widerOptions: wider, text };
}

/** How a server says that it has no such route at all, as opposed to no such item. */
const UNKNOWN_ROUTE = /\bno (endpoint|route) at\b|\bunknown (path|route)\b/i;

/** A 4xx that shows the request was authorized and reached the endpoint's own logic. */
function reachedEndpoint(response: ObservedResponse, bearerError: string | undefined): boolean {
  if (response.status >= 200 && response.status < 300) return true;
  if (response.status < 400 || response.status >= 500) return false;
  if ([401, 403, 405, 407, 429].includes(response.status)) return false;
  return bearerError === undefined;
}

/** Judges one endpoint from the prediction and the server's answer. */
export function judge(endpoint: CatalogueEndpoint, granted: readonly string[], response: ObservedResponse, now?: number): Judgement {
  const { predicted, coveredBy } = predict(endpoint, granted);
  const base = { predicted, coveredBy };
  const oauth = readOAuthError(response);
  const bearerError = oauth.bearerChallenge ? oauth.error : undefined;
  const required = endpoint.requiredScope;
  const said = `HTTP ${response.status}${oauth.error === undefined ? '' : ` ${oauth.error}`}`;
  if (oauth.error === 'insufficient_scope' && response.status === 403) {
    const demanded = oauth.scope === undefined ? [] : splitScopeParameter(oauth.scope);
    if (demanded.length > 0 && !demanded.includes(required)) {
      return { ...base, verdict: 'mismatch', note: `the server demands "${oauth.scope}", the catalogue "${required}": worth a support ticket` };
    }
    if (predicted === 'allowed') {
      return { ...base, verdict: 'mismatch', note: `"${coveredBy?.scope}" covers "${required}" (${coveredBy?.rule}), yet the server answered 403 insufficient_scope: worth a support ticket` };
    }
    const fix = scopeFix(required);
    return { ...base, verdict: 'fail', note: `denied as predicted: missing "${required}"; ${fix.text}`, fix };
  }
  if (response.status === 405 || (response.status === 404 && UNKNOWN_ROUTE.test(oauth.errorDescription ?? ''))) {
    return { ...base, verdict: 'mismatch', note: `the server does not serve ${endpoint.method} ${endpoint.path} (${said}): worth a support ticket` };
  }
  if (reachedEndpoint(response, bearerError)) {
    if (predicted === 'denied') {
      return { ...base, verdict: 'mismatch', note: `no granted scope covers "${required}", yet the server let the call through (${said}): worth a support ticket` };
    }
    const reached = response.status < 300 ? `${said}` : `reached the endpoint (${said}${oauth.errorDescription === undefined ? '' : `: ${oauth.errorDescription}`})`;
    return { ...base, verdict: 'pass', note: `allowed by "${coveredBy?.scope}" (${coveredBy?.rule}): ${reached}` };
  }
  const cause = explainResponse(response, now);
  const fix = predicted === 'denied' ? scopeFix(required) : undefined;
  return { ...base, verdict: 'error', note: `${said}: ${cause?.summary ?? 'unexpected answer'}`, ...(cause ? { cause } : {}), ...(fix ? { fix } : {}) };
}

/** The judgement of a call that got no response at all. */
export function judgeNoResponse(endpoint: CatalogueEndpoint, granted: readonly string[], cause: FailureCause): Judgement {
  return { ...predict(endpoint, granted), verdict: 'error', note: cause.summary, cause };
}

/** The judgement of an endpoint the write policy kept from running. */
export function judgeSkipped(endpoint: CatalogueEndpoint, granted: readonly string[], reason: string): Judgement {
  return { ...predict(endpoint, granted), verdict: 'skipped', note: reason };
}
