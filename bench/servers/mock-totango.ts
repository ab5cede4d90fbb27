/**
 * Subject under test: our mock Totango, on a fresh data directory, with one
 * client-credentials app registered through the admin API as a user would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockTotango } from '../../electron/mock/mock-totango';
import { serve } from './serve';

interface Registered {
  readonly application: { readonly clientId: string };
  readonly clientSecret: string;
}

serve(async () => {
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
        body: JSON.stringify({ name: 'Bench', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'touchpoint:all'] }),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`registering the app answered ${response.status}: ${text.slice(0, 300)}`);
      const registered = JSON.parse(text) as Registered;
      return {
        ready: { tokenUrl: mock.urls.regions.us.token, clientId: registered.application.clientId, clientSecret: registered.clientSecret },
        stop,
      };
    } catch (error) {
      await stop();
      throw error;
    }
  } catch (error) {
    await removeDataDir();
    throw error;
  }
});
