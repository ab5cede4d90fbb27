import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summarizePlaywright, summarizeVitest } from './test-summary';

const dir = mkdtempSync(path.join(tmpdir(), 'test-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const report = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

describe('the test summary', () => {
  it('counts a vitest file that failed to load as a failure', () => {
    const file = report('v1.json', { numPassedTests: 10, numFailedTests: 0, testResults: [{ status: 'failed', assertionResults: [] }, { status: 'passed', assertionResults: [{}] }] });
    expect(summarizeVitest(file, 1)).toMatchObject({ passed: 10, failed: 1 });
  });

  it('counts a missing report, or a failing runner with a clean report, as one failure', () => {
    expect(summarizeVitest(path.join(dir, 'none.json'), 1)).toMatchObject({ passed: 0, failed: 1 });
    const file = report('v2.json', { numPassedTests: 3, numFailedTests: 0 });
    expect(summarizeVitest(file, 2)).toMatchObject({ passed: 3, failed: 1, note: 'vitest exited with 2' });
    expect(summarizeVitest(file, 0)).toMatchObject({ passed: 3, failed: 0 });
  });

  it('reads Playwright stats, errors outside tests, and groups skips by reason', () => {
    const skipped = (reason: string) => ({ status: 'skipped', projectName: 'electron', annotations: [{ type: 'skip', description: reason }] });
    const file = report('p.json', {
      stats: { expected: 8, unexpected: 1, flaky: 1, skipped: 3 },
      errors: [{ message: 'spec did not load' }],
      suites: [{ specs: [{ tests: [skipped('no runtime'), skipped('no runtime')] }], suites: [{ specs: [{ tests: [{ status: 'skipped', projectName: 'browser-mode' }] }] }] }],
    });
    const summary = summarizePlaywright(file, 1);
    expect(summary).toMatchObject({ passed: 9, failed: 2 });
    expect(summary.skipped).toEqual([
      { count: 2, reason: '[electron] no runtime' },
      { count: 1, reason: '[browser-mode] no reason given' },
    ]);
  });

  it('refuses a run where nothing passed and nothing failed', () => {
    expect(summarizePlaywright(report('p0.json', { stats: {} }), 0)).toMatchObject({ failed: 1 });
    expect(summarizeVitest(report('v0.json', { numPassedTests: 0, numFailedTests: 0 }), 0)).toMatchObject({ failed: 1 });
  });
});
