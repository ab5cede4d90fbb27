/**
 * `npm run mock -- [--port N] [--data-dir DIR]`: the mock Totango, headless. When ready it
 * prints one line of JSON to stdout with every URL it serves; it stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../data-dir';
import { DEFAULT_PORT, startMockTotango } from './mock-totango';

const USAGE = `usage: npm run mock -- [--port N] [--data-dir DIR]

  --port N        the admin API's port; the US and EU regions take N+1 and N+2 (default ${DEFAULT_PORT}; 0 picks free ports)
  --data-dir DIR  where the mock keeps its state (default: $TOTANGO_LAB_DATA_DIR, else ~/.totango-oauth-lab)

When ready, prints one line of JSON: {"event":"ready", "admin", "openapi", "regions": {"us": {...}, "eu": {...}}, "dataDir"}.`;

function fail(message: string): never {
  process.stderr.write(`mock: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65533) fail(`--port must be a whole number from 0 to 65533, not "${values.port}"`);
  const dataDir = resolveDataDir(values['data-dir']);
  let mock;
  try {
    mock = await startMockTotango({ dataDir, port, logError: (message, cause) => process.stderr.write(`mock: ${message}: ${String(cause)}\n`) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `a port from ${port} to ${port + 2} is taken; pick another with --port, or --port 0 for free ones` : (error as Error).message);
  }
  for (const warning of [...mock.core.database.warnings, ...mock.core.tenant.warnings]) process.stderr.write(`mock: warning: ${warning}\n`);
  process.stdout.write(`${JSON.stringify({ event: 'ready', ...mock.urls, dataDir })}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`mock: ${signal} received, stopping\n`);
    mock.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`mock: stopping failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
