/**
 * The diagnostics screen's state, kept per contract client so that a run goes on (and its
 * rows keep arriving) while the person looks at another area: the last complete matrix,
 * the run in progress with the rows its `diagnostics.row` events brought, and the HTTP
 * exchanges behind the rows (from `recorder.exchange` events, or the timeline once).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { CATALOGUE, type EndpointId } from '../../../../shared/catalogue';
import type { ExchangeView, MatrixRowView, MatrixView } from '../../../../shared/contract/client-schemas';
import type { LabClient } from '../../contract/lab-client';

/** How the main process names the exchanges of a run: `diagnostics: {endpointId}`. */
const DIAGNOSTICS_PURPOSE = 'diagnostics: ';

export interface RunInProgress {
  /** Learnt from the first row's event: rows of another run are not this one's. */
  readonly runId: string | null;
  /** How many rows the run will bring. */
  readonly expected: number;
  /** The rows judged so far, in the order they came. */
  readonly rows: readonly MatrixRowView[];
}

export interface DiagnosticsState {
  /** The last complete run, if any (`diagnostics.last` on first show, then each run's answer). */
  readonly matrix: MatrixView | null;
  /** Whether `diagnostics.last` has answered. */
  readonly lastLoaded: boolean;
  readonly running: RunInProgress | null;
  readonly exchanges: ReadonlyMap<string, ExchangeView>;
  loadLast(): Promise<void>;
  /** Runs every endpoint; `confirmedWrites` are the writes and deletes confirmed for a real tenant. */
  run(confirmedWrites: readonly EndpointId[]): Promise<MatrixView>;
  /** The recorded exchange behind a row; the timeline is read when it is not known yet (an older run, a missed event). */
  exchange(exchangeId: string): Promise<ExchangeView | undefined>;
}

export type DiagnosticsStore = StoreApi<DiagnosticsState>;

export function createDiagnosticsStore(client: LabClient): DiagnosticsStore {
  const store = createStore<DiagnosticsState>()((set, get) => ({
    matrix: null,
    lastLoaded: false,
    running: null,
    exchanges: new Map(),
    async loadLast() {
      try {
        const { matrix } = await client.diagnostics.last({});
        // A run that finished meanwhile is newer than what `last` read.
        set((state) => ({ matrix: state.matrix ?? matrix }));
      } finally {
        // Failed or not, the screen stops waiting (and offers to run).
        set({ lastLoaded: true });
      }
    },
    async run(confirmedWrites) {
      set({ running: { runId: null, expected: CATALOGUE.length, rows: [] } });
      try {
        const matrix = await client.diagnostics.run({ confirmedWrites: [...confirmedWrites] });
        set({ matrix, running: null, lastLoaded: true });
        return matrix;
      } catch (error) {
        set({ running: null });
        throw error;
      }
    },
    async exchange(exchangeId) {
      const known = get().exchanges.get(exchangeId);
      if (known !== undefined) return known;
      const { exchanges } = await client.recorder.timeline({});
      set((state) => {
        const merged = new Map(state.exchanges);
        for (const exchange of exchanges) if (exchange.purpose.startsWith(DIAGNOSTICS_PURPOSE)) merged.set(exchange.id, exchange);
        return { exchanges: merged };
      });
      return get().exchanges.get(exchangeId);
    },
  }));

  client.events.on('diagnostics.row', ({ runId, row }) => {
    const running = store.getState().running;
    if (running === null || (running.runId !== null && running.runId !== runId)) return;
    const rows = [...running.rows.filter((r) => r.endpointId !== row.endpointId), row];
    store.setState({ running: { ...running, runId, rows } });
  });
  client.events.on('recorder.exchange', (exchange) => {
    // Only the calls of diagnostics runs: the rows point at nothing else.
    if (!exchange.purpose.startsWith(DIAGNOSTICS_PURPOSE)) return;
    store.setState((state) => ({ exchanges: new Map(state.exchanges).set(exchange.id, exchange) }));
  });
  client.events.on('recorder.cleared', () => store.setState({ exchanges: new Map() }));
  return store;
}

const stores = new WeakMap<LabClient, DiagnosticsStore>();

/** The one diagnostics store of a client (created on first use, kept while the client lives). */
export function diagnosticsStoreOf(client: LabClient): DiagnosticsStore {
  let store = stores.get(client);
  if (store === undefined) {
    store = createDiagnosticsStore(client);
    stores.set(client, store);
  }
  return store;
}
