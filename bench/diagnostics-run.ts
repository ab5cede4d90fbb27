/**
 * The time of a full diagnostics run: `diagnose()` of the client engine calling every
 * catalogued endpoint with an `admin` token, against our mock Totango started in its own
 * process and reached over HTTP only, as the app reaches it. The baseline, measured in
 * the same run and interleaved with it: as many bare GETs as the catalogue has
 * endpoints, with the same fetch (undici's) and the same number in flight (diagnose's
 * default of 8), to a bare node:http server: the floor of that many calls here.
 *
 * Every run must pass every endpoint (an admin token is allowed everything), or the
 * benchmark fails. Target: a full run's median under 1 s.
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetch as undiciFetch } from 'undici';
import { CATALOGUE } from '../shared/catalogue';
import { mapBounded } from '../electron/client/diagnostics/bounded-pool';
import { diagnose, type DiagnosticsMatrix } from '../electron/client/diagnostics/diagnose';
import type { BenchOutcome, BenchSettings, Benchmark } from './lib/benchmark';
import { startChildServer, type ChildServer } from './lib/child-server';
import { median, percentile } from './lib/stats';
import { formatNumber, formatTable } from './lib/table';

/** Measured runs per round, after the warm-up runs. */
const RUNS_PER_ROUND = 20;
const WARMUP_RUNS = 3;
/** diagnose()'s default. */
const CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;
const TARGET_MEDIAN_MS = 1000;

const OURS = 'mock-totango';
const BARE = 'bare-http';

const server = (name: string) => fileURLToPath(new URL(`./servers/${name}.ts`, import.meta.url));

/** Undefined when every endpoint passed; otherwise what did not. */
function checkMatrix(matrix: DiagnosticsMatrix): string | undefined {
  if (matrix.counts.pass === CATALOGUE.length && matrix.rows.length === CATALOGUE.length) return undefined;
  const others = matrix.rows
    .filter((row) => row.verdict !== 'pass')
    .slice(0, 5)
    .map((row) => `${row.endpointId}: ${row.verdict}${row.actual ? ` (HTTP ${row.actual.status})` : ''}`);
  return `${matrix.counts.pass} of ${CATALOGUE.length} endpoints passed; ${others.join('; ')}`;
}

/** As many GETs as the catalogue has endpoints, CONCURRENCY in flight, each body read; throws on a non-200. */
async function bareCalls(baseUrl: string): Promise<void> {
  await mapBounded(CATALOGUE, CONCURRENCY, async (endpoint) => {
    const response = await undiciFetch(`${baseUrl}${endpoint.path}`, { headers: { accept: 'application/json', authorization: 'Bearer not-checked' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`the bare server answered ${response.status}: ${text.slice(0, 200)}`);
  });
}

async function timed(task: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await task();
  return performance.now() - t0;
}

async function run(settings: BenchSettings): Promise<BenchOutcome> {
  const problems: string[] = [];
  const started: ChildServer[] = [];
  const start = async (id: string, script: string, args: readonly string[]) => {
    const nodeArgs = settings.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(settings.cpuProfileDir, `diagnostics-${id}`)}`] : [];
    const child = await startChildServer(id, script, { nodeArgs, args });
    started.push(child);
    return child;
  };
  try {
    const [mockStart, bareStart] = await Promise.allSettled([
      start(OURS, server('mock-totango-api'), ['admin']),
      start(BARE, server('bare-http-get'), [JSON.stringify({ id: 'u-1003', email: 'integration.bot@acme-demo.example', full_name: 'Integration Bot', status: 'active' })]),
    ]);
    for (const result of [mockStart, bareStart]) if (result.status === 'rejected') problems.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
    if (mockStart.status === 'rejected' || bareStart.status === 'rejected') return { ok: false, problems };
    const { apiBaseUrl, accessToken, scopes = [] } = mockStart.value.ready;
    const bareUrl = bareStart.value.ready.apiBaseUrl;
    if (apiBaseUrl === undefined || accessToken === undefined || bareUrl === undefined) return { ok: false, problems: ['a server did not report its URL (and the mock its access token)'] };

    const options = { target: { kind: 'mock' as const, apiBaseUrl }, accessToken, grantedScopes: scopes, concurrency: CONCURRENCY, timeoutMs: TIMEOUT_MS };
    const ours: number[][] = [];
    const bare: number[][] = [];
    const once = async (record: boolean) => {
      let matrix: DiagnosticsMatrix | undefined;
      const oursMs = await timed(async () => {
        matrix = await diagnose(options);
      });
      const problem = matrix === undefined ? 'no matrix' : checkMatrix(matrix);
      if (problem) throw new Error(`${OURS}: a diagnostics run did not pass every endpoint: ${problem}`);
      const bareMs = await timed(() => bareCalls(bareUrl));
      if (record) {
        ours.at(-1)?.push(oursMs);
        bare.at(-1)?.push(bareMs);
      }
    };
    process.stderr.write(`  ${WARMUP_RUNS} warm-up runs, then ${RUNS_PER_ROUND} measured per round${settings.rounds > 1 ? ` (${settings.rounds} rounds)` : ''}, each diagnose() followed by the bare calls...\n`);
    try {
      for (let i = 0; i < WARMUP_RUNS; i++) await once(false);
      for (let round = 0; round < settings.rounds; round++) {
        ours.push([]);
        bare.push([]);
        for (let i = 0; i < RUNS_PER_ROUND; i++) await once(true);
      }
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      return { ok: false, problems };
    }

    const ms = (value: number) => formatNumber(value, value < 10 ? 1 : 0);
    const row = (label: string, perRound: number[][]) => {
      const all = perRound.flat();
      return [
        label,
        String(all.length),
        ms(median(all)),
        ...(settings.rounds > 1 ? [`[${perRound.map((r) => ms(median(r))).join(', ')}]`] : []),
        ms(percentile(all, 90)),
        ms(Math.min(...all)),
        ms(Math.max(...all)),
      ];
    };
    console.log();
    console.log(`One run: ${CATALOGUE.length} endpoints, ${CONCURRENCY} calls in flight, over loopback HTTP; wall time in the client's process.`);
    console.log(
      formatTable(
        ['subject', 'runs', 'median ms', ...(settings.rounds > 1 ? ['round medians'] : []), 'p90 ms', 'min ms', 'max ms'],
        [
          row(`bare node:http, ${CATALOGUE.length} GETs with undici's fetch`, bare),
          row(`diagnose(), ${CATALOGUE.length} endpoints, admin token, mock Totango`, ours),
        ],
      ),
    );
    const oursMedian = median(ours.flat());
    const bareMedian = median(bare.flat());
    console.log();
    console.log(`diagnose() / bare calls (medians): ${formatNumber(oursMedian / bareMedian, 1)}x`);
    console.log(`diagnose() median: ${ms(oursMedian)} ms  (target < ${formatNumber(TARGET_MEDIAN_MS)} ms)  ${oursMedian < TARGET_MEDIAN_MS ? 'PASS' : 'ABOVE'}`);
    return { ok: problems.length === 0, problems };
  } finally {
    await Promise.allSettled(started.map((child) => child.stop()));
  }
}

export const diagnosticsRun: Benchmark = {
  id: 'diagnostics',
  title: `a full diagnostics run (${CATALOGUE.length} catalogued endpoints) against the mock over HTTP`,
  run,
};
