import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseShell, findElectronRuntime, installElectronRuntime, installFailure, realProbes, type ElectronProbes, type InstallResult } from './electron-runtime';

/** What the install script of electron 45 printed on this machine, without internet. */
const OFFLINE_OUTPUT = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at async FetchDownloader.download (file:///work/main/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
`;

function probes(options: { installed?: boolean; installResult?: InstallResult; installs?: boolean; display?: boolean }) {
  const calls: string[] = [];
  let installed = options.installed ?? false;
  const fake: ElectronProbes = {
    findRuntime: () => {
      calls.push('find');
      return installed ? '/opt/electron/electron' : undefined;
    },
    install: async () => {
      calls.push('install');
      if (options.installs) installed = true;
      return options.installResult ?? { ok: false, reason: 'TypeError: fetch failed' };
    },
    hasDisplay: () => options.display ?? true,
  };
  return { fake, calls };
}

describe('chooseShell', () => {
  it('launches Electron where its runtime is installed, without downloading', async () => {
    const { fake, calls } = probes({ installed: true });
    await expect(chooseShell(fake, { forceBrowser: false })).resolves.toEqual({ shell: 'electron', executable: '/opt/electron/electron' });
    expect(calls).toEqual(['find']);
  });

  it('tries the download once, and runs browser mode with one line saying why when it fails', async () => {
    const { fake, calls } = probes({});
    const notes: string[] = [];
    const choice = await chooseShell(fake, { forceBrowser: false, note: (line) => notes.push(line) });
    expect(choice).toEqual({
      shell: 'browser',
      why: "Electron's runtime is not installed and could not be downloaded (TypeError: fetch failed); running in browser mode. On a laptop with internet: node node_modules/electron/install.js",
    });
    expect(calls).toEqual(['find', 'install']);
    expect(notes).toEqual(["Electron's runtime is not installed; trying once to download it (at most 60 s)…"]);
  });

  it('launches Electron once the download brought the runtime', async () => {
    const { fake, calls } = probes({ installs: true, installResult: { ok: true } });
    await expect(chooseShell(fake, { forceBrowser: false })).resolves.toEqual({ shell: 'electron', executable: '/opt/electron/electron' });
    expect(calls).toEqual(['find', 'install', 'find']);
  });

  it('runs browser mode when the download succeeded but left no runtime', async () => {
    const { fake } = probes({ installResult: { ok: true } });
    const choice = await chooseShell(fake, { forceBrowser: false });
    expect(choice).toMatchObject({ shell: 'browser', why: expect.stringContaining('could not be downloaded (the download ended without a runtime)') });
  });

  it('runs browser mode without downloading when asked, or when there is no display', async () => {
    const asked = probes({ installed: true });
    await expect(chooseShell(asked.fake, { forceBrowser: true })).resolves.toEqual({ shell: 'browser', why: 'Running in browser mode, as asked ("--browser").' });
    expect(asked.calls).toEqual([]);
    const headless = probes({ installed: true, display: false });
    await expect(chooseShell(headless.fake, { forceBrowser: false })).resolves.toEqual({
      shell: 'browser',
      why: 'No display to show a window on ($DISPLAY and $WAYLAND_DISPLAY are unset); running in browser mode.',
    });
    expect(headless.calls).toEqual(['find']);
    const bare = probes({ display: false });
    await expect(chooseShell(bare.fake, { forceBrowser: false })).resolves.toEqual({
      shell: 'browser',
      why: "No display to show a window on ($DISPLAY and $WAYLAND_DISPLAY are unset); running in browser mode. Electron's runtime is not installed either; on a laptop with internet: node node_modules/electron/install.js",
    });
    expect(bare.calls).toEqual(['find']);
  });
});

describe('the real probes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lab-electron-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('find the runtime as the electron package does: path.txt, then the binary under dist/ or the override', async () => {
    const electronDir = join(dir, 'electron-find');
    await mkdir(join(electronDir, 'dist'), { recursive: true });
    expect(findElectronRuntime(electronDir, {})).toBeUndefined();
    await writeFile(join(electronDir, 'path.txt'), 'electron');
    expect(findElectronRuntime(electronDir, {})).toBeUndefined();
    await writeFile(join(electronDir, 'dist', 'electron'), '');
    expect(findElectronRuntime(electronDir, {})).toBe(join(electronDir, 'dist', 'electron'));
    expect(findElectronRuntime(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'elsewhere') })).toBeUndefined();
  });

  it('run the install script once and keep the line that says what failed', async () => {
    const electronDir = join(dir, 'electron-install');
    await mkdir(electronDir, { recursive: true });
    await expect(installElectronRuntime(electronDir, dir)).resolves.toEqual({ ok: false, reason: 'the "electron" package is missing: run npm ci' });
    await writeFile(join(electronDir, 'install.js'), `process.stderr.write(${JSON.stringify(OFFLINE_OUTPUT)}); process.exit(1);`);
    await expect(installElectronRuntime(electronDir, dir)).resolves.toEqual({ ok: false, reason: 'TypeError: fetch failed' });
    await writeFile(join(electronDir, 'install.js'), 'console.log("downloaded");');
    await expect(installElectronRuntime(electronDir, dir)).resolves.toEqual({ ok: true });
  });

  it('give up on a download that does not answer in time', async () => {
    const electronDir = join(dir, 'electron-hang');
    await mkdir(electronDir, { recursive: true });
    await writeFile(join(electronDir, 'install.js'), 'setInterval(() => {}, 1000);');
    await expect(installElectronRuntime(electronDir, dir, 1000)).resolves.toEqual({ ok: false, reason: 'no answer within 1 s' });
  });

  it('see a display on Linux only through DISPLAY or WAYLAND_DISPLAY', () => {
    expect(realProbes(dir, {}, 'linux').hasDisplay()).toBe(false);
    expect(realProbes(dir, { DISPLAY: ':99' }, 'linux').hasDisplay()).toBe(true);
    expect(realProbes(dir, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux').hasDisplay()).toBe(true);
    expect(realProbes(dir, {}, 'darwin').hasDisplay()).toBe(true);
  });
});

describe('installFailure', () => {
  it('keeps the error line, not the stack, and says the status when there is nothing else', () => {
    expect(installFailure(OFFLINE_OUTPUT, 1)).toBe('TypeError: fetch failed');
    expect(installFailure('Downloading…\nRequestError: getaddrinfo ENOTFOUND github.com\n', 1)).toBe('RequestError: getaddrinfo ENOTFOUND github.com');
    expect(installFailure('', 7)).toBe('the install script exited with status 7');
    expect(installFailure(`Error: ${'x'.repeat(300)}`, 1)).toHaveLength(200);
  });
});
