/**
 * Client-credentials token requests per second: our mock Totango (client secret checked,
 * ES256 JWT signed) against two baselines measured in the same run, each server in its
 * own process, all loaded the same way:
 * - oauth2-mock-server, the npm package (checks no secret, signs RS256);
 * - a bare node:http server answering a fixed token (the ceiling of Node's HTTP here).
 *
 * Targets: at least 3x oauth2-mock-server's rate, and at least 20% of the bare server's.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOutcome, BenchSettings, Benchmark } from './lib/benchmark';
import { startChildServer, type ChildServer } from './lib/child-server';
import { measure, sendOnce, type LoadRequest, type LoadResult } from './lib/load';
import { formatNumber, formatTable } from './lib/table';
import type { ReadyLine } from './servers/serve';

interface Subject {
  readonly id: string;
  readonly label: string;
  readonly script: string;
  /** The exact request the load sends. */
  request(ready: ReadyLine): LoadRequest;
  /** The JWS algorithm its access token must carry; undefined for an opaque fixed token. */
  readonly expectedAlg?: string;
}

const OURS = 'mock-totango';
const OAUTH2_MOCK_SERVER = 'oauth2-mock-server';
const BARE = 'bare-http';

const TARGET_VS_OAUTH2_MOCK_SERVER = 3;
const TARGET_VS_BARE = 0.2;

const server = (name: string) => fileURLToPath(new URL(`./servers/${name}.ts`, import.meta.url));

/** RFC 6749 §2.3.1: each half is form-urlencoded, then `id:secret` is base64. */
function basic(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

function tokenRequest(url: string, authorization: string): LoadRequest {
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization },
    body: 'grant_type=client_credentials',
  };
}

const SUBJECTS: readonly Subject[] = [
  {
    id: BARE,
    label: 'bare node:http (fixed token)',
    script: server('bare-http'),
    request: (ready) => tokenRequest(ready.tokenUrl, basic('bench-client', 'not-checked')),
  },
  {
    id: OAUTH2_MOCK_SERVER,
    label: 'oauth2-mock-server 8 (no secret check, RS256)',
    script: server('oauth2-mock-server'),
    // It reads grant_type from the form and ignores client authentication.
    request: (ready) => tokenRequest(ready.tokenUrl, basic('bench-client', 'not-checked')),
    expectedAlg: 'RS256',
  },
  {
    id: OURS,
    label: 'mock Totango (secret checked, ES256)',
    script: server('mock-totango'),
    request: (ready) => {
      if (ready.clientId === undefined || ready.clientSecret === undefined) throw new Error('the mock did not report its client credentials');
      return tokenRequest(ready.tokenUrl, basic(ready.clientId, ready.clientSecret));
    },
    expectedAlg: 'ES256',
  },
];

