/** What a Lab under test has written to its data directory. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The saved preferences (electron/services/client/preferences.ts), or undefined before the first save. */
export async function readSavedPreferences(dataDir: string): Promise<{ theme?: string } | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, 'preferences.json'), 'utf8')) as { theme?: string };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
