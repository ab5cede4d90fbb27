/**
 * The diagnostics matrix: one row per endpoint (required scope, the granted scope that
 * covers it and by which rule, the prediction, the server's answer, the verdict, the fix
 * or the cause), and how a call's result becomes a row.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3 (the WWW-Authenticate challenge kept in each row)
 */
import type { CatalogueEndpoint, EndpointId } from '../../../shared/catalogue';
import type { Scope } from '../../../shared/scopes';
import type { ApiCallResult } from '../calls/api-caller';
import type { FailureCause } from './failure-causes';
import { readOAuthError } from './oauth-error-response';
import { judge, judgeNoResponse, type Coverage, type Judgement, type Prediction, type ScopeFix, type Verdict } from './verdict';
import type { TargetKind } from './write-policy';

export interface ActualResult {
  readonly status: number;
  readonly error?: string;
  readonly errorDescription?: string;
  readonly wwwAuthenticate?: string;
  readonly durationMs: number;
}

export interface MatrixRow {
  readonly endpointId: EndpointId;
  readonly method: string;
  readonly path: string;
  readonly effect: CatalogueEndpoint['effect'];
  readonly requiredScope: Scope;
  /** The granted scope that covers the required one, and by which rule; null when none does. */
  readonly coveredBy: Coverage | null;
  readonly predicted: Prediction;
  /** What the server answered; null when skipped or when no response came. */
  readonly actual: ActualResult | null;
  readonly verdict: Verdict;
  /** One line, in words. */
  readonly note: string;
  readonly fix?: ScopeFix;
  readonly cause?: FailureCause;
  /** The recorded exchange behind the row. */
  readonly exchangeId?: string;
}

export interface DiagnosticsMatrix {
  readonly startedAt: string;
  readonly durationMs: number;
  readonly target: { readonly kind: TargetKind; readonly apiBaseUrl: string };
  readonly grantedScopes: readonly string[];
  readonly rows: readonly MatrixRow[];
  readonly counts: Readonly<Record<Verdict, number>>;
}

export function judgedRow(endpoint: CatalogueEndpoint, granted: readonly string[], result: ApiCallResult, now: number): MatrixRow {
  const response = result.response;
  if (response === undefined) {
    return rowOf(endpoint, judgeNoResponse(endpoint, granted, result.failure ?? { code: 'network', summary: 'no response', action: 'retry' }), null);
  }
  const observed = { status: response.status, headers: response.headers, body: response.body };
  const judgement = judge(endpoint, granted, observed, now);
  const oauth = readOAuthError(observed);
  const actual: ActualResult = {
    status: response.status,
    durationMs: result.durationMs,
    ...(oauth.error === undefined ? {} : { error: oauth.error }),
    ...(oauth.errorDescription === undefined ? {} : { errorDescription: oauth.errorDescription }),
    ...(oauth.wwwAuthenticate === undefined ? {} : { wwwAuthenticate: oauth.wwwAuthenticate }),
  };
  return rowOf(endpoint, judgement, actual, result.exchange?.id);
}

export function rowOf(endpoint: CatalogueEndpoint, judgement: Judgement, actual: ActualResult | null, exchangeId?: string): MatrixRow {
  return {
    endpointId: endpoint.id as EndpointId,
    method: endpoint.method,
    path: endpoint.path,
    effect: endpoint.effect,
    requiredScope: endpoint.requiredScope,
    coveredBy: judgement.coveredBy,
    predicted: judgement.predicted,
    actual,
    verdict: judgement.verdict,
    note: judgement.note,
    ...(judgement.fix ? { fix: judgement.fix } : {}),
    ...(judgement.cause ? { cause: judgement.cause } : {}),
    ...(exchangeId === undefined ? {} : { exchangeId }),
  };
}

export function countVerdicts(rows: readonly MatrixRow[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { pass: 0, fail: 0, mismatch: 0, error: 0, skipped: 0 };
  for (const row of rows) counts[row.verdict] += 1;
  return counts;
}
