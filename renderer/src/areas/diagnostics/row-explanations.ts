/**
 * A matrix row in plain words: what happened, for the person who expands a failure.
 * The main process's `note` stays available as the precise version.
 */
import type { MatrixRowView } from '../../../../shared/contract/client-schemas';
import { serverAnswer } from './verdicts';

export function whatHappened(row: MatrixRowView): string {
  const call = `${row.method} ${row.path}`;
  switch (row.verdict) {
    case 'pass':
      return row.coveredBy === null
        ? `The server let ${call} through (${serverAnswer(row)}).`
        : `"${row.coveredBy.scope}" covers "${row.requiredScope}" (${row.coveredBy.ruleText}), and the server let the call through (${serverAnswer(row)}).`;
    case 'fail':
      return `The token holds no scope that covers "${row.requiredScope}", which ${call} requires, so the server refused it with ${serverAnswer(row)}, as the scope rules predicted.`;
    case 'mismatch':
      return `The server and the scope rules disagree about ${call}: ${row.note}.`;
    case 'error':
      return row.cause === undefined ? `The call got no answer about scopes: ${row.note}.` : `${capitalise(row.cause.summary)}.`;
    case 'skipped':
      return `Not sent: ${call} is a ${row.effect} on a real tenant, and it was not among the endpoints confirmed before the run.`;
  }
}

/** What to try next when the fix is not a scope (an error's cause), if the row says. */
export function nextStep(row: MatrixRowView): string | undefined {
  return row.cause === undefined ? undefined : `${capitalise(row.cause.action)}${/[.!?]$/.test(row.cause.action) ? '' : '.'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
