/**
 * Test support for the client services: the real mock Totango on free loopback ports, a
 * `ServiceContext` built by hand over its admin API (as `createLabServices` builds it),
 * the client handlers, every event they publish, and a dispatcher over the client's
 * part of the contract, for calls that go through input validation. Tests only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContractClient, type LabClientOf } from '../../../shared/contract/client';
import type { ContractHandlers } from '../../../shared/contract/define';
import { createDispatcher, type Dispatcher } from '../../../shared/contract/dispatch';
import { createEventHub } from '../../../shared/contract/events';
import { LAB_CONTRACT, type LabContract } from '../../../shared/contract/lab-contract';
import type { WireEvent, WireResult } from '../../../shared/contract/wire';
import type { SecretStore } from '../../client/targets/credentials';
import { startMockTotango, type MockTotango } from '../../mock/mock-totango';
import { createClientHandlers, type ClientServiceName } from '../client-services';
import type { ServiceContext } from '../lab-services';
import { createMockAdminClient } from '../mock-admin-client';
import { toContractErrorData } from '../service-error';
import { SessionSecrets } from '../session-secrets';

export const CLIENT_CONTRACT = {
  lab: LAB_CONTRACT.lab,
  targets: LAB_CONTRACT.targets,
  flows: LAB_CONTRACT.flows,
  tokens: LAB_CONTRACT.tokens,
  calls: LAB_CONTRACT.calls,
  diagnostics: LAB_CONTRACT.diagnostics,
  recorder: LAB_CONTRACT.recorder,
} as const;

export interface RunningMock {
  readonly mock: MockTotango;
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

export async function startTestMock(): Promise<RunningMock> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lab-services-mock-'));
  const mock = await startMockTotango({ dataDir, port: 0, logError: () => undefined });
  const admin = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${mock.urls.admin}${path}`, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  };
  await admin('PATCH', '/admin/settings', { applicationLimit: 100 });
  return {
    mock,
    admin,
    async stop() {
      await mock.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ServicesUnderTest {
  readonly context: ServiceContext;
  readonly handlers: Pick<ContractHandlers<LabContract>, ClientServiceName>;
  readonly dispatcher: Dispatcher;
  /** The window's typed client over the dispatcher: inputs validated, errors rebuilt as `ContractError`. */
  readonly client: LabClientOf<typeof CLIENT_CONTRACT>;
  /** Every event published, in order. */
  readonly events: WireEvent[];
  readonly loggedErrors: string[];
  eventsNamed<P = Record<string, unknown>>(name: string): P[];
  /** Registers an app on the mock over HTTP and keeps its secret for the session, as the window's Apps screen does. */
  register(input: Record<string, unknown>): Promise<{ clientId: string; clientSecret: string }>;
  call(service: string, method: string, input: unknown): Promise<WireResult>;
  close(): Promise<void>;
}

export interface ServicesOptions {
  readonly dataDir?: string;
  readonly secretStore?: SecretStore;
  readonly openBrowser?: (url: string) => Promise<void>;
}

export async function openServices(running: RunningMock, options: ServicesOptions = {}): Promise<ServicesUnderTest> {
  const ownDir = options.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'lab-services-')) : undefined;
  const loggedErrors: string[] = [];
  const logError = (message: string) => loggedErrors.push(message);
  const events = createEventHub(LAB_CONTRACT, (name, problem) => loggedErrors.push(`event ${name}: ${problem}`));
  const published: WireEvent[] = [];
  events.subscribe((event) => published.push(event));
  const context: ServiceContext = {
    dataDir: options.dataDir ?? ownDir ?? '',
    shell: 'browser',
    version: '0.1.0-test',
    mockAdmin: createMockAdminClient(running.mock.urls.admin),
    logError,
    events,
    secrets: new SessionSecrets(),
    ...(options.secretStore === undefined ? {} : { secretStore: options.secretStore }),
    ...(options.openBrowser === undefined ? {} : { openBrowser: options.openBrowser }),
  };
  const client = await createClientHandlers(context);
  const dispatcher = createDispatcher(CLIENT_CONTRACT, client.handlers, {
    toErrorData: (error) => toContractErrorData(error, logError),
    onContractViolation: (name, problem) => loggedErrors.push(`${name} broke the contract: ${problem}`),
  });
  const call = (service: string, method: string, input: unknown) => dispatcher.dispatch({ service, method, input }, { transport: 'http' });
  return {
    context,
    handlers: client.handlers,
    dispatcher,
    client: createContractClient(CLIENT_CONTRACT, { call, subscribe: (listener) => events.subscribe(listener) }),
    events: published,
    loggedErrors,
    eventsNamed: <P>(name: string) => published.filter((e) => e.name === name).map((e) => e.payload as P),
    async register(input) {
      const created = await running.admin<{ application: { clientId: string }; clientSecret: string }>('POST', '/admin/applications', { name: 'Services test', ...input });
      if (created.status !== 201) throw new Error(`registering failed: HTTP ${created.status} ${JSON.stringify(created.body)}`);
      context.secrets.remember(created.body.application.clientId, created.body.clientSecret);
      return { clientId: created.body.application.clientId, clientSecret: created.body.clientSecret };
    },
    call,
    async close() {
      await client.close();
      if (ownDir !== undefined) await rm(ownDir, { recursive: true, force: true });
    },
  };
}
