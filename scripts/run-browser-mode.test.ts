/**
 * Browser mode as a process, the way `npm run web` and `npm start` run it: the launch line
 * on stdout, the real services behind the printed URL, and a clean stop on SIGINT.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWindowFolder, type WindowFolder } from '../electron/web/testing/web-fixtures';

const RUNNER = fileURLToPath(new URL('./run-browser-mode.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

let dir: string;
let folder: WindowFolder;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-run-browser-'));
  folder = await createWindowFolder();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await folder.remove();
});

/** Starts `runBrowserMode` in its own process with these options. */
async function run(staticDir: string, preface: string[]): Promise<{ child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null> }> {
  const script = join(dir, `run-${Math.random().toString(36).slice(2)}.mts`);
  const args = { dataDir: join(dir, 'data'), port: 0, mockPort: 0, open: false, browser: false, help: false };
  await writeFile(script, `import { runBrowserMode } from ${JSON.stringify(RUNNER)};\nawait runBrowserMode(${JSON.stringify(args)}, ${JSON.stringify({ staticDir, preface })});\n`);
  const child = spawn(TSX, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

describe('runBrowserMode', () => {
  it('prints the reason and the launch line, serves the real Lab there, and stops cleanly on SIGINT', async () => {
    const lab = await run(folder.staticDir, ['Running in browser mode, as asked ("--browser").']);
    try {
      await expect.poll(() => lab.stdout(), { timeout: 20_000 }).toContain('Ctrl+C stops it');
      const [reason, launch] = lab.stdout().split('\n');
      expect(reason).toBe('Running in browser mode, as asked ("--browser").');
      const url = /open (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]{43}))   \(data: (.+); Ctrl\+C stops it\)$/.exec(launch!);
      expect(url).not.toBeNull();
      const [, , port, token, dataDir] = url!;
      expect(dataDir).toBe(join(dir, 'data'));
      const answer = await fetch(`http://127.0.0.1:${port}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lab-token': token! },
        body: JSON.stringify({ service: 'lab', method: 'info', input: {} }),
      });
      expect(await answer.json()).toMatchObject({ ok: true, value: { shell: 'browser', dataDir } });
      lab.child.kill('SIGINT');
      expect(await lab.exit).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
      expect(lab.stderr()).toBe('');
    } finally {
      lab.child.kill('SIGKILL');
    }
  });

  it('exits 1 with the reason and how to build the window when it is not built', async () => {
    const lab = await run(join(dir, 'no-window'), ['Running in browser mode, as asked ("--browser").']);
    expect(await lab.exit).toBe(1);
    expect(lab.stderr()).toBe(
      `Running in browser mode, as asked ("--browser").\nthe window is not built: no "index.html" in ${join(dir, 'no-window')}; build it with: npm run build:renderer (npm run web does it first)\n`,
    );
    expect(lab.stdout()).toBe('');
  });
});
