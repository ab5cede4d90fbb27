/**
 * Screenshots of the window as test artifacts: attached to the test's report, and kept in
 * test-results/e2e/screenshots/ so that a reviewer sees every area without opening a report.
 * Whatever a screen marks `data-secret` is masked; the frame shows no secret yet, the
 * screens that will (client secrets, tokens, keys) mark theirs.
 */
import type { Page, TestInfo } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

export const SECRET_SELECTOR = '[data-secret]';

export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const folder = path.join(testInfo.project.outputDir, 'screenshots', testInfo.project.name);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${slug}.png`);
  // What the person sees: a full-page capture would draw the fixed header and navigation mid-page.
  await page.screenshot({ path: file, fullPage: false, animations: 'disabled', mask: [page.locator(SECRET_SELECTOR)] });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}
