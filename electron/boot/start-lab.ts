/**
 * Starts what the window talks to, the same way for the Electron app and browser mode:
 * the embedded mock Totango on the data directory, then the services over its admin API.
 */
import type { SecretStore } from '../client/targets/credentials';
import { startMockTotango, type MockTotango } from '../mock/mock-totango';
import { createLabServices, type LabServices } from '../services/lab-services';
import { createMockAdminClient } from '../services/mock-admin-client';

export interface StartLabOptions {
  readonly dataDir: string;
  readonly shell: 'electron' | 'browser';
  readonly version: string;
  /** The mock's admin port (the regions take the next four); 0 picks free ports. Default 4780. */
  readonly mockPort?: number;
  readonly secretStore?: SecretStore;
  readonly openBrowser?: (url: string) => Promise<void>;
  readonly logError?: (message: string, cause: unknown) => void;
}

export interface RunningLab {
  readonly mock: MockTotango;
  readonly services: LabServices;
  /** Stops the services, then the mock (its data flushed). Safe to call twice. */
  stop(): Promise<void>;
}

export async function startLab(options: StartLabOptions): Promise<RunningLab> {
  const logError = options.logError ?? ((message: string, cause: unknown) => console.error(`[lab] ${message}`, cause ?? ''));
  const mock = await startMockTotango({ dataDir: options.dataDir, ...(options.mockPort === undefined ? {} : { port: options.mockPort }), logError });
  let services: LabServices;
  try {
    services = await createLabServices({
      dataDir: options.dataDir,
      shell: options.shell,
      version: options.version,
      mockAdmin: createMockAdminClient(mock.urls.admin),
      mockRequests: { subscribe: (listener) => mock.core.requestLog.subscribe(listener) },
      ...(options.secretStore === undefined ? {} : { secretStore: options.secretStore }),
      ...(options.openBrowser === undefined ? {} : { openBrowser: options.openBrowser }),
      logError,
    });
  } catch (error) {
    await mock.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    mock,
    services,
    stop: () =>
      (stopping ??= (async () => {
        await services.close();
        await mock.stop();
      })()),
  };
}
