/**
 * The tokens screen's state, kept per contract client so that it survives a visit to
 * another area: the open tab, the pasted text, and the last inspection of the current
 * and of the pasted token (each with the moment it arrived, where its countdown starts).
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabClient } from '../../contract/lab-client';
import { useLabStores } from '../../stores/lab-stores';
import type { CurrentTokenView } from '../../stores/workbench-store';
import type { TokenInspection } from './token-words';

export interface InspectedToken {
  readonly token: string;
  readonly inspection: TokenInspection;
  readonly inspectedAtMs: number;
}

export type TokensTab = 'current' | 'paste';

export interface TokensScreenState {
  readonly tab: TokensTab;
  readonly pastedText: string;
  readonly pasted: InspectedToken | null;
  readonly current: InspectedToken | null;
  readonly inspectingCurrent: boolean;
  readonly inspectingPasted: boolean;
  setTab(tab: TokensTab): void;
  setPastedText(text: string): void;
  /** Decodes and verifies the current token against its own target. */
  inspectCurrent(token: CurrentTokenView): Promise<void>;
  /** Decodes the pasted text and verifies it against the selected target. */
  inspectPasted(): Promise<void>;
}

export function createTokensScreenStore(client: LabClient): StoreApi<TokensScreenState> {
  return createStore<TokensScreenState>()((set, get) => ({
    tab: 'current',
    pastedText: '',
    pasted: null,
    current: null,
    inspectingCurrent: false,
    inspectingPasted: false,
    setTab: (tab) => set({ tab }),
    setPastedText: (pastedText) => set({ pastedText }),
    async inspectCurrent(token) {
      set({ inspectingCurrent: true });
      try {
        const inspection = await client.tokens.inspect({ token: token.accessToken, verifyAgainst: token.targetKey });
        set({ current: { token: token.accessToken, inspection, inspectedAtMs: Date.now() } });
      } finally {
        set({ inspectingCurrent: false });
      }
    },
    async inspectPasted() {
      const token = get().pastedText.trim();
      if (token === '') return;
      set({ inspectingPasted: true });
      try {
        const inspection = await client.tokens.inspect({ token });
        set({ pasted: { token, inspection, inspectedAtMs: Date.now() } });
      } finally {
        set({ inspectingPasted: false });
      }
    },
  }));
}

const stores = new WeakMap<LabClient, StoreApi<TokensScreenState>>();

export function tokensScreenStoreOf(client: LabClient): StoreApi<TokensScreenState> {
  let store = stores.get(client);
  if (store === undefined) {
    store = createTokensScreenStore(client);
    stores.set(client, store);
  }
  return store;
}

export function useTokensScreen<T>(selector: (state: TokensScreenState) => T): T {
  return useStore(tokensScreenStoreOf(useLabStores().client), selector);
}