/** Undefined when the answer is a 200 with an access token as expected; otherwise what is wrong. */
function checkAnswer(subject: Subject, answer: { status: number; body: string }): string | undefined {
  if (answer.status !== 200) return `answered ${answer.status}: ${answer.body.slice(0, 300)}`;
  let token: unknown;
  try {
    token = (JSON.parse(answer.body) as { access_token?: unknown }).access_token;
  } catch {
    return `answered 200 with a body that is not JSON: ${answer.body.slice(0, 300)}`;
  }
  if (typeof token !== 'string' || token === '') return `answered 200 without an access_token: ${answer.body.slice(0, 300)}`;
  if (subject.expectedAlg === undefined) return undefined;
  const [header = ''] = token.split('.');
  let alg: unknown;
  try {
    alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
  } catch {
    return 'the access_token is not a JWT';
  }
  return alg === subject.expectedAlg ? undefined : `the access_token is signed ${String(alg)}, not ${subject.expectedAlg}`;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** The middle element by `key` (the lower middle for an even count). */
function medianBy<T>(items: readonly T[], key: (item: T) => number): T | undefined {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** autocannon records latency in whole milliseconds. */
function milliseconds(value: number): string {
  return value < 1 ? '<1' : formatNumber(value);
}

async function run(settings: BenchSettings): Promise<BenchOutcome> {
  const problems: string[] = [];
  const started: ChildServer[] = [];
  try {
    const starts = await Promise.allSettled(
      SUBJECTS.map(async (subject) => {
        // One directory per subject: Node writes a profile per thread (tsx's loader runs in its own).
        const nodeArgs = settings.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(settings.cpuProfileDir, subject.id)}`] : [];
        const child = await startChildServer(subject.id, subject.script, { nodeArgs });
        started.push(child);
        return child;
      }),
    );
    const children = new Map<string, ChildServer>();
    starts.forEach((result, i) => {
      if (result.status === 'fulfilled') children.set(SUBJECTS[i]?.id ?? '', result.value);
      else problems.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
    });
    if (problems.length > 0) return { ok: false, problems };

    // The exact request of the load, twice: ours runs scrypt on the first and its HMAC cache after.
    const requests = new Map<string, LoadRequest>();
    for (const subject of SUBJECTS) {
      const child = children.get(subject.id);
      if (!child) continue;
      try {
        const request = subject.request(child.ready);
        for (let i = 0; i < 2; i++) {
          const problem = checkAnswer(subject, await sendOnce(request));
          if (problem) throw new Error(problem);
        }
        requests.set(subject.id, request);
      } catch (error) {
        problems.push(`${subject.id} failed its check: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (problems.length > 0) return { ok: false, problems };

    // Rounds rotate the order, so that a slow moment of a shared machine does not fall on one subject only.
    const rounds: Map<string, LoadResult>[] = [];
    for (let round = 0; round < settings.rounds; round++) {
      const results = new Map<string, LoadResult>();
      rounds.push(results);
      for (const subject of rotate(SUBJECTS, round)) {
        const request = requests.get(subject.id);
        if (!request) continue;
        const label = settings.rounds > 1 ? `round ${round + 1}/${settings.rounds}, ${subject.id}` : subject.id;
        process.stderr.write(`  ${label}: ${settings.warmupSeconds} s warm-up, ${settings.durationSeconds} s measured, ${settings.connections} connections...\n`);
        const { warmup, measured } = await measure(request, settings);
        results.set(subject.id, measured);
        for (const [phase, result] of [['warm-up', warmup], ['measured run', measured]] as const) {
          if (result.non2xx > 0 || result.errors > 0) {
            problems.push(`${subject.id} answered ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodes)}) and had ${result.errors} connection errors in the ${phase} (${label})`);
          }
        }
      }
    }

    console.log();
    console.log(
      settings.rounds > 1
        ? `requests/s: 2xx answers per second, the median of ${settings.rounds} rounds (range in brackets); latency of the median round, 1 ms resolution.`
        : 'requests/s: 2xx answers per second of the measured run; latency has 1 ms resolution.',
    );
    console.log(
      formatTable(
        ['subject', 'requests/s', ...(settings.rounds > 1 ? ['range'] : []), 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
        SUBJECTS.map((subject) => {
          const all = rounds.map((r) => r.get(subject.id)).filter((r): r is LoadResult => r !== undefined);
          const typical = medianBy(all, (r) => r.requestsPerSecond);
          if (!typical) return [subject.label, '-', ...(settings.rounds > 1 ? ['-'] : []), '-', '-', '-', '-'];
          const rates = all.map((r) => r.requestsPerSecond);
          return [
            subject.label,
            formatNumber(typical.requestsPerSecond),
            ...(settings.rounds > 1 ? [`[${formatNumber(Math.min(...rates))}-${formatNumber(Math.max(...rates))}]`] : []),
            milliseconds(typical.p50Ms),
            milliseconds(typical.p99Ms),
            String(all.reduce((sum, r) => sum + r.non2xx, 0)),
            String(all.reduce((sum, r) => sum + r.errors, 0)),
          ];
        }),
      ),
    );
    /** Ours over a baseline, per round; the median of the rounds. */
    const ratio = (baseline: string) => {
      const perRound = rounds.flatMap((r) => {
        const ours = r.get(OURS)?.requestsPerSecond;
        const base = r.get(baseline)?.requestsPerSecond;
        return ours === undefined || base === undefined || base === 0 ? [] : [ours / base];
      });
      return { median: medianBy(perRound, (x) => x), perRound };
    };
    const verdict = (value: number | undefined, target: number) => (value === undefined ? 'n/a' : value >= target ? 'PASS' : 'BELOW');
    const show = (value: number, asPercent: boolean) => (asPercent ? `${formatNumber(value * 100, 1)}%` : `${formatNumber(value, 2)}x`);
    console.log();
    for (const [name, baseline, target, asPercent] of [
      ['mock Totango / oauth2-mock-server:', OAUTH2_MOCK_SERVER, TARGET_VS_OAUTH2_MOCK_SERVER, false],
      ['mock Totango / bare node:http:    ', BARE, TARGET_VS_BARE, true],
    ] as const) {
      const { median, perRound } = ratio(baseline);
      const rounds = perRound.length > 1 ? `  (rounds: ${perRound.map((r) => show(r, asPercent)).join(', ')})` : '';
      console.log(`${name} ${median === undefined ? 'n/a' : show(median, asPercent)}  (target >= ${show(target, asPercent)})  ${verdict(median, target)}${rounds}`);
    }
    return { ok: problems.length === 0, problems };
  } finally {
    await Promise.allSettled(started.map((child) => child.stop()));
  }
}

export const tokenThroughput: Benchmark = {
  id: 'token',
  title: 'client-credentials token requests per second',
  run,
};
