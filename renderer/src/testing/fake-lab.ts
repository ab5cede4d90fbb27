/**
 * A fake Lab for the window's tests: a `ContractTransport` whose answers the test writes
 * per method, that records every call and can publish events; and a connection whose state
 * the test moves. Answers cross as `WireResult`s, as they do over IPC and HTTP.
 */
import { createContractClient, type ContractTransport } from '../../../shared/contract/client';
import { LAB_CONTRACT } from '../../../shared/contract/lab-contract';
import { ContractError, type WireEvent, type WireResult } from '../../../shared/contract/wire';
import type { ConnectionSource, ConnectionStatus, LabClient, LabInfo, LabPreferences, TargetView } from '../contract/lab-client';

export type FakeAnswer = (input: unknown) => unknown;

export interface FakeLab {
  readonly transport: ContractTransport;
  readonly client: LabClient;
  /** Every call, in order, as `service.method` with its input. */
  readonly calls: { readonly name: string; readonly input: unknown }[];
  /** Sets (or replaces) how `service.method` answers: return a value, throw a `ContractError`, or return a promise. */
  answer(name: string, answer: FakeAnswer): void;
  emit(event: WireEvent): void;
}

export const SAMPLE_INFO: LabInfo = {
  name: 'Totango OAuth Lab',
  version: '0.1.0',
  shell: 'browser',
  dataDir: '/tmp/lab-data',
  platform: 'linux',
  secureStorage: { available: false, description: 'credentials stay in memory in browser mode' },
};

export const SAMPLE_PREFERENCES: LabPreferences = { callbackPort: null, theme: 'light', selectedTarget: 'mock:us' };

export const MOCK_TARGET: TargetView = { key: 'mock:us', kind: 'mock', region: 'us', label: 'Local mock (US)', baseUrl: 'http://127.0.0.1:4781', credentials: null };

export function createFakeLab(answers: Record<string, FakeAnswer> = {}): FakeLab {
  const table = new Map(Object.entries(answers));
  const listeners = new Set<(event: WireEvent) => void>();
  const calls: { name: string; input: unknown }[] = [];
  const transport: ContractTransport = {
    async call(service, method, input): Promise<WireResult> {
      const name = `${service}.${method}`;
      calls.push({ name, input });
      const answer = table.get(name);
      if (answer === undefined) return { ok: false, error: { code: 'unknown_method', message: `the fake Lab has no answer for "${name}"` } };
      try {
        return { ok: true, value: await answer(input) };
      } catch (error) {
        if (error instanceof ContractError) return { ok: false, error: error.toJSON() };
        throw error;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    transport,
    client: createContractClient(LAB_CONTRACT, transport),
    calls,
    answer: (name, answer) => void table.set(name, answer),
    emit: (event) => listeners.forEach((listener) => listener(event)),
  };
}

/** The answers of a Lab that is up: info, preferences (kept as updated) and the targets. */
export function healthyLab(): FakeLab {
  let preferences = { ...SAMPLE_PREFERENCES };
  return createFakeLab({
    'lab.info': () => SAMPLE_INFO,
    'lab.preferences': () => preferences,
    'lab.updatePreferences': (input) => (preferences = { ...preferences, ...(input as Partial<LabPreferences>) }),
    'targets.list': () => ({ targets: [MOCK_TARGET], selected: 'mock:us' }),
    // What the screens' shared store loads once the Lab is ready: an empty mock account.
    'applications.list': () => ({ applications: [], limit: 2 }),
    'users.list': () => ({ users: [] }),
    'mock.status': () => ({ state: 'embedded', warnings: [] }),
    'tokens.current': () => ({ token: null }),
  });
}

export interface FakeConnection extends ConnectionSource {
  set(status: ConnectionStatus): void;
}

export function createFakeConnection(initial: ConnectionStatus = { state: 'connected' }): FakeConnection {
  let status = initial;
  const listeners = new Set<(status: ConnectionStatus) => void>();
  return {
    current: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      status = next;
      listeners.forEach((listener) => listener(next));
    },
  };
}

/** A promise the test settles by hand, to hold a call in flight. */
export function deferred<T>(): { readonly promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
