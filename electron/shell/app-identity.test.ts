import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptAppIdentity, PRODUCT_NAME, type IdentityApp } from './app-identity';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-identity-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'totango-oauth-lab', version: '0.4.2' }));
  await writeFile(join(dir, 'broken.json'), '{ not json');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An app as Electron's default_app leaves it when started with a script path. */
function fakeApp(isPackaged: boolean) {
  const paths: Record<string, string> = { appData: '/home/maya/.config', userData: '/home/maya/.config/Electron' };
  const app = { name: 'Electron', isPackaged, getName: () => app.name, setName: (name: string) => (app.name = name), getPath: (name: string) => paths[name]!, setPath: (name: string, value: string) => (paths[name] = value), getVersion: () => '45.5.0' };
  return { app: app as unknown as IdentityApp & { name: string }, paths };
}

describe('adoptAppIdentity', () => {
  it("gives an unpackaged run the packaged app's name, data folder, and the checkout's version", () => {
    const { app, paths } = fakeApp(false);
    expect(adoptAppIdentity(app, join(dir, 'package.json'))).toBe('0.4.2');
    expect(app.name).toBe(PRODUCT_NAME);
    expect(paths.userData).toBe(join('/home/maya/.config', 'Totango OAuth Lab'));
  });

  it('leaves a packaged app as electron-builder made it', () => {
    const { app, paths } = fakeApp(true);
    expect(adoptAppIdentity(app, join(dir, 'package.json'))).toBe('45.5.0');
    expect(app.name).toBe('Electron');
    expect(paths.userData).toBe('/home/maya/.config/Electron');
  });

  it("falls back to Electron's version when package.json cannot be read", () => {
    expect(adoptAppIdentity(fakeApp(false).app, join(dir, 'broken.json'))).toBe('45.5.0');
    expect(adoptAppIdentity(fakeApp(false).app, join(dir, 'missing.json'))).toBe('45.5.0');
  });
});
