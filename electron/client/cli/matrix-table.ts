/**
 * The diagnostics matrix as a terminal table: one line per endpoint, the verdict
 * coloured when the terminal supports it (pass green, fail red with the missing scope,
 * mismatch yellow, error magenta, skipped dim), plain text otherwise.
 *
 * @see https://no-color.org
 */
import type { DiagnosticsMatrix, MatrixRow } from '../diagnostics/diagnose';
import type { Verdict } from '../diagnostics/verdict';

const COLORS: Readonly<Record<Verdict, string>> = { pass: '32', fail: '31', mismatch: '33', error: '35', skipped: '2' };

/** Whether to colour: an explicit choice wins, then NO_COLOR / FORCE_COLOR, then whether the stream is a terminal. */
export function useColor(explicit: boolean | undefined, stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  if (explicit !== undefined) return explicit;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function actualText(row: MatrixRow): string {
  if (row.actual === null) return row.verdict === 'skipped' ? '-' : 'no response';
  return `${row.actual.status}${row.actual.error === undefined ? '' : ` ${row.actual.error}`}`;
}

function coveredText(row: MatrixRow): string {
  return row.coveredBy === null ? 'none' : `${row.coveredBy.scope} (${row.coveredBy.rule})`;
}

/** What the last column says: the fix for a failure, the cause for an error, the note otherwise. */
function detailText(row: MatrixRow): string {
  if (row.verdict === 'fail' && row.fix) return `missing ${row.fix.addScope}; ${row.fix.text}`;
  if (row.verdict === 'error' && row.cause) return `${row.cause.summary}: ${row.cause.action}${row.cause.serverDescription === undefined ? '' : ` (server: ${row.cause.serverDescription})`}`;
  return row.note;
}

export function renderMatrix(matrix: DiagnosticsMatrix, color: boolean): string {
  const header = ['verdict', 'endpoint', 'method', 'required scope', 'covered by', 'predicted', 'actual', 'detail'];
  const cells = matrix.rows.map((row) => [row.verdict, row.endpointId, row.method, row.requiredScope, coveredText(row), row.predicted, actualText(row), detailText(row)]);
  const widths = header.slice(0, -1).map((title, i) => Math.max(title.length, ...cells.map((line) => (line[i] ?? '').length)));
  const pad = (line: readonly string[]) => line.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ');
  const lines = [pad(header), pad(widths.map((w) => '-'.repeat(w)).concat('------'))];
  matrix.rows.forEach((row, i) => {
    const line = pad(cells[i] ?? []);
    const verdictWidth = widths[0] ?? 0;
    lines.push(`${paint(row.verdict.padEnd(verdictWidth), COLORS[row.verdict], color)}${line.slice(verdictWidth)}`);
  });
  const c = matrix.counts;
  const summary = `${c.pass} pass, ${c.fail} fail, ${c.mismatch} mismatch, ${c.error} error, ${c.skipped} skipped, in ${matrix.durationMs} ms against ${matrix.target.apiBaseUrl} (${matrix.target.kind})`;
  lines.push('', summary, `granted scopes: ${matrix.grantedScopes.join(' ') || '(none)'}`);
  return `${lines.join('\n')}\n`;
}

/** Exit status of a diagnostic run: 0 when nothing failed (passes and skips only), 1 otherwise. */
export function matrixExitCode(matrix: DiagnosticsMatrix): number {
  const c = matrix.counts;
  return c.fail + c.mismatch + c.error > 0 ? 1 : 0;
}
