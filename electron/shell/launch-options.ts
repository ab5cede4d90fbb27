/**
 * Where the Electron app keeps its data: `--data-dir <path>` (or `--data-dir=<path>`),
 * else `TOTANGO_LAB_DATA_DIR`, else Electron's userData folder. A chosen directory also
 * gets its own Chromium profile inside it (`electron/`), so that the single-instance
 * lock, which Electron keys on the profile, allows one Lab per data directory: two Labs
 * on two directories (a test run beside a working session) do not block each other.
 */
import { join } from 'node:path';
import { DATA_DIR_VARIABLE, resolveDataDir } from '../data-dir';

export const DATA_DIR_FLAG = '--data-dir';

/** The value of `--data-dir` in `argv`, if given. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith(`${DATA_DIR_FLAG}=`)) return arg.slice(DATA_DIR_FLAG.length + 1);
    if (arg === DATA_DIR_FLAG) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`invalid "${DATA_DIR_FLAG}": a directory must follow it`);
      return value;
    }
  }
  return undefined;
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
