/**
 * `npm run mock -- [--port N] [--data-dir DIR]`: the mock Totango, headless. When ready it
 * prints one line of JSON to stdout with every URL it serves; it stops on SIGINT/SIGTERM.
 * A reader that closes stdout early (`| head -n 1`) does not stop it: the mock keeps serving.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../data-dir';
import { DEFAULT_PORT, startMockTotango } from './mock-totango';

/** The admin API's port and the four region ports after it. */
const PORT_COUNT = 5;
const MAX_BASE_PORT = 65535 - (PORT_COUNT - 1);

const USAGE = `usage: npm run -s mock -- [--port N] [--data-dir DIR]

  --port N        the admin API's port; the US and EU regions take N+1 and N+2 (HTTP) and
                  N+3 and N+4 (HTTPS, mutual TLS) (default ${DEFAULT_PORT}; 0 picks free ports for all five)
  --data-dir DIR  where the mock keeps its state (default: $TOTANGO_LAB_DATA_DIR, else ~/.totango-oauth-lab)

When ready, prints one line of JSON: {"event":"ready", "admin", "openapi", "caCertificate", "regions": {"us": {...}, "eu": {...}}, "dataDir", "pid"}.`;

function usageError(message: string): never {
  process.stderr.write(`mock: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function startupError(message: string): never {
  process.stderr.write(`mock: ${message}\n`);
  process.exit(1);
}

/**
 * A closed stdout or stderr (EPIPE: the reader went away) must not kill the mock, which
 * an integration's CI still calls; anything else on those streams is reported where it can be.
 */
function survivePipeClosure(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    try {
      process.stderr.write(`mock: writing to ${stream === process.stdout ? 'stdout' : 'stderr'} failed: ${error.message}\n`);
    } catch {
      // stderr itself is gone; nothing is left to tell.
    }
  });
}

async function main(): Promise<void> {
  survivePipeClosure(process.stdout);
  survivePipeClosure(process.stderr);
  let values: { port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (values.port?.trim() === '' || !Number.isInteger(port) || port < 0 || port > MAX_BASE_PORT) {
    usageError(`--port must be a whole number from 0 to ${MAX_BASE_PORT} (the mock uses it and the next ${PORT_COUNT - 1}), not "${values.port}"`);
  }
  const dataDir = resolveDataDir(values['data-dir']);
  let mock;
  try {
    mock = await startMockTotango({ dataDir, port, logError: (message, cause) => process.stderr.write(`mock: ${message}: ${String(cause)}\n`) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') usageError(`a port from ${port} to ${port + PORT_COUNT - 1} is taken; pick another with --port, or --port 0 for free ones`);
    startupError((error as Error).message);
  }
  for (const warning of [...mock.core.database.warnings, ...mock.core.tenant.warnings]) process.stderr.write(`mock: warning: ${warning}\n`);
  // pid: the process to signal, whatever wrappers (npm, tsx) started it and may not pass a signal on.
  process.stdout.write(`${JSON.stringify({ event: 'ready', ...mock.urls, dataDir, pid: process.pid })}\n`);
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
