/** The diagnostics store of the window's contract client, for the screen's components. */
import { useStore } from 'zustand';
import { useLabStores } from '../../stores/lab-stores';
import { diagnosticsStoreOf, type DiagnosticsState, type DiagnosticsStore } from './diagnostics-store';

export function useDiagnosticsStore(): DiagnosticsStore {
  return diagnosticsStoreOf(useLabStores().client);
}

export function useDiagnostics<T>(selector: (state: DiagnosticsState) => T): T {
  return useStore(useDiagnosticsStore(), selector);
}
