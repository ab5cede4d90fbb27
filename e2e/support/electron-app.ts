/**
 * The `electron` project's fixtures: the real app (dist/electron/main.js) launched by
 * Playwright's Electron support on a fresh temporary data directory, its first window
 * ready. Where the runtime is not installed, every test is skipped with the reason.
 */
import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { READY } from './browser-lab';
import { findElectronRuntime } from './electron-runtime';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ELECTRON_MAIN = path.join(projectDir, 'dist', 'electron', 'main.js');

export interface ElectronLab {
  readonly app: ElectronApplication;
  /** The first window, once it says it is ready. */
  readonly window: Page;
  readonly dataDir: string;
}

export const test = base.extend<{ electronLab: ElectronLab }>({
  electronLab: async ({}, use, testInfo) => {
    const runtime = findElectronRuntime();
    if (!runtime.installed) {
      testInfo.skip(true, runtime.reason);
      return;
    }
    if (!existsSync(ELECTRON_MAIN)) {
      throw new Error(`the Electron app is not built: no "${path.relative(projectDir, ELECTRON_MAIN)}" (run npm run build:electron)`);
    }
    const dataDir = await mkdtemp(path.join(tmpdir(), 'lab-e2e-electron-'));
    const app = await _electron.launch({
      executablePath: runtime.executablePath,
      // Free ports for the mock, so that tests and a running Lab never collide.
      // Chromium refuses to run as root with its sandbox (a CI container); a laptop keeps it.
      args: [ELECTRON_MAIN, `--data-dir=${dataDir}`, '--mock-port=0', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: projectDir,
      timeout: 60_000,
    });
    try {
      const window = await app.firstWindow();
      await expect(window.locator(READY)).toBeVisible({ timeout: 30_000 });
      await use({ app, window, dataDir });
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
