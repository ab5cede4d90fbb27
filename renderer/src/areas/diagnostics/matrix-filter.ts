/**
 * Which rows of the matrix show: by verdict, by entity, and by a text that may be in the
 * endpoint's id, method, path, summary, required scope or covering scope.
 */
import type { MatrixRowView } from '../../../../shared/contract/client-schemas';
import type { Entity } from '../../../../shared/scopes';
import { endpointById, entityOfEndpoint } from './endpoint-groups';
import type { Verdict } from './verdicts';

export interface MatrixFilter {
  readonly verdict: Verdict | 'all';
  readonly entity: Entity | 'all';
  readonly text: string;
}

export const NO_FILTER: MatrixFilter = Object.freeze({ verdict: 'all', entity: 'all', text: '' });

function searchable(row: MatrixRowView): string {
  const endpoint = endpointById(row.endpointId);
  return [row.endpointId, row.method, row.path, endpoint?.summary ?? '', endpoint?.documentation ?? '', row.requiredScope, row.coveredBy?.scope ?? ''].join(' ').toLowerCase();
}

export function matchesEntity(row: MatrixRowView, entity: MatrixFilter['entity']): boolean {
  if (entity === 'all') return true;
  const endpoint = endpointById(row.endpointId);
  return endpoint !== undefined && entityOfEndpoint(endpoint) === entity;
}

export function matchesText(row: MatrixRowView, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter((word) => word !== '');
  const haystack = searchable(row);
  return words.every((word) => haystack.includes(word));
}

/** The rows the entity and text filters keep, before the verdict: what the verdict counts count. */
export function rowsBeforeVerdict(rows: readonly MatrixRowView[], filter: MatrixFilter): MatrixRowView[] {
  return rows.filter((row) => matchesEntity(row, filter.entity) && matchesText(row, filter.text));
}

export function filterRows(rows: readonly MatrixRowView[], filter: MatrixFilter): MatrixRowView[] {
  return rowsBeforeVerdict(rows, filter).filter((row) => filter.verdict === 'all' || row.verdict === filter.verdict);
}
