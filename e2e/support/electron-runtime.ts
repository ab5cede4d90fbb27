/**
 * Is Electron's runtime installed? Read the way the `electron` package finds it
 * (node_modules/electron/path.txt, then the binary under dist/, or
 * ELECTRON_OVERRIDE_DIST_PATH), without requiring the package: requiring it starts a
 * download when the binary is missing, and this machine has no internet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronRuntime = { readonly installed: true; readonly executablePath: string } | { readonly installed: false; readonly reason: string };

export const MISSING_RUNTIME_REASON =
  'Electron runtime not installed: run `node node_modules/electron/install.js` on a machine with internet; this project is run on a laptop before a release';

function installedPackageDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** `packageDir`: the `electron` package's folder (found from here by default; null when it is not installed). */
export function findElectronRuntime(env: NodeJS.ProcessEnv = process.env, packageDir: string | null = installedPackageDir()): ElectronRuntime {
  if (packageDir === null) return { installed: false, reason: `${MISSING_RUNTIME_REASON} (the "electron" package itself is missing: run npm ci)` };
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { installed: false, reason: MISSING_RUNTIME_REASON };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const executablePath = path.join(distDir, relative);
  if (!existsSync(executablePath)) return { installed: false, reason: `${MISSING_RUNTIME_REASON} (no binary at "${executablePath}")` };
  return { installed: true, executablePath };
}
