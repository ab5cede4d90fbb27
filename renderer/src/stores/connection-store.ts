/**
 * The state of the link to the Lab, for the header's badge: fed by the transport's own
 * connection events, never guessed from failed calls.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionSource, ConnectionState } from '../contract/lab-client';

export interface ConnectionStoreState {
  readonly state: ConnectionState;
  /** The last reason the link went down; kept after it comes back, for the badge's tooltip. */
  readonly lastError: string | null;
  /** Whether the link was up at least once (a drop after that is a reconnection). */
  readonly everConnected: boolean;
}

export interface ConnectionStore extends StoreApi<ConnectionStoreState> {
  /** Stops following the transport. */
  dispose(): void;
}

export function createConnectionStore(source: ConnectionSource): ConnectionStore {
  const initial = source.current();
  const store = createStore<ConnectionStoreState>()(() => ({
    state: initial.state,
    lastError: initial.error ?? null,
    everConnected: initial.state === 'connected',
  }));
  const unsubscribe = source.subscribe((status) => {
    store.setState((previous) => ({
      state: status.state,
      lastError: status.error ?? previous.lastError,
      everConnected: previous.everConnected || status.state === 'connected',
    }));
  });
  return Object.assign(store, { dispose: unsubscribe });
}
