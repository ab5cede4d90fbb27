/**
 * The `browser-mode` project's fixtures: each test gets its own Lab (the mock Totango and
 * the services on a fresh temporary data directory, behind the browser-mode host, every
 * port picked free), and stops it afterwards. `lab.open(page)` opens the launch URL the
 * terminal would print and waits for the window's ready marker.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLab } from '../../electron/boot/start-lab';
import { startWebHost } from '../../electron/web/web-host';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built window (`npm run build:renderer`); `LAB_RENDERER_DIR` points at another build (parallel work on one checkout). */
export const RENDERER_DIR = process.env['LAB_RENDERER_DIR'] ?? path.join(projectDir, 'dist', 'renderer');
const { version } = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { version: string };

export interface BrowserLab {
  /** The launch URL, token included (what `npm run web` prints). */
  readonly url: string;
  /** `http://127.0.0.1:PORT`, without the token. */
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  /** What the Lab logged as errors during the test. */
  readonly errors: readonly string[];
  /** Opens the launch URL in `page` and waits until the window says it is ready. */
  open(page: Page): Promise<void>;
}

/** The window's root once the contract has answered. */
export const READY = '[data-app-state="ready"]';

export const test = base.extend<{ lab: BrowserLab }>({
  lab: async ({}, use, testInfo) => {
    if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
      throw new Error(`the window is not built: no "${path.relative(projectDir, RENDERER_DIR)}/index.html" (run npm run build:renderer)`);
    }
    const dataDir = await mkdtemp(path.join(tmpdir(), 'lab-e2e-'));
    const errors: string[] = [];
    const logError = (message: string, cause: unknown) => errors.push(`${message}: ${cause instanceof Error ? cause.message : String(cause ?? '')}`);
    const running = await startLab({ dataDir, shell: 'browser', version, mockPort: 0, logError });
    try {
      const host = await startWebHost({ dispatcher: running.services.dispatcher, events: running.services.events, staticDir: RENDERER_DIR, port: 0, logError });
      try {
        await use({
          url: host.url,
          origin: host.origin,
          token: host.token,
          dataDir,
          errors,
          async open(page) {
            await page.goto(host.url);
            await expect(page.locator(READY)).toBeVisible();
          },
        });
      } finally {
        await host.close();
      }
    } finally {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
      if (errors.length > 0) await testInfo.attach('lab-errors.txt', { body: errors.join('\n'), contentType: 'text/plain' });
    }
  },
});

export { expect };
