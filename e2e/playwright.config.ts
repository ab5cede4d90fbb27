/**
 * The end-to-end suite: `npm run e2e` (or `npx playwright test -c e2e/playwright.config.ts`).
 * - `browser-mode`: Debian's Chromium against the browser-mode host, one fresh Lab (mock,
 *   services, host, temporary data directory) per test;
 * - `electron`: the real Electron app through Playwright's Electron support, where its
 *   runtime is installed (a laptop, before a release); skipped with the reason elsewhere.
 * Results: the list on the terminal, and JSON in test-results/e2e-results.json for .ci/run.
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumExecutablePath } from './support/chromium';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.resolve(e2eDir, '..', 'test-results');

/** Where the JSON report goes (read by .ci/run). */
export const JSON_REPORT = path.join(resultsDir, 'e2e-results.json');

export default defineConfig({
  testDir: e2eDir,
  outputDir: path.join(resultsDir, 'e2e'),
  fullyParallel: true,
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  // Each test starts its own Lab (five mock listeners, the services, the host): two at a time is plenty on 2 cores.
  workers: process.env.CI !== undefined ? 2 : undefined,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: JSON_REPORT }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'browser-mode',
      testMatch: 'browser-mode/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        colorScheme: 'light',
        launchOptions: { executablePath: chromiumExecutablePath, args: [...chromiumArgs] },
      },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
      // Launching the app (Electron, then the mock and the services) is part of each test's time.
      timeout: 120_000,
    },
  ],
});
