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
import { sendOnce, type LoadRequest } from './lib/load';
import { measureRounds, printRatios, printThroughputTable } from './lib/throughput';
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

function tokenRequest(ready: ReadyLine, authorization: string): LoadRequest {
  if (ready.tokenUrl === undefined) throw new Error('the server did not report its token endpoint');
  return {
    url: ready.tokenUrl,
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
    request: (ready) => tokenRequest(ready, basic('bench-client', 'not-checked')),
  },
  {
    id: OAUTH2_MOCK_SERVER,
    label: 'oauth2-mock-server 8 (no secret check, RS256)',
    script: server('oauth2-mock-server'),
    // It reads grant_type from the form and ignores client authentication.
    request: (ready) => tokenRequest(ready, basic('bench-client', 'not-checked')),
    expectedAlg: 'RS256',
  },
  {
    id: OURS,
    label: 'mock Totango (secret checked, ES256)',
    script: server('mock-totango'),
    request: (ready) => {
      if (ready.clientId === undefined || ready.clientSecret === undefined) throw new Error('the mock did not report its client credentials');
      return tokenRequest(ready, basic(ready.clientId, ready.clientSecret));
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

    const rounds = await measureRounds(SUBJECTS, requests, settings, problems);
    printThroughputTable(SUBJECTS, rounds, settings);
    printRatios(rounds, [
      { name: 'mock Totango / oauth2-mock-server:', ours: OURS, baseline: OAUTH2_MOCK_SERVER, target: TARGET_VS_OAUTH2_MOCK_SERVER, asPercent: false },
      { name: 'mock Totango / bare node:http:    ', ours: OURS, baseline: BARE, target: TARGET_VS_BARE, asPercent: true },
    ]);
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
