/**
 * A flow run for a component: the store (created once, following the contract's flow
 * events while mounted) and a selector hook over it.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';
import { createFlowRunStore, type FlowRunOptions, type FlowRunState, type FlowRunStore } from './flow-run-store';

export function useFlowRunStore(openWindow?: FlowRunOptions['openWindow']): FlowRunStore {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [store] = useState(() => createFlowRunStore(client, { notifyError, ...(openWindow === undefined ? {} : { openWindow }) }));
  useEffect(() => store.follow(), [store]);
  return store;
}

export function useFlowRun<T>(store: FlowRunStore, selector: (state: FlowRunState) => T): T {
  return useStore(store, selector);
}
