import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPage, openCommand, openInSystemBrowser, type Spawn } from './system-browser';

const URL_WITH_TOKEN = 'http://127.0.0.1:4779/?token=abcDEF123_-xyz';
let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'lab-open-test-'));
});
afterAll(() => rm(tempDir, { recursive: true, force: true }));

function fakeSpawn() {
  const spawned: { command: string; args: readonly string[]; child: EventEmitter }[] = [];
  const spawn: Spawn = (command, args) => {
    const child = Object.assign(new EventEmitter(), { unref: () => {} });
    spawned.push({ command, args, child });
    return child as unknown as ChildProcess;
  };
  return { spawn, spawned };
}

describe('openInSystemBrowser', () => {
  it('hands the opener a private page that moves on to the URL, never the token itself', async () => {
    const { spawn, spawned } = fakeSpawn();
    const opened = await openInSystemBrowser(URL_WITH_TOKEN, { spawn, platform: 'linux', tempDir });
    expect(spawned).toHaveLength(1);
    const [{ command, args }] = spawned as [(typeof spawned)[number]];
    expect(command).toBe('xdg-open');
    expect(args.join(' ')).not.toContain('abcDEF123');
    const page = args[0]!;
    expect(await readFile(page, 'utf8')).toContain(`<meta http-equiv="refresh" content="0; url=${URL_WITH_TOKEN}">`);
    expect((await stat(page)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(page))).mode & 0o777).toBe(0o700);
    await opened.remove();
    await expect(stat(dirname(page))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports an opener that is missing or fails', async () => {
    const { spawn, spawned } = fakeSpawn();
    const failures: string[] = [];
    const opened = await openInSystemBrowser(URL_WITH_TOKEN, { spawn, platform: 'linux', tempDir, onFailure: (reason) => failures.push(reason) });
    spawned[0]!.child.emit('error', Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' }));
    spawned[0]!.child.emit('exit', 3);
    expect(failures).toEqual(['"xdg-open" could not start (spawn xdg-open ENOENT)', '"xdg-open" exited with status 3']);
    await opened.remove();
  });
});

describe('openCommand', () => {
  it("uses the platform's opener", () => {
    expect(openCommand('darwin', '/tmp/a.html')).toEqual({ command: 'open', args: ['/tmp/a.html'] });
    expect(openCommand('linux', '/tmp/a.html')).toEqual({ command: 'xdg-open', args: ['/tmp/a.html'] });
    expect(openCommand('win32', 'C:\\t\\a.html')).toEqual({ command: 'cmd', args: ['/d', '/s', '/c', 'start', '""', '"C:\\t\\a.html"'] });
  });
});

describe('launchPage', () => {
  it('escapes the URL for the attribute', () => {
    expect(launchPage('http://x/?a=1&b="<')).toContain('url=http://x/?a=1&amp;b=&quot;&lt;"');
  });
});
