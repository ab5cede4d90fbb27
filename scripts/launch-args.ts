/**
 * The options of `npm run web` and `npm start` (after `--`): where the data lives, the
 * ports, whether to open the browser, and for `npm start` whether to skip Electron.
 */
import { parseArgs } from 'node:util';

export interface LaunchArgs {
  /** `--data-dir`; absent: TOTANGO_LAB_DATA_DIR, else ~/.totango-oauth-lab. */
  readonly dataDir?: string;
  /** `--port`: the window's port (0 = a free one). */
  readonly port?: number;
  /** `--mock-port`: the mock admin API's port; the regions take the next four (0 = free ones). */
  readonly mockPort?: number;
  /** False with `--no-open`. */
  readonly open: boolean;
  /** `--browser` (npm start): browser mode even where Electron's runtime is installed. */
  readonly browser: boolean;
  readonly help: boolean;
}

export const LAUNCH_USAGE = [
  'Options (after --, e.g. npm run web -- --no-open):',
  '  --data-dir DIR    where the Lab keeps its data (default: $TOTANGO_LAB_DATA_DIR, else ~/.totango-oauth-lab)',
  '  --port N          the window\'s port in browser mode (default 4779, else a free one; 0 = a free one)',
  '  --mock-port N     the mock admin API\'s port; the regions take the next four (default 4780; 0 = free ones)',
  '  --no-open         do not open the browser; just print the URL',
  '  --browser         npm start only: browser mode even where Electron is installed',
].join('\n');

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // Node's own wording, less its advice about `--` (which npm already consumed), lowercased as ours are.
    const message = ((error as Error).message.split('\n')[0] ?? '').replace(/\. To specify a positional argument.*$/, '');
    throw new UsageError(`${message.charAt(0).toLowerCase()}${message.slice(1)}`);
  }
  const { values } = parsed;
  if (values['data-dir'] === '') throw new UsageError('"--data-dir" needs a folder');
  return {
    ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
    ...(values.port === undefined ? {} : { port: portNumber(values.port, '--port') }),
    ...(values['mock-port'] === undefined ? {} : { mockPort: portNumber(values['mock-port'], '--mock-port', 65535 - 4) }),
    open: !values['no-open'],
    browser: values.browser ?? false,
    help: values.help ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'mock-port': { type: 'string' },
      'no-open': { type: 'boolean' },
      browser: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function portNumber(text: string, flag: string, max = 65535): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= max)) throw new UsageError(`"${flag}" must be a port number from 0 to ${max}, not "${text}"`);
  return port;
}
