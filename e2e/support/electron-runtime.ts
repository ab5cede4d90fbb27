/**
 * Is Electron's runtime installed, for the suite's `electron` project? Found by
 * `npm start`'s own finder (scripts/electron-runtime.ts), which reads the package's
 * path.txt without requiring the package: requiring it starts a download when the binary
 * is missing, and this machine has no internet. Here the answer carries the reason a
 * skipped test reports.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { lookUpElectronRuntime } from '../../scripts/electron-runtime';

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
  const runtime = lookUpElectronRuntime(packageDir, env);
  if (runtime.installed) return runtime;
  if (runtime.missing === 'path.txt') return { installed: false, reason: MISSING_RUNTIME_REASON };
  return { installed: false, reason: `${MISSING_RUNTIME_REASON} (no binary at "${runtime.executablePath}")` };
}
