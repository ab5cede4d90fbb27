/**
 * `npm start`: starts the embedded mock Totango on the default ports (free ones if those
 * are taken) and says where it listens. The window joins in a later layer of the app;
 * until then this is how a newcomer reaches the mock.
 */
import { resolveDataDir } from '../electron/data-dir';
import { DEFAULT_PORT, startMockTotango, type MockTotango } from '../electron/mock/mock-totango';

async function start(): Promise<MockTotango> {
  const dataDir = resolveDataDir(undefined);
  const logError = (message: string, cause: unknown) => process.stderr.write(`mock: ${message}: ${String(cause)}\n`);
  try {
    return await startMockTotango({ dataDir, port: DEFAULT_PORT, logError });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    process.stderr.write(`Ports ${DEFAULT_PORT}-${DEFAULT_PORT + 2} are taken (another mock running?); using free ports instead.\n`);
    return startMockTotango({ dataDir, port: 0, logError });
  }
}

const mock = await start();
const { admin, regions } = mock.urls;
const lines = [
  'Totango OAuth Lab: the mock Totango is running.',
  '',
  `  Admin API   ${admin}   (OpenAPI: ${admin}/openapi.json)`,
  `  US region   ${regions.us.issuer}   (metadata: ${regions.us.metadata})`,
  `  EU region   ${regions.eu.issuer}`,
  `  Data        ${mock.core.database.dataFile}`,
  '',
  'Register a client-credentials app:',
  `  curl -s -X POST ${admin}/admin/applications -H 'content-type: application/json' \\`,
  `    -d '{"name":"My integration","grantType":"client_credentials","actingUserId":"u-1003","scopes":["account:read","touchpoint:all"]}'`,
  'then get a token with the clientId and clientSecret it returns (README.md, "Quick start").',
  '',
  'Press Ctrl+C to stop.',
];
for (const warning of [...mock.core.database.warnings, ...mock.core.tenant.warnings]) lines.unshift(`warning: ${warning}`);
process.stdout.write(`${lines.join('\n')}\n`);

const stop = () => {
  void mock.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
