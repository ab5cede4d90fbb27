/**
 * The API explorer's state, kept per contract client so that it survives a visit to
 * another area: the filter, the selected endpoint, the request being edited for each
 * endpoint, and the last response of each (with its curl command).
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EndpointId } from '../../../../shared/catalogue';
import type { CatalogueRequestView } from '../../../../shared/contract/client-schemas';
import type { MethodOutput } from '../../../../shared/contract/define';
import type { LabContract } from '../../../../shared/contract/lab-contract';
import type { LabClient } from '../../contract/lab-client';
import { useLabStores } from '../../stores/lab-stores';
import { draftFromExample, type RequestDraft } from './request-draft';

export type ApiCallView = MethodOutput<LabContract, 'calls', 'send'>;

export interface SentCall {
  readonly call: ApiCallView;
  /** The exchange as a curl command, or why it could not be built. */
  readonly curl: { readonly command: string } | { readonly problem: string } | null;
}

type ByEndpoint<T> = Readonly<Partial<Record<EndpointId, T>>>;

export interface ExplorerState {
  readonly filter: string;
  readonly selectedId: EndpointId | null;
  readonly drafts: ByEndpoint<RequestDraft>;
  readonly loadingExample: EndpointId | null;
  readonly responses: ByEndpoint<SentCall>;
  readonly sending: ByEndpoint<boolean>;
  setFilter(filter: string): void;
  /** Selects an endpoint; its example request is loaded the first time. */
  select(id: EndpointId): Promise<void>;
  updateDraft(draft: RequestDraft): void;
  /** Puts the Lab's example back in place of the edited request. */
  resetDraft(id: EndpointId): Promise<void>;
  send(request: CatalogueRequestView, confirmed: boolean): Promise<SentCall>;
}

export function createExplorerStore(client: LabClient): StoreApi<ExplorerState> {
  const loadExample = async (id: EndpointId, set: StoreApi<ExplorerState>['setState']) => {
    set({ loadingExample: id });
    try {
      const example = await client.calls.example({ endpointId: id });
      set((state) => ({ drafts: { ...state.drafts, [id]: draftFromExample(example) } }));
    } finally {
      set((state) => (state.loadingExample === id ? { loadingExample: null } : {}));
    }
  };
  return createStore<ExplorerState>()((set, get) => ({
    filter: '',
    selectedId: null,
    drafts: {},
    loadingExample: null,
    responses: {},
    sending: {},
    setFilter: (filter) => set({ filter }),
    async select(id) {
      set({ selectedId: id });
      if (get().drafts[id] === undefined) await loadExample(id, set);
    },
    updateDraft: (draft) => set((state) => ({ drafts: { ...state.drafts, [draft.endpointId]: draft } })),
    resetDraft: (id) => loadExample(id, set),
    async send(request, confirmed) {
      const id = request.endpointId;
      set((state) => ({ sending: { ...state.sending, [id]: true } }));
      try {
        const call = await client.calls.send({ request, confirmed });
        let curl: SentCall['curl'] = null;
        if (call.exchangeId !== undefined) {
          try {
            curl = { command: (await client.recorder.curl({ exchangeId: call.exchangeId })).command };
          } catch (error) {
            curl = { problem: error instanceof Error ? error.message : String(error) };
          }
        }
        const sent: SentCall = { call, curl };
        set((state) => ({ responses: { ...state.responses, [id]: sent } }));
        return sent;
      } finally {
        set((state) => ({ sending: { ...state.sending, [id]: false } }));
      }
    },
  }));
}

const stores = new WeakMap<LabClient, StoreApi<ExplorerState>>();

export function explorerStoreOf(client: LabClient): StoreApi<ExplorerState> {
  let store = stores.get(client);
  if (store === undefined) {
    store = createExplorerStore(client);
    stores.set(client, store);
  }
  return store;
}

export function useExplorer<T>(selector: (state: ExplorerState) => T): T {
  return useStore(explorerStoreOf(useLabStores().client), selector);
}
