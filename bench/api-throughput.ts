/**
 * Authorized API calls per second: `GET /api/v1/users/whoami` on our mock Totango's US
 * region with one client-credentials access token, reused as an integration reuses its
 * token. The mock checks the token on every call: its ES256 signature on first use (then
 * remembered, see electron/mock/access-tokens.ts), and on every call its issuer,
 * audience, expiry, revocation, app and acting user, and the scope the catalogue
 * requires. The baseline is a bare node:http server answering every GET with the same
 * JSON body (the ceiling of Node's HTTP here). Each server runs in its own process; both
 * are loaded the same way.
 *
 * Target: at least 40% of the bare server's rate.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE } from '../shared/catalogue';
import type { BenchOutcome, BenchSettings, Benchmark } from './lib/benchmark';
import { startChildServer, type ChildServer } from './lib/child-server';
import { sendOnce, type LoadRequest } from './lib/load';
import { measureRounds, printRatios, printThroughputTable, type ThroughputSubject } from './lib/throughput';

const OURS = 'mock-totango';
const BARE = 'bare-http';

const TARGET_VS_BARE = 0.4;

const WHOAMI = CATALOGUE.find((e) => e.id === 'whoami');

const SUBJECTS: readonly ThroughputSubject[] = [
  { id: BARE, label: 'bare node:http (fixed JSON body)' },
  { id: OURS, label: `mock Totango (token and ${WHOAMI?.requiredScope ?? '?'} checked)` },
];

const server = (name: string) => fileURLToPath(new URL(`./servers/${name}.ts`, import.meta.url));

function whoamiRequest(apiBaseUrl: string, accessToken: string): LoadRequest {
  return { url: `${apiBaseUrl}${WHOAMI?.path ?? ''}`, method: 'GET', headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` } };
}

/** Undefined when the answer is a 200 with a JSON object; otherwise what is wrong. */
function checkJson200(answer: { status: number; body: string }): string | undefined {
  if (answer.status !== 200) return `answered ${answer.status}: ${answer.body.slice(0, 300)}`;
  try {
    const body: unknown = JSON.parse(answer.body);
    return typeof body === 'object' && body !== null ? undefined : `answered 200 with JSON that is not an object: ${answer.body.slice(0, 300)}`;
  } catch {
    return `answered 200 with a body that is not JSON: ${answer.body.slice(0, 300)}`;
  }
}

async function run(settings: BenchSettings): Promise<BenchOutcome> {
  if (WHOAMI === undefined || WHOAMI.method !== 'GET') return { ok: false, problems: ['the catalogue has no GET "whoami" endpoint'] };
  const problems: string[] = [];
  const started: ChildServer[] = [];
  const start = async (id: string, script: string, args: readonly string[]) => {
    // One directory per subject: Node writes a profile per thread (tsx's loader runs in its own).
    const nodeArgs = settings.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(settings.cpuProfileDir, `api-${id}`)}`] : [];
    const child = await startChildServer(id, script, { nodeArgs, args });
    started.push(child);
    return child;
  };
  try {
    const requests = new Map<string, LoadRequest>();
    let whoamiBody = '';
    try {
      const mock = await start(OURS, server('mock-totango-api'), [WHOAMI.requiredScope]);
      const { apiBaseUrl, accessToken, scopes = [] } = mock.ready;
      if (apiBaseUrl === undefined || accessToken === undefined) throw new Error('the mock did not report its API base URL and an access token');
      if (!scopes.includes(WHOAMI.requiredScope)) throw new Error(`the token holds "${scopes.join(' ')}", not "${WHOAMI.requiredScope}"`);
      const request = whoamiRequest(apiBaseUrl, accessToken);
      // The exact request of the load, twice (the first verifies the signature, later ones may hit the mock's cache).
      for (let i = 0; i < 2; i++) {
        const answer = await sendOnce(request);
        const problem = checkJson200(answer);
        if (problem) throw new Error(problem);
        whoamiBody = answer.body;
      }
      // And without the token: the mock must refuse it, or the load would not measure authorization.
      const anonymous = await sendOnce({ ...request, headers: { accept: 'application/json' } });
      if (anonymous.status !== 401) throw new Error(`without a token it answered ${anonymous.status}, not 401`);
      requests.set(OURS, request);
    } catch (error) {
      problems.push(`${OURS} failed its check: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, problems };
    }
    try {
      // The same body as the mock's answer, so that both write as many bytes.
      const bare = await start(BARE, server('bare-http-get'), [whoamiBody]);
      if (bare.ready.apiBaseUrl === undefined) throw new Error('the bare server did not report its URL');
      const request = whoamiRequest(bare.ready.apiBaseUrl, 'not-checked');
      const answer = await sendOnce(request);
      const problem = checkJson200(answer) ?? (answer.body === whoamiBody ? undefined : 'answered a body other than the one it was given');
      if (problem) throw new Error(problem);
      requests.set(BARE, request);
    } catch (error) {
      problems.push(`${BARE} failed its check: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, problems };
    }

    console.log(`GET ${WHOAMI.path}: ${Buffer.byteLength(whoamiBody)}-byte JSON body from both`);
    const rounds = await measureRounds(SUBJECTS, requests, settings, problems);
    printThroughputTable(SUBJECTS, rounds, settings);
    printRatios(rounds, [{ name: 'mock Totango / bare node:http:', ours: OURS, baseline: BARE, target: TARGET_VS_BARE, asPercent: true }]);
    return { ok: problems.length === 0, problems };
  } finally {
    await Promise.allSettled(started.map((child) => child.stop()));
  }
}

export const apiThroughput: Benchmark = {
  id: 'api',
  title: 'authorized API calls (GET /api/v1/users/whoami) per second',
  run,
};
