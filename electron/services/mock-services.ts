/**
 * The main process's services over the mock Totango: `mock`, `applications`, `users`
 * and `faults`, all through the mock admin API (see docs/mock-totango.md), plus the
 * `mock.request` event feed. After each change the window shows, `mock.changed` says
 * what changed, so the window refreshes that and nothing else.
 */
import type { ContractHandlers } from '../../shared/contract/define';
import type { LabContract } from '../../shared/contract/lab-contract';
import type { ServiceContext } from './lab-services';
import { createApplicationsHandlers } from './mock/applications-service';
import { createFaultsHandlers } from './mock/faults-service';
import { createMockServiceHandlers } from './mock/mock-service';
import { POLL_INTERVAL_MS, startRequestFeed } from './mock/request-feed';
import { createUsersHandlers } from './mock/users-service';

export type MockServiceHandlers = Pick<ContractHandlers<LabContract>, 'mock' | 'applications' | 'users' | 'faults'>;

export interface MockServices {
  readonly handlers: MockServiceHandlers;
  /** Stops the request feed (the poller of an external mock). */
  close(): Promise<void>;
}

export interface MockServiceOptions {
  /** How often an external mock's request log is polled; one second by default. */
  readonly pollIntervalMs?: number;
}

export function createMockHandlers(context: ServiceContext, options: MockServiceOptions = {}): MockServices {
  const feed = startRequestFeed(context, options.pollIntervalMs ?? POLL_INTERVAL_MS);
  return {
    handlers: {
      mock: createMockServiceHandlers(context),
      applications: createApplicationsHandlers(context),
      users: createUsersHandlers(context),
      faults: createFaultsHandlers(context),
    },
    close: () => feed.close(),
  };
}
