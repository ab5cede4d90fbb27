/**
 * The Electron bundles as they ship: the preload run the way Chromium's sandbox runs it
 * (a bare context whose `require` knows only `electron`), and the main process run under
 * Node with a stand-in `electron` module (scripts/testing/fake-electron/) that drives it
 * as the window would, then quits.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, LAB_BRIDGE_KEY, methodChannel } from '../shared/contract/bridge';
import { methodNames } from '../shared/contract/define';
import { LAB_CONTRACT } from '../shared/contract/lab-contract';
import { CONTENT_SECURITY_POLICY } from '../electron/shell/content-security-policy';
import { buildElectron, type ElectronBuild } from './build-electron';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const fakeElectron = join(repoRoot, 'scripts', 'testing', 'fake-electron', 'register.mjs');

let workDir: string;
let built: ElectronBuild;

beforeAll(async () => {
  // Inside the repository, so that the main bundle's packages resolve from its node_modules, as in the packaged app.
  await mkdir(join(repoRoot, 'dist'), { recursive: true });
  workDir = await mkdtemp(join(repoRoot, 'dist', '.build-electron-test-'));
  // The layout of a checkout: dist/electron/ and dist/renderer/ under a folder with package.json.
  built = await buildElectron({ outDir: join(workDir, 'dist', 'electron') });
  await writeFile(join(workDir, 'package.json'), JSON.stringify({ name: 'totango-oauth-lab', version: '9.9.9-test' }));
}, 60_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

interface Recorded {
  readonly kind: string;
  readonly [field: string]: unknown;
}

/** Runs the main bundle under the fake electron; resolves with its records and exit code. */
function runMain(args: readonly string[]): Promise<{ records: Recorded[]; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', fakeElectron, built.mainFile, ...args], { cwd: workDir, env: { ...process.env, LAB_RENDERER_URL: '', TOTANGO_LAB_DATA_DIR: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the main process did not end by itself; records:\n${stdout}\nstderr:\n${stderr}`));
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ records: stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Recorded), code, stderr });
    });
  });
}

describe('the preload bundle', () => {
  it("runs in a bare sandbox-like context, requiring only electron, and exposes the contract's methods and onEvent", async () => {
    const source = await readFile(built.preloadFile, 'utf8');
    const exposed: [string, object][] = [];
    const invoked: unknown[][] = [];
    const listened: string[] = [];
    const required: string[] = [];
    const fake = {
      contextBridge: { exposeInMainWorld: (key: string, api: object) => exposed.push([key, api]) },
      ipcRenderer: { invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: null }), on: (channel: string) => listened.push(channel), removeListener: () => {} },
    };
    const module = { exports: {} };
    const context = createContext({ module, exports: module.exports, require: (id: string) => (required.push(id), id === 'electron' ? fake : undefined) });
    runInContext(source, context, { filename: 'preload.cjs' });
    expect(required).toEqual(['electron']);
    expect(exposed.map(([key]) => key)).toEqual([LAB_BRIDGE_KEY]);
    const api = exposed[0]![1] as unknown as Readonly<Record<string, Readonly<Record<string, (input: unknown) => Promise<unknown>>>>> & { onEvent: (listener: () => void) => () => void };
    const shape = Object.keys(api).flatMap((service) => (service === 'onEvent' ? ['onEvent'] : Object.keys(api[service]!).map((m) => `${service}.${m}`)));
    expect(shape.sort()).toEqual([...methodNames(LAB_CONTRACT).map(([s, m]) => `${s}.${m}`), 'onEvent'].sort());
    await api.flows!.clientCredentials!({ targetKey: 'mock' });
    api.onEvent(() => {});
    expect(invoked).toEqual([[methodChannel('flows', 'clientCredentials'), { targetKey: 'mock' }]]);
    expect(listened).toEqual([EVENT_CHANNEL]);
  });
});

