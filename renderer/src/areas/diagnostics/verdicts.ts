/**
 * How each verdict of the matrix reads on screen: its words, its colour (Mantine colour
 * names, so both themes work) and what it means.
 */
import type { MatrixRowView } from '../../../../shared/contract/client-schemas';

export type Verdict = MatrixRowView['verdict'];

export const VERDICTS: readonly Verdict[] = Object.freeze(['pass', 'fail', 'mismatch', 'error', 'skipped']);

export interface VerdictLook {
  readonly label: string;
  readonly color: string;
  /** One sentence for the summary cards and the badge's tooltip. */
  readonly meaning: string;
}

export const VERDICT_LOOK: Readonly<Record<Verdict, VerdictLook>> = Object.freeze({
  pass: { label: 'Pass', color: 'green', meaning: 'The scopes allow the call and the server let it through.' },
  fail: { label: 'Fail', color: 'red', meaning: 'No granted scope covers the call, and the server refused it, as predicted.' },
  mismatch: { label: 'Mismatch', color: 'orange', meaning: 'The server disagrees with the scope rules: worth a support ticket.' },
  error: { label: 'Error', color: 'grape', meaning: 'The call did not get an answer about scopes (401, 429, 5xx or no response).' },
  skipped: { label: 'Skipped', color: 'gray', meaning: 'Not sent: a write or delete on a real tenant that was not confirmed.' },
});

/** What the server answered, in a few characters: `403 insufficient_scope`, `200`, `not sent`. */
export function serverAnswer(row: MatrixRowView): string {
  if (row.actual === null) return row.verdict === 'skipped' ? 'not sent' : 'no response';
  return row.actual.error === undefined ? String(row.actual.status) : `${row.actual.status} ${row.actual.error}`;
}

export function countVerdicts(rows: readonly MatrixRowView[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { pass: 0, fail: 0, mismatch: 0, error: 0, skipped: 0 };
  for (const row of rows) counts[row.verdict] += 1;
  return counts;
}
