/**
 * The window's stores, created once from a contract client and a connection, and handed to
 * the components through React context (so that tests give them a fake transport).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { ConnectionSource, LabClient, ThemePreference } from '../contract/lab-client';
import { createConnectionStore, type ConnectionStore, type ConnectionStoreState } from './connection-store';
import { createLabStore, type LabStoreState } from './lab-store';
import { createNotificationsStore, type NotificationsState } from './notifications-store';
import { createWorkbenchStore, type WorkbenchState, type WorkbenchStore } from './workbench-store';

export interface LabStores {
  readonly client: LabClient;
  readonly lab: StoreApi<LabStoreState>;
  readonly connection: ConnectionStore;
  readonly notifications: StoreApi<NotificationsState>;
  /** Applications, users, the mock's status, targets and the current token: what several screens show. */
  readonly workbench: WorkbenchStore;
  /** Stops following the transport's connection and events. */
  dispose(): void;
}

export interface LabStoresOptions {
  readonly initialTheme?: ThemePreference;
  readonly answerTimeoutMs?: number;
}

export function createLabStores(client: LabClient, connectionSource: ConnectionSource, options: LabStoresOptions = {}): LabStores {
  const notifications = createNotificationsStore();
  const connection = createConnectionStore(connectionSource);
  const lab = createLabStore(client, {
    notifyError: (error, context) => notifications.getState().notifyError(error, context),
    ...options,
  });
  const workbench = createWorkbenchStore(client, (error, context) => notifications.getState().notifyError(error, context));
  const stopTargets = client.events.on('targets.changed', () => void lab.getState().refreshTarget());
  // The screens' shared data loads once the Lab has answered.
  const stopWorkbenchLoad = lab.subscribe((now, before) => {
    if (now.appState === 'ready' && before.appState !== 'ready') void workbench.getState().refreshAll();
  });
  // A window that could not reach the Lab tries again as soon as the link is back.
  const stopRetry = connection.subscribe((now, before) => {
    if (now.state === 'connected' && before.state !== 'connected' && lab.getState().appState === 'error') void lab.getState().load();
  });
  return {
    client,
    lab,
    connection,
    notifications,
    workbench,
    dispose() {
      stopTargets();
      stopWorkbenchLoad();
      workbench.dispose();
      stopRetry();
      connection.dispose();
    },
  };
}

const LabStoresContext = createContext<LabStores | null>(null);

export function LabStoresProvider({ stores, children }: { readonly stores: LabStores; readonly children: ReactNode }) {
  return <LabStoresContext.Provider value={stores}>{children}</LabStoresContext.Provider>;
}

export function useLabStores(): LabStores {
  const stores = useContext(LabStoresContext);
  if (stores === null) throw new Error('"useLabStores" needs a LabStoresProvider above it');
  return stores;
}

export function useLab<T>(selector: (state: LabStoreState) => T): T {
  return useStore(useLabStores().lab, selector);
}

export function useConnection<T>(selector: (state: ConnectionStoreState) => T): T {
  return useStore(useLabStores().connection, selector);
}

export function useWorkbench<T>(selector: (state: WorkbenchState) => T): T {
  return useStore(useLabStores().workbench, selector);
}

export function useNotices<T>(selector: (state: NotificationsState) => T): T {
  return useStore(useLabStores().notifications, selector);
}

/**
 * For the screens: `const notifyError = useNotifyContractError(); … catch (error) { notifyError(error, 'creating the app') }`
 * shows the contract error's code and message.
 */
export function useNotifyContractError(): NotificationsState['notifyError'] {
  return useNotices((state) => state.notifyError);
}
