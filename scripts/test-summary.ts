/**
 * Reads the JSON reports of vitest and Playwright into one shape: passed, failed, and the
 * skipped tests grouped by reason. A suite whose report is missing, or whose runner
 * failed while its report shows no failure, counts one failure: nothing passes silently.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface SuiteSummary {
  readonly name: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: readonly { readonly count: number; readonly reason: string }[];
  readonly note?: string;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { status: string; assertionResults?: unknown[] }[];
}

export function summarizeVitest(file: string, exitStatus: number): SuiteSummary {
  if (!existsSync(file)) return { name: 'vitest', passed: 0, failed: 1, skipped: [], note: 'no report: vitest did not finish' };
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
  // A file that failed to load counts as a failure even though none of its tests ran.
  const broken = (report.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
  let failed = report.numFailedTests + broken;
  if (exitStatus !== 0 && failed === 0) failed = 1;
  if (report.numPassedTests === 0 && failed === 0) failed = 1;
  const skippedCount = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return {
    name: 'vitest',
    passed: report.numPassedTests,
    failed,
    skipped: skippedCount > 0 ? [{ count: skippedCount, reason: 'skipped by their own condition (see the vitest output above)' }] : [],
    ...(exitStatus !== 0 && report.numFailedTests + broken === 0 ? { note: `vitest exited with ${exitStatus}` } : {}),
  };
}

interface PlaywrightTest {
  status: string;
  projectName: string;
  annotations?: { type: string; description?: string }[];
  results?: { annotations?: { type: string; description?: string }[] }[];
}
interface PlaywrightSuite {
  specs?: { tests?: PlaywrightTest[] }[];
  suites?: PlaywrightSuite[];
}
interface PlaywrightReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  errors?: unknown[];
  suites?: PlaywrightSuite[];
}

export function summarizePlaywright(file: string, exitStatus: number): SuiteSummary {
  if (!existsSync(file)) return { name: 'playwright', passed: 0, failed: 1, skipped: [], note: 'no report: Playwright did not finish' };
  const report = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightReport;
  const stats = report.stats ?? {};
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  // An error outside any test (a spec that does not load, a broken config) is a failure too.
  let failed = (stats.unexpected ?? 0) + (report.errors ?? []).length;
  if (exitStatus !== 0 && failed === 0) failed = 1;
  if (passed === 0 && failed === 0) failed = 1;
  const reasons = new Map<string, number>();
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue;
        const notes = [...(test.annotations ?? []), ...(test.results ?? []).flatMap((r) => r.annotations ?? [])];
        const note = notes.find((a) => a.type === 'skip' && a.description);
        const reason = `[${test.projectName}] ${note?.description ?? 'no reason given'}`;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return { name: 'playwright', passed, failed, skipped: [...reasons].map(([reason, count]) => ({ count, reason })) };
}
