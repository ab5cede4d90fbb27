/**
 * Where the Lab keeps its data: `--data-dir`, else `TOTANGO_LAB_DATA_DIR`, else
 * `~/.totango-oauth-lab`. The Electron app passes its userData folder instead.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_DIR_VARIABLE = 'TOTANGO_LAB_DATA_DIR';

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag !== '') return resolve(flag);
  const fromEnv = env[DATA_DIR_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  return join(homedir(), '.totango-oauth-lab');
}
