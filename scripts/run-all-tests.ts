/**
 * `npm test`: every test suite, the same command CI runs. Builds the window and the
 * Electron bundles (the end-to-end suite drives them), runs vitest (unit and
 * integration), then Playwright (end to end, Debian's Chromium under a virtual display
 * when there is none), and ends with one line "N passed, N failed" summing all suites.
 * Skipped tests count as neither; a line says how many were skipped, and why.
 *
 * Extra arguments go to vitest (`npm test -- electron/mock`); with any, the end-to-end
 * suite is left out (run it with `npm run e2e`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumExecutablePath } from '../e2e/support/chromium';
import { summarizePlaywright, summarizeVitest, type SuiteSummary } from './test-summary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results');
const vitestReport = path.join(resultsDir, 'vitest-results.json');
const e2eReport = path.join(resultsDir, 'e2e-results.json');

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) console.error(`could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function main(): number {
  const vitestArgs = process.argv.slice(2);
  const withE2e = vitestArgs.length === 0;
  mkdirSync(resultsDir, { recursive: true });
  const suites: SuiteSummary[] = [];
  let buildFailures = 0;

  if (withE2e) {
    console.log('\n== build the window and the Electron bundles');
    if (run('npm', ['run', '--silent', 'build:renderer']) !== 0) buildFailures += 1;
    if (run('npm', ['run', '--silent', 'build:electron']) !== 0) buildFailures += 1;
  }

  console.log('\n== unit and integration tests (vitest)');
  rmSync(vitestReport, { force: true });
  const vitestStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`, ...vitestArgs]);
  suites.push(summarizeVitest(vitestReport, vitestStatus));

  if (withE2e) {
    console.log('\n== end-to-end tests (Playwright, Debian Chromium)');
    rmSync(e2eReport, { force: true });
    if (buildFailures > 0) {
      suites.push({ name: 'playwright', passed: 0, failed: 1, skipped: [], note: 'a build failed: the end-to-end suite cannot run' });
    } else if (!existsSync(chromiumExecutablePath)) {
      suites.push({
        name: 'playwright',
        passed: 0,
        failed: 0,
        skipped: [{ count: 1, reason: `the whole end-to-end suite: no Chromium at ${chromiumExecutablePath} (apt-get install chromium xvfb; .ci/run installs them)` }],
      });
    } else {
      const display = process.env['DISPLAY'] === undefined && onPath('xvfb-run') ? ['xvfb-run', '-a'] : [];
      const command = [...display, bin('playwright'), 'test', '-c', 'e2e/playwright.config.ts'];
      const status = run(command[0]!, command.slice(1));
      suites.push(summarizePlaywright(e2eReport, status));
    }
  }

  let passed = 0;
  let failed = buildFailures;
  const skipped: string[] = [];
  console.log('');
  for (const suite of suites) {
    const skippedCount = suite.skipped.reduce((sum, s) => sum + s.count, 0);
    console.log(`${suite.name}: ${suite.passed} passed, ${suite.failed} failed, ${skippedCount} skipped${suite.note ? ` (${suite.note})` : ''}`);
    passed += suite.passed;
    failed += suite.failed;
    for (const s of suite.skipped) skipped.push(`  ${s.count} ${suite.name}: ${s.reason}`);
  }
  if (buildFailures > 0) console.log(`${buildFailures} build(s) failed (counted as failures)`);
  if (skipped.length > 0) console.log(`skipped (counted as neither passed nor failed):\n${skipped.join('\n')}`);
  writeFileSync(path.join(resultsDir, 'summary.json'), JSON.stringify({ passed, failed, suites }, null, 2));
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
