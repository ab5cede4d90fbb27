/**
 * Browser mode, as `npm run web` and `npm start` (without Electron's runtime) run it: the
 * mock and the services on the data directory, then the host serving the built window
 * and the contract. Default ports that are taken fall back to free ones, with a note;
 * a port the person chose does not.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startLab, type RunningLab } from '../boot/start-lab';
import { DEFAULT_PORT as DEFAULT_MOCK_PORT } from '../mock/mock-totango';
import { startWebHost, type WebHost } from './web-host';

/** The host's port unless told otherwise: below the mock's five (4780-4784). */
export const DEFAULT_WEB_PORT = 4779;

export interface BrowserModeOptions {
  readonly dataDir: string;
  readonly version: string;
  /** The built window: `dist/renderer`. */
  readonly staticDir: string;
  /** The host's port; absent: DEFAULT_WEB_PORT, or a free one if that is taken. */
  readonly port?: number;
  /** The mock admin API's port; absent: 4780, or free ones if those are taken. */
  readonly mockPort?: number;
  /** A line for the person: a port that fell back, for instance. */
  readonly note: (line: string) => void;
  readonly logError: (message: string, cause: unknown) => void;
  /** The ports tried when none is chosen (tests pass ports they hold). */
  readonly defaults?: { readonly port: number; readonly mockPort: number };
}

export interface BrowserMode {
  readonly lab: RunningLab;
  readonly host: WebHost;
  /** Stops the host, then the services and the mock. Safe to call twice. */
  stop(): Promise<void>;
}

export class NotBuiltError extends Error {
  override readonly name = 'NotBuiltError';
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  if (!existsSync(join(options.staticDir, 'index.html'))) {
    throw new NotBuiltError(`the window is not built: no "index.html" in ${options.staticDir}; build it with: npm run build:renderer (npm run web does it first)`);
  }
  const defaults = options.defaults ?? { port: DEFAULT_WEB_PORT, mockPort: DEFAULT_MOCK_PORT };
  const mockTaken = `Ports ${defaults.mockPort}-${defaults.mockPort + 4} are taken (another mock or Lab running?); the mock uses free ports instead.`;
  const lab = await withPortFallback(options.mockPort, defaults.mockPort, '--mock-port', () => options.note(mockTaken), (mockPort) =>
    startLab({ dataDir: options.dataDir, shell: 'browser', version: options.version, mockPort, logError: options.logError }),
  );
  let host: WebHost;
  try {
    const hostTaken = `Port ${defaults.port} is taken (another Lab running?); the window uses a free port instead.`;
    host = await withPortFallback(options.port, defaults.port, '--port', () => options.note(hostTaken), (port) =>
      startWebHost({ dispatcher: lab.services.dispatcher, events: lab.services.events, staticDir: options.staticDir, port, host: '127.0.0.1', logError: options.logError }),
    );
  } catch (error) {
    await lab.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    lab,
    host,
    stop: () =>
      (stopping ??= (async () => {
        await host.close();
        await lab.stop();
      })()),
  };
}

/** Starts on the chosen port; with none chosen, on the default, else on free ports. */
async function withPortFallback<T>(chosen: number | undefined, defaultPort: number, flag: string, onTaken: () => void, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(chosen ?? defaultPort);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (chosen !== undefined) throw new Error(`port ${chosen} is taken ("${flag}"); choose another, or 0 for a free one`, { cause: error });
    onTaken();
    return start(0);
  }
}

/** The line the terminal prints: where to open the window, and where the data lives. */
export function launchLine(mode: BrowserMode, dataDir: string): string {
  return `Totango OAuth Lab (browser mode): open ${mode.host.url}   (data: ${dataDir}; Ctrl+C stops it)`;
}

/** Where the mock listens and how to reach it with curl: what `npm start` printed before the window existed. */
export function mockSummaryLines(mode: BrowserMode): string[] {
  const { mock } = mode.lab;
  const { admin, regions } = mock.urls;
  return [
    ...[...mock.core.database.warnings, ...mock.core.tenant.warnings].map((warning) => `warning: ${warning}`),
    `  Admin API   ${admin}   (OpenAPI: ${admin}/openapi.json)`,
    `  US region   ${regions.us.issuer}   (metadata: ${regions.us.metadata})`,
    `  EU region   ${regions.eu.issuer}`,
    `  Data        ${mock.core.database.dataFile}`,
    '',
    'Register a client-credentials app on the mock without the window:',
    `  curl -s -X POST ${admin}/admin/applications -H 'content-type: application/json' \\`,
    `    -d '{"name":"My integration","grantType":"client_credentials","actingUserId":"u-1003","scopes":["account:read","touchpoint:all"]}'`,
    'then get a token with the clientId and clientSecret it returns (README.md, "Quick start").',
  ];
}
