/**
 * Test support for the mock services: the real mock Totango on free loopback ports over
 * a fresh data directory, the services over its admin API, and a typed contract client
 * whose calls go through the dispatcher (input validation and output checks included).
 * Services other than the mock's answer `unavailable`: they are not under test here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContractClient, type LabClientOf } from '../../../shared/contract/client';
import type { ContractHandlers } from '../../../shared/contract/define';
import { createDispatcher } from '../../../shared/contract/dispatch';
import { createEventHub } from '../../../shared/contract/events';
import { LAB_CONTRACT, type LabContract } from '../../../shared/contract/lab-contract';
import type { WireEvent } from '../../../shared/contract/wire';
import { startMockTotango, type MockTotango } from '../../mock/mock-totango';
import type { ServiceContext } from '../lab-services';
import { createMockAdminClient } from '../mock-admin-client';
import { createMockHandlers, type MockServices } from '../mock-services';
import { ServiceError, toContractErrorData } from '../service-error';
import { SessionSecrets } from '../session-secrets';

export interface MockServicesHarness {
  readonly mock: MockTotango;
  readonly context: ServiceContext;
  readonly services: MockServices;
  readonly lab: LabClientOf<LabContract>;
  /** Every event the services emitted, in order. */
  readonly events: WireEvent[];
  /** Contract violations and unexpected failures: a test ends with none. */
  readonly problems: string[];
  /** The next event named `name` that `matches`, whether it came already (after `fromIndex`) or comes within `timeoutMs`. */
  waitForEvent(name: string, matches?: (payload: unknown) => boolean, options?: { fromIndex?: number; timeoutMs?: number }): Promise<unknown>;
  stop(): Promise<void>;
}

export function throwingStubs(): ContractHandlers<LabContract> {
  const services = Object.entries(LAB_CONTRACT).map(([service, spec]) => [
    service,
    Object.fromEntries(
      Object.keys(spec.methods).map((method) => [
        method,
        async () => {
          throw new ServiceError('unavailable', `"${service}.${method}" is not under test`);
        },
      ]),
    ),
  ]);
  return Object.fromEntries(services) as unknown as ContractHandlers<LabContract>;
}

export async function startMockServices(options: { mode: 'embedded' | 'external'; adminUrl?: string; pollIntervalMs?: number }): Promise<MockServicesHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lab-mock-services-'));
  const problems: string[] = [];
  const logError = (message: string, cause: unknown) => problems.push(`${message}: ${String(cause)}`);
  const mock = await startMockTotango({ dataDir, port: 0, logError });
  const events = createEventHub(LAB_CONTRACT, (name, problem) => problems.push(`event "${name}": ${problem}`));
  const received: WireEvent[] = [];
  events.subscribe((event) => received.push(event));
  const context: ServiceContext = {
    dataDir,
    shell: 'browser',
    version: '0.0.0-test',
    mockAdmin: createMockAdminClient(options.adminUrl ?? mock.urls.admin),
    ...(options.mode === 'embedded' ? { mockRequests: { subscribe: (listener) => mock.core.requestLog.subscribe(listener) } } : {}),
    logError,
    events,
    secrets: new SessionSecrets(),
  };
  const services = createMockHandlers(context, { pollIntervalMs: options.pollIntervalMs ?? 50 });
  const dispatcher = createDispatcher(LAB_CONTRACT, { ...throwingStubs(), ...services.handlers }, {
    toErrorData: (error) => toContractErrorData(error, logError),
    onContractViolation: (name, problem) => problems.push(`answer of "${name}": ${problem}`),
  });
  const lab = createContractClient(LAB_CONTRACT, {
    call: (service, method, input) => dispatcher.dispatch({ service, method, input }, { transport: 'ipc' }),
    subscribe: (listener) => events.subscribe(listener),
  });
  return {
    mock,
    context,
    services,
    lab,
    events: received,
    problems,
    waitForEvent(name, matches = () => true, { fromIndex = 0, timeoutMs = 5000 } = {}) {
      const seen = received.slice(fromIndex).find((e) => e.name === name && matches(e.payload));
      if (seen !== undefined) return Promise.resolve(seen.payload);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`no "${name}" event within ${timeoutMs} ms`));
        }, timeoutMs);
        const unsubscribe = events.subscribe((event) => {
          if (event.name !== name || !matches(event.payload)) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(event.payload);
        });
      });
    },
    async stop() {
      await services.close();
      await mock.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
