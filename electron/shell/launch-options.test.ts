import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFlag, mockPortFlag, resolveElectronDataDir } from './launch-options';

const userData = () => '/home/maya/.config/totango-oauth-lab';

describe('the data directory of the Electron app', () => {
  it("is Electron's userData folder by default, with the default profile", () => {
    expect(resolveElectronDataDir(['/opt/lab/lab'], {}, userData)).toEqual({ dataDir: '/home/maya/.config/totango-oauth-lab' });
  });

  it('is TOTANGO_LAB_DATA_DIR when set, with a profile of its own inside it', () => {
    expect(resolveElectronDataDir(['electron', 'main.js'], { TOTANGO_LAB_DATA_DIR: '/tmp/lab-env' }, userData)).toEqual({ dataDir: '/tmp/lab-env', profileDir: join('/tmp/lab-env', 'electron') });
  });

  it('is --data-dir above everything, in either form, resolved against the working directory', () => {
    const env = { TOTANGO_LAB_DATA_DIR: '/tmp/lab-env' };
    expect(resolveElectronDataDir(['electron', 'main.js', '--data-dir', '/tmp/lab-flag'], env, userData).dataDir).toBe('/tmp/lab-flag');
    expect(resolveElectronDataDir(['electron', 'main.js', '--data-dir=relative/lab'], env, userData).dataDir).toBe(resolve('relative/lab'));
  });

  it('refuses --data-dir with nothing after it', () => {
    expect(() => dataDirFlag(['electron', '--data-dir'])).toThrow('invalid "--data-dir": a directory must follow it');
    expect(() => dataDirFlag(['electron', '--data-dir', '--inspect'])).toThrow('invalid "--data-dir": a directory must follow it');
  });

  it('ignores the switches Chromium and Electron take', () => {
    expect(dataDirFlag(['electron', '--no-sandbox', '--enable-logging', 'main.js'])).toBeUndefined();
  });
});

describe('the mock port of the Electron app', () => {
  it('is --mock-port when given, in either form, and absent otherwise', () => {
    expect(mockPortFlag(['electron', 'main.js', '--mock-port', '0'])).toBe(0);
    expect(mockPortFlag(['electron', 'main.js', '--mock-port=5780'])).toBe(5780);
    expect(mockPortFlag(['electron', 'main.js'])).toBeUndefined();
  });

  it.each(['http', '-1', '65535', '4780.5', ''])('refuses --mock-port %j', (text) => {
    expect(() => mockPortFlag(['electron', `--mock-port=${text}`])).toThrow(`invalid "--mock-port": a port number from 0 to 65531, not "${text}"`);
  });
});
