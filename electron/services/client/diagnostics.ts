/**
 * The `diagnostics` service: every catalogued endpoint called with the current token on
 * the selected target, each row published as a `diagnostics.row` event as soon as it is
 * judged, and the matrix kept for `last`, `export` and repro bundles. Against the mock
 * everything runs; against a real tenant reads run, and writes and deletes only when
 * the user confirmed each (`confirmedWrites`); the others come back skipped.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1 (the errors the matrix reads)
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.3 (least privilege)
 */
import { randomUUID } from 'node:crypto';
import type { ContractHandlers } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import type { MatrixRowView, MatrixView } from '../../../shared/contract/client-schemas';
import { diagnose, type MatrixRow } from '../../client/diagnostics/diagnose';
import { neededScopes, reviewScopes } from '../../client/diagnostics/least-privilege';
import { NOT_CONFIRMED } from '../../client/diagnostics/write-policy';
import { ServiceError } from '../service-error';
import { requireToken } from './calls';
import { matrixExport } from './matrix-export';
import type { ClientSession } from './session-state';
import { withDispatcher } from './target-registry';

type DiagnosticsHandlers = ContractHandlers<LabContract>['diagnostics'];

function rowView(row: MatrixRow, targetKey: string): MatrixRowView {
  const note = row.verdict === 'skipped' && row.note === NOT_CONFIRMED ? `${NOT_CONFIRMED}: a ${row.effect} on the real tenant of "${targetKey}" runs only when confirmed ("confirmedWrites")` : row.note;
  return {
    endpointId: row.endpointId,
    method: row.method,
    path: row.path,
    effect: row.effect,
    requiredScope: row.requiredScope,
    coveredBy: row.coveredBy === null ? null : { ...row.coveredBy },
    predicted: row.predicted,
    actual: row.actual === null ? null : { ...row.actual },
    verdict: row.verdict,
    note,
    ...(row.fix === undefined ? {} : { fix: { addScope: row.fix.addScope, widerOptions: [...row.fix.widerOptions], text: row.fix.text } }),
    ...(row.cause === undefined ? {} : { cause: { ...row.cause } }),
    ...(row.exchangeId === undefined ? {} : { exchangeId: row.exchangeId }),
  };
}

export function diagnosticsHandlers(session: ClientSession): DiagnosticsHandlers {
  const { context } = session;
  return {
    async run({ endpointIds, confirmedWrites }) {
      const token = requireToken(session);
      const targetKey = session.selectedTarget;
      const connection = await session.targets.connect(targetKey);
      const runId = randomUUID();
      const confirmed = new Set<string>(confirmedWrites);
      const matrix = await diagnose({
        target: { kind: connection.kind, apiBaseUrl: connection.apiBaseUrl },
        accessToken: token.accessToken,
        grantedScopes: token.scopes,
        sink: session.timeline.sinkFor(token.clientId),
        confirm: (endpoint) => confirmed.has(endpoint.id),
        onRow: (row) => context.events.emit('diagnostics.row', { runId, row: rowView(row, targetKey) }),
        ...withDispatcher(connection.dispatcher),
        ...(endpointIds === undefined ? {} : { endpointIds }),
      });
      const view: MatrixView = {
        runId,
        startedAt: matrix.startedAt,
        durationMs: matrix.durationMs,
        target: { ...matrix.target },
        grantedScopes: [...matrix.grantedScopes],
        rows: matrix.rows.map((row) => rowView(row, targetKey)),
        counts: { ...matrix.counts },
      };
      session.lastDiagnostics = { view, matrix, clientId: token.clientId };
      return view;
    },
    async last() {
      return { matrix: session.lastDiagnostics?.view ?? null };
    },
    async leastPrivilege({ endpointIds, grantedScopes }) {
      const granted = grantedScopes ?? session.currentToken?.scopes ?? [];
      const review = reviewScopes(granted, endpointIds);
      return {
        needed: neededScopes(endpointIds).map((n) => ({ scope: n.scope, endpointIds: [...n.endpointIds] })),
        missing: [...review.missing],
        warnings: review.warnings.map((w) => ({ ...w })),
      };
    },
    async export({ format }) {
      const matrix = session.lastDiagnostics?.view;
      if (matrix === undefined) throw new ServiceError('not_found', 'no diagnostics to export: run "diagnostics.run" first');
      return matrixExport(matrix, format);
    },
  };
}
