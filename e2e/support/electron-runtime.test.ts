import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MISSING_RUNTIME_REASON, findElectronRuntime } from './electron-runtime';

let packageDir: string;
beforeEach(async () => {
  packageDir = await mkdtemp(path.join(tmpdir(), 'electron-pkg-'));
});
afterEach(async () => {
  await rm(packageDir, { recursive: true, force: true });
});

describe('findElectronRuntime', () => {
  it('finds the binary that path.txt names under dist/', async () => {
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    await mkdir(path.join(packageDir, 'dist'));
    await writeFile(path.join(packageDir, 'dist', 'electron'), '');
    expect(findElectronRuntime({}, packageDir)).toEqual({ installed: true, executablePath: path.join(packageDir, 'dist', 'electron') });
  });

  it('looks under ELECTRON_OVERRIDE_DIST_PATH when it is set', async () => {
    const override = path.join(packageDir, 'elsewhere');
    await mkdir(override);
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    await writeFile(path.join(override, 'electron'), '');
    expect(findElectronRuntime({ ELECTRON_OVERRIDE_DIST_PATH: override }, packageDir)).toEqual({ installed: true, executablePath: path.join(override, 'electron') });
  });

  it('says how to install the runtime when path.txt is missing (npm ci with ignore-scripts)', () => {
    expect(findElectronRuntime({}, packageDir)).toEqual({ installed: false, reason: MISSING_RUNTIME_REASON });
    expect(MISSING_RUNTIME_REASON).toBe(
      'Electron runtime not installed: run `node node_modules/electron/install.js` on a machine with internet; this project is run on a laptop before a release',
    );
  });

  it('names the missing binary when path.txt is there but the download is not', async () => {
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    expect(findElectronRuntime({}, packageDir)).toEqual({
      installed: false,
      reason: `${MISSING_RUNTIME_REASON} (no binary at "${path.join(packageDir, 'dist', 'electron')}")`,
    });
  });

  it('says to run npm ci when the electron package itself is missing', () => {
    const runtime = findElectronRuntime({}, null);
    expect(runtime).toEqual({ installed: false, reason: `${MISSING_RUNTIME_REASON} (the "electron" package itself is missing: run npm ci)` });
  });
});
