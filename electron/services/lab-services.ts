/**
 * The composition root of the main process's services: every method of the contract
 * implemented once, over the mock admin API and the client engine. The Electron entry
 * and the browser-mode host only wire these handlers to a transport.
 */
import type { ContractHandlers } from '../../shared/contract/define';
import { createEventHub, type EventHub } from '../../shared/contract/events';
import { LAB_CONTRACT, type LabContract } from '../../shared/contract/lab-contract';
import type { MockRequestView } from '../../shared/contract/mock-schemas';
import { createDispatcher, type Dispatcher } from '../../shared/contract/dispatch';
import type { SecretStore } from '../client/targets/credentials';
import { createClientHandlers } from './client-services';
import type { MockAdminClient } from './mock-admin-client';
import { createMockHandlers } from './mock-services';
import { toContractErrorData } from './service-error';
import { SessionSecrets } from './session-secrets';

export interface MockRequestSource {
  /** Every request the mock serves, as it is served (the embedded mock's request log). */
  subscribe(listener: (request: MockRequestView) => void): () => void;
}

export interface LabServiceDeps {
  readonly dataDir: string;
  readonly shell: 'electron' | 'browser';
  readonly version: string;
  readonly mockAdmin: MockAdminClient;
  /** The embedded mock's request log; absent for an external mock (the service polls instead). */
  readonly mockRequests?: MockRequestSource;
  /** Electron's safeStorage, when the app runs in Electron; credentials stay in memory without it. */
  readonly secretStore?: SecretStore;
  /** Opens the authorization URL: the system browser in Electron; an `openUrl` event in browser mode. */
  readonly openBrowser?: (url: string) => Promise<void>;
  readonly logError: (message: string, cause: unknown) => void;
}

export interface LabServices {
  readonly handlers: ContractHandlers<LabContract>;
  readonly events: EventHub<LabContract>;
  readonly dispatcher: Dispatcher;
  close(): Promise<void>;
}

export interface ServiceContext extends LabServiceDeps {
  readonly events: EventHub<LabContract>;
  readonly secrets: SessionSecrets;
}

export async function createLabServices(deps: LabServiceDeps): Promise<LabServices> {
  const events = createEventHub(LAB_CONTRACT, (name, problem) => deps.logError(`event "${name}" broke the contract: ${problem}`, undefined));
  const context: ServiceContext = { ...deps, events, secrets: new SessionSecrets() };
  const mock = createMockHandlers(context);
  const client = await createClientHandlers(context);
  const handlers: ContractHandlers<LabContract> = { ...mock.handlers, ...client.handlers };
  const dispatcher = createDispatcher(LAB_CONTRACT, handlers, {
    toErrorData: (error) => toContractErrorData(error, deps.logError),
    onContractViolation: (name, problem) => deps.logError(`the answer of "${name}" broke the contract: ${problem}`, undefined),
  });
  return {
    handlers,
    events,
    dispatcher,
    close: async () => {
      await Promise.allSettled([mock.close(), client.close()]);
    },
  };
}
