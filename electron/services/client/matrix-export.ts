/**
 * The diagnostics matrix as a file: JSON as the contract carries it, or CSV (RFC 4180)
 * with a header row and one row per endpoint, for a spreadsheet or a support ticket.
 * Cells a spreadsheet would read as a formula are prefixed with a quote.
 *
 * @see https://www.rfc-editor.org/rfc/rfc4180
 */
import type { MatrixView } from '../../../shared/contract/client-schemas';
import type { FileExport } from '../../../shared/contract/mock-schemas';

export const MATRIX_CSV_HEADER = ['endpoint', 'method', 'path', 'required scope', 'covered by', 'rule', 'predicted', 'status', 'verdict', 'fix', 'cause'] as const;

function cell(value: string): string {
  // A leading =, +, - or @ makes spreadsheets evaluate the cell (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function statusText(row: MatrixView['rows'][number]): string {
  if (row.actual === null) return row.verdict === 'skipped' ? 'not sent' : 'no response';
  return row.actual.error === undefined ? String(row.actual.status) : `${row.actual.status} ${row.actual.error}`;
}

export function matrixCsv(matrix: MatrixView): string {
  const lines = [MATRIX_CSV_HEADER.join(',')];
  for (const row of matrix.rows) {
    const values = [
      row.endpointId,
      row.method,
      row.path,
      row.requiredScope,
      row.coveredBy?.scope ?? '',
      row.coveredBy?.rule ?? '',
      row.predicted,
      statusText(row),
      row.verdict,
      row.fix?.text ?? '',
      row.cause === undefined ? (row.verdict === 'skipped' ? row.note : '') : `${row.cause.summary}: ${row.cause.action}`,
    ];
    lines.push(values.map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function stamp(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

export function matrixExport(matrix: MatrixView, format: 'json' | 'csv'): FileExport {
  const base = `diagnostics-${stamp(matrix.startedAt)}`;
  return format === 'csv'
    ? { fileName: `${base}.csv`, mediaType: 'text/csv; charset=utf-8', encoding: 'utf8', content: matrixCsv(matrix) }
    : { fileName: `${base}.json`, mediaType: 'application/json', encoding: 'utf8', content: `${JSON.stringify(matrix, null, 2)}\n` };
}