describe('the main bundle', () => {
  it('imports at run time only packages that are runtime dependencies', () => {
    expect(built.mainPackages).toEqual(expect.arrayContaining(['fastify', 'zod']));
    expect(built.mainPackages).not.toContain('vitest');
    expect(built.mainPackages).not.toContain('esbuild');
  });

  it('starts the Lab, serves the page with its policy, answers the window over IPC, refuses a stranger, and stops cleanly on quit', async () => {
    await mkdir(join(workDir, 'dist', 'renderer'), { recursive: true });
    await writeFile(join(workDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Lab</title>');
    const dataDir = join(workDir, 'data');
    const { records, code, stderr } = await runMain(['--data-dir', dataDir, '--mock-port', '0']);
    const byKind = (kind: string) => records.filter((r) => r.kind === kind);
    expect(byKind('driveFailed')).toEqual([]);
    expect(code, stderr).toBe(0);

    expect(byKind('privilegedSchemes')).toEqual([{ kind: 'privilegedSchemes', schemes: [{ scheme: 'totango-lab', privileges: expect.objectContaining({ standard: true, secure: true }) }] }]);
    expect(byKind('enableSandbox')).toHaveLength(1);
    // The checkout's identity first (not "Electron"), then the chosen data directory's own profile.
    expect(byKind('setName')).toEqual([{ kind: 'setName', name: 'Totango OAuth Lab' }]);
    expect(byKind('setPath')).toEqual([
      { kind: 'setPath', name: 'userData', value: join('/nonexistent/app-data', 'Totango OAuth Lab') },
      { kind: 'setPath', name: 'userData', value: join(dataDir, 'electron') },
    ]);
    expect(byKind('window')).toEqual([{ kind: 'window', webPreferences: expect.objectContaining({ preload: join(workDir, 'dist', 'electron', 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false }) }]);
    expect(byKind('menu')).toEqual([{ kind: 'menu', roles: expect.arrayContaining(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']) }]);
    expect(byKind('page')).toEqual([{ kind: 'page', url: 'totango-lab://app/index.html', status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>Lab</title>' }]);

    const calls = byKind('call');
    expect(calls.map((c) => c.channels)).toEqual(calls.map(() => methodNames(LAB_CONTRACT).length));
    expect(calls[0]).toMatchObject({ name: 'lab.info', result: { ok: true, value: { shell: 'electron', version: '9.9.9-test', dataDir, secureStorage: { available: false } } } });
    expect(calls[1]).toMatchObject({ name: 'mock.status', result: { ok: true, value: { state: 'embedded' } } });
    expect(calls[2]).toMatchObject({ name: 'mock.advanceClock', result: { ok: false, error: { code: 'invalid_input', field: 'seconds' } } });
    expect(calls[3]).toMatchObject({ name: 'lab.info', result: { ok: false, error: { code: 'forbidden' } } });

    // The mock's request log reaches the window as events.
    expect(byKind('send')).toContainEqual({ kind: 'send', channel: EVENT_CHANNEL, name: 'mock.request' });

    expect(byKind('quitHeld')).toHaveLength(1);
    expect(byKind('quit')).toEqual([{ kind: 'quit', handlersLeft: 0 }]);
  });

  it('tells the user, and exits, when the window is not built', async () => {
    await rm(join(workDir, 'dist', 'renderer'), { recursive: true, force: true });
    const { records, code } = await runMain(['--data-dir', join(workDir, 'data-2'), '--mock-port', '0']);
    expect(code).toBe(1);
    expect(records.filter((r) => r.kind === 'errorBox')).toEqual([
      { kind: 'errorBox', title: 'Totango OAuth Lab: the window is not built', content: `"${join(workDir, 'dist', 'renderer', 'index.html')}" is missing: build the window first (npm run build:renderer)` },
    ]);
    expect(records.filter((r) => r.kind === 'window')).toEqual([]);
  });
});
