/**
 * The scope diagnostics: every catalogued endpoint called with the current token, and a
 * matrix of what the scopes predict against what the server answered (see `verdict.ts`
 * for pass, fail, mismatch and error). Calls run with bounded concurrency; writes and
 * deletes against a real target run only when confirmed (`write-policy.ts`); updates
 * and deletes act on what the run itself created (`dependent-calls.ts`).
 *
 * @see the team's DESIGN.md, "The client side" (the diagnostics matrix)
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1 (the errors the matrix reads)
 */
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { CATALOGUE, type CatalogueEndpoint, type EndpointId } from '../../../shared/catalogue';
import { callEndpoint, type ApiCallResult } from '../calls/api-caller';
import { catalogueEndpoint, type CatalogueRequest } from '../calls/catalogue-request';
import { exampleRequest } from '../calls/example-requests';
import type { ExchangeSink } from '../http/exchange';
import type { LabFetch } from '../http/recording-fetch';
import { mapBounded } from './bounded-pool';
import { phasesOf, withSourceResult } from './dependent-calls';
import { countVerdicts, judgedRow, rowOf, type DiagnosticsMatrix, type MatrixRow } from './matrix';
import { judgeSkipped } from './verdict';
import { decideRuns, type ConfirmEndpoint, type TargetKind } from './write-policy';

export type { ActualResult, DiagnosticsMatrix, MatrixRow } from './matrix';

export interface DiagnoseOptions {
  readonly target: { readonly kind: TargetKind; readonly apiBaseUrl: string };
  readonly accessToken: string;
  /** The scopes the token holds (its `scope` claim, or the token response's `scope`). */
  readonly grantedScopes: readonly string[];
  readonly fetch?: LabFetch;
  readonly dispatcher?: Dispatcher;
  readonly sink?: ExchangeSink;
  /** Asked for each write or delete against a real target; without it, none runs there. */
  readonly confirm?: ConfirmEndpoint;
  /** The endpoints to run (default: the whole catalogue). */
  readonly endpointIds?: readonly EndpointId[];
  /** Edited requests to send instead of the examples. */
  readonly requests?: Readonly<Partial<Record<EndpointId, CatalogueRequest>>>;
  /** Calls in flight at once (default 8). */
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  readonly now?: () => number;
  /** Told of each row as soon as it is judged, for a window that fills the matrix live. */
  readonly onRow?: (row: MatrixRow) => void;
}

/** Runs the diagnostics; rows come back in catalogue order. */
export async function diagnose(options: DiagnoseOptions): Promise<DiagnosticsMatrix> {
  const now = options.now ?? Date.now;
  const startedAt = new Date(now()).toISOString();
  const t0 = performance.now();
  const wanted = new Set((options.endpointIds ?? CATALOGUE.map((e) => e.id)).map((id) => catalogueEndpoint(id).id));
  const endpoints = CATALOGUE.filter((e) => wanted.has(e.id));
  const decisions = await decideRuns(endpoints, options.target.kind, options.confirm);
  const rows = new Map<EndpointId, MatrixRow>();
  const results = new Map<EndpointId, ApiCallResult>();
  const emit = (row: MatrixRow) => {
    rows.set(row.endpointId, row);
    options.onRow?.(row);
  };
  for (const endpoint of endpoints) {
    const decision = decisions.get(endpoint.id);
    if (decision?.run === false) emit(rowOf(endpoint, judgeSkipped(endpoint, options.grantedScopes, decision.reason), null));
  }
  const runnable = endpoints.filter((e) => decisions.get(e.id)?.run === true).map((e) => e.id);
  for (const phase of phasesOf(runnable)) {
    await mapBounded(phase, options.concurrency ?? 8, async (id) => {
      const request = withSourceResult(options.requests?.[id] ?? exampleRequest(id), options.requests?.[id] === undefined ? results : new Map());
      const result = await callEndpoint(request, {
        baseUrl: options.target.apiBaseUrl,
        accessToken: options.accessToken,
        purpose: `diagnostics: ${id}`,
        now,
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
        ...(options.sink === undefined ? {} : { sink: options.sink }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      });
      results.set(id, result);
      const endpoint = endpoints.find((e) => e.id === id) as CatalogueEndpoint;
      emit(judgedRow(endpoint, options.grantedScopes, result, now()));
    });
  }
  const ordered = endpoints.map((e) => rows.get(e.id)).filter((row): row is MatrixRow => row !== undefined);
  return {
    startedAt,
    durationMs: Math.round(performance.now() - t0),
    target: { ...options.target },
    grantedScopes: [...options.grantedScopes],
    rows: ordered,
    counts: countVerdicts(ordered),
  };
}
