/**
 * The live request log's state, as a reducer: the history `mock.requests` returns on
 * mount and the `mock.request` events after it, merged by sequence number (either may
 * arrive first), newest first, capped. While paused, new requests wait aside and join
 * the view on resume; "clear" empties the view and ignores anything older than it.
 */
import type { MockRequestView } from '../../../../shared/contract/mock-schemas';

/** The most requests the view keeps (the mock itself keeps 1000). */
export const LOG_CAPACITY = 500;

export interface RequestLogState {
  /** Newest first. */
  readonly entries: readonly MockRequestView[];
  /** Arrived while paused, newest first. */
  readonly waiting: readonly MockRequestView[];
  readonly paused: boolean;
  /** Until the history has answered (or failed). */
  readonly loading: boolean;
  /** Requests up to this sequence number were cleared from the view. */
  readonly clearedThrough: number;
}

export type RequestLogAction =
  | { readonly type: 'loaded'; readonly requests: readonly MockRequestView[] }
  | { readonly type: 'loadFailed' }
  | { readonly type: 'arrived'; readonly request: MockRequestView }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'clear' };

export const INITIAL_REQUEST_LOG: RequestLogState = Object.freeze({ entries: [], waiting: [], paused: false, loading: true, clearedThrough: 0 });

/** `incoming` joined to `entries`: newest first, one row per sequence number, at most `LOG_CAPACITY`. */
export function mergeRequests(entries: readonly MockRequestView[], incoming: readonly MockRequestView[], clearedThrough = 0): MockRequestView[] {
  const bySeq = new Map<number, MockRequestView>();
  for (const request of [...entries, ...incoming]) if (request.seq > clearedThrough) bySeq.set(request.seq, request);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, LOG_CAPACITY);
}

export function requestLogReducer(state: RequestLogState, action: RequestLogAction): RequestLogState {
  switch (action.type) {
    case 'loaded':
      return { ...state, loading: false, entries: mergeRequests(state.entries, action.requests, state.clearedThrough) };
    case 'loadFailed':
      return { ...state, loading: false };
    case 'arrived':
      if (action.request.seq <= state.clearedThrough) return state;
      return state.paused ? { ...state, waiting: mergeRequests(state.waiting, [action.request]) } : { ...state, entries: mergeRequests(state.entries, [action.request]) };
    case 'pause':
      return { ...state, paused: true };
    case 'resume':
      return { ...state, paused: false, waiting: [], entries: mergeRequests(state.entries, state.waiting, state.clearedThrough) };
    case 'clear': {
      const newest = Math.max(state.clearedThrough, state.entries[0]?.seq ?? 0, state.waiting[0]?.seq ?? 0);
      return { ...state, entries: [], waiting: [], clearedThrough: newest };
    }
  }
}

export type ServerFilter = 'all' | MockRequestView['server'];
export type StatusFilter = 'all' | 'success' | 'client-error' | 'server-error';

export const SERVER_FILTERS: readonly { readonly value: ServerFilter; readonly label: string }[] = [
  { value: 'all', label: 'All servers' },
  { value: 'us', label: 'US region' },
  { value: 'eu', label: 'EU region' },
  { value: 'admin', label: 'Admin API' },
];

export const STATUS_FILTERS: readonly { readonly value: StatusFilter; readonly label: string }[] = [
  { value: 'all', label: 'Any status' },
  { value: 'success', label: 'Success (below 400)' },
  { value: 'client-error', label: 'Client errors (4xx)' },
  { value: 'server-error', label: 'Server errors (5xx)' },
];

export function matchesFilters(request: MockRequestView, server: ServerFilter, status: StatusFilter): boolean {
  if (server !== 'all' && request.server !== server) return false;
  if (status === 'success') return request.status < 400;
  if (status === 'client-error') return request.status >= 400 && request.status < 500;
  if (status === 'server-error') return request.status >= 500;
  return true;
}

export const SERVER_LABELS: Readonly<Record<MockRequestView['server'], string>> = Object.freeze({ admin: 'Admin', us: 'US', eu: 'EU' });
