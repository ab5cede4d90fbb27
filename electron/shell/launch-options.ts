/**
 * Where the Electron app keeps its data: `--data-dir <path>` (or `--data-dir=<path>`),
 * else `TOTANGO_LAB_DATA_DIR`, else Electron's userData folder. A chosen directory also
 * gets its own Chromium profile inside it (`electron/`), so that the single-instance
 * lock, which Electron keys on the profile, allows one Lab per data directory: two Labs
 * on two directories (a test run beside a working session) do not block each other.
 * `--mock-port N` fixes the mock's admin port (the regions take the next four; 0 picks
 * free ones), as in browser mode.
 */
import { join } from 'node:path';
import { DATA_DIR_VARIABLE, resolveDataDir } from '../data-dir';

export const DATA_DIR_FLAG = '--data-dir';
export const MOCK_PORT_FLAG = '--mock-port';

/** The value of `--name value` or `--name=value` in `argv`, if given. Electron passes Chromium's own switches too; those are left alone. */
function flagValue(argv: readonly string[], flag: string, what: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
    if (arg === flag) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`invalid "${flag}": ${what} must follow it`);
      return value;
    }
  }
  return undefined;
}

/** The value of `--data-dir` in `argv`, if given. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  return flagValue(argv, DATA_DIR_FLAG, 'a directory');
}

/** `--mock-port` in `argv`, if given: the mock admin API's port, 0 for free ones. */
export function mockPortFlag(argv: readonly string[]): number | undefined {
  const text = flagValue(argv, MOCK_PORT_FLAG, 'a port number');
  if (text === undefined) return undefined;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535 - 4)) throw new Error(`invalid "${MOCK_PORT_FLAG}": a port number from 0 to ${65535 - 4}, not "${text}"`);
  return port;
}

export interface ElectronDataDir {
  readonly dataDir: string;
  /** The Chromium profile to use instead of the default userData, when the user chose the data directory. */
  readonly profileDir?: string;
}

export function resolveElectronDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, userData: () => string): ElectronDataDir {
  const flag = dataDirFlag(argv);
  const fromEnv = env[DATA_DIR_VARIABLE];
  if ((flag === undefined || flag === '') && (fromEnv === undefined || fromEnv === '')) return { dataDir: userData() };
  const dataDir = resolveDataDir(flag, env);
  return { dataDir, profileDir: join(dataDir, 'electron') };
}
