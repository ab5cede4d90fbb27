/**
 * The mock Totango as a subject: started on a fresh data directory and free loopback
 * ports, with one client-credentials app registered through the admin API, as a user
 * would register one. Stopping it stops the mock and removes the directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockTotango, type MockTotango } from '../../electron/mock/mock-totango';

export interface MockWithApp {
  readonly mock: MockTotango;
  readonly clientId: string;
  readonly clientSecret: string;
  stop(): Promise<void>;
}

interface Registered {
  readonly application: { readonly clientId: string };
  readonly clientSecret: string;
}

/** The app acts as `u-1003`, the seeded integration user, in the US region. */
export async function startMockWithApp(scopes: readonly string[]): Promise<MockWithApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-mock-totango-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  try {
    const mock = await startMockTotango({ dataDir, port: 0, logError: (message, cause) => process.stderr.write(`mock: ${message}: ${String(cause)}\n`) });
    const stop = async () => {
      await mock.stop();
      await removeDataDir();
    };
    try {
      const response = await fetch(`${mock.urls.admin}/admin/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Bench', grantType: 'client_credentials', actingUserId: 'u-1003', scopes }),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`registering the app answered ${response.status}: ${text.slice(0, 300)}`);
      const registered = JSON.parse(text) as Registered;
      return { mock, clientId: registered.application.clientId, clientSecret: registered.clientSecret, stop };
    } catch (error) {
      await stop();
      throw error;
    }
  } catch (error) {
    await removeDataDir();
    throw error;
  }
}
