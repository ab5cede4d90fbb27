/**
 * What several screens show at once, kept in one place and fed by the contract's events:
 * the mock account's applications and users, the mock's status, the targets and the
 * current token. A screen calls `refresh…` after it changes something; events from the
 * main process (a flow got a token, the mock changed) keep every screen current.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MethodOutput } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import type { LabClient, TargetView } from '../contract/lab-client';

export type ApplicationView = MethodOutput<LabContract, 'applications', 'get'>;
export type MockUserView = MethodOutput<LabContract, 'users', 'list'>['users'][number];
export type MockStatusView = MethodOutput<LabContract, 'mock', 'status'>;
export type CurrentTokenView = NonNullable<MethodOutput<LabContract, 'tokens', 'current'>['token']>;

export interface WorkbenchState {
  readonly applications: readonly ApplicationView[];
  /** How many applications the mock account may hold (two, as in Totango, unless raised). */
  readonly applicationLimit: number;
  readonly users: readonly MockUserView[];
  readonly mockStatus: MockStatusView | null;
  readonly targets: readonly TargetView[];
  readonly selectedTarget: string;
  readonly currentToken: CurrentTokenView | null;
  /** Whether the first load finished (screens show their empty states only after it). */
  readonly loaded: boolean;
  refreshApplications(): Promise<void>;
  refreshUsers(): Promise<void>;
  refreshMockStatus(): Promise<void>;
  refreshTargets(): Promise<void>;
  refreshToken(): Promise<void>;
  refreshAll(): Promise<void>;
}

export interface WorkbenchStore extends StoreApi<WorkbenchState> {
  /** Stops following the contract's events. */
  dispose(): void;
}

export function createWorkbenchStore(client: LabClient, notifyError: (error: unknown, context?: string) => void): WorkbenchStore {
  const guarded = (context: string, work: () => Promise<void>) => async () => {
    try {
      await work();
    } catch (error) {
      notifyError(error, context);
    }
  };
  const store = createStore<WorkbenchState>()((set, get) => ({
    applications: [],
    applicationLimit: 2,
    users: [],
    mockStatus: null,
    targets: [],
    selectedTarget: 'mock:us',
    currentToken: null,
    loaded: false,
    refreshApplications: guarded('loading the applications', async () => {
      const { applications, limit } = await client.applications.list({});
      set({ applications, applicationLimit: limit });
    }),
    refreshUsers: guarded('loading the users', async () => {
      const { users } = await client.users.list({});
      set({ users });
    }),
    refreshMockStatus: guarded("reading the mock's status", async () => {
      set({ mockStatus: await client.mock.status({}) });
    }),
    refreshTargets: guarded('loading the targets', async () => {
      const { targets, selected } = await client.targets.list({});
      set({ targets, selectedTarget: selected });
    }),
    refreshToken: guarded('reading the current token', async () => {
      const { token } = await client.tokens.current({});
      set({ currentToken: token });
    }),
    async refreshAll() {
      const state = get();
      await Promise.all([state.refreshApplications(), state.refreshUsers(), state.refreshMockStatus(), state.refreshTargets(), state.refreshToken()]);
      set({ loaded: true });
    },
  }));
  const stops = [
    client.events.on('tokens.changed', ({ token }) => store.setState({ currentToken: token })),
    client.events.on('targets.changed', () => void store.getState().refreshTargets()),
    client.events.on('mock.changed', ({ what }) => {
      const state = store.getState();
      if (what === 'applications') void Promise.all([state.refreshApplications(), state.refreshTargets(), state.refreshMockStatus()]);
      else if (what === 'users') void Promise.all([state.refreshUsers(), state.refreshMockStatus()]);
      else if (what === 'settings') void Promise.all([state.refreshMockStatus(), state.refreshApplications()]);
      else void state.refreshMockStatus();
    }),
  ];
  return Object.assign(store, { dispose: () => stops.forEach((stop) => stop()) });
}
