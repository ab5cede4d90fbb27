/**
 * The packaging configuration (build/electron-builder.yml), checked the way
 * electron-builder itself checks it (its loader, its JSON schema, its file matcher),
 * since packaging cannot run on a machine without internet.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPngHeader } from './png';
import { ICON_SIZES, iconPath } from './render-icon';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG_FILE = 'build/electron-builder.yml';

type Config = Record<string, unknown> & {
  files: unknown;
  directories: { output: string; buildResources: string };
  extraMetadata: { main: string };
  linux: { target: string[]; category: string; maintainer: string; icon: string };
  mac: { target: string[]; category: string; icon: string };
  win: { target: string[]; icon: string };
};
interface ConfigModule {
  getConfig(projectDir: string, configPath: string, configFromOptions: null): Promise<Config>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
}
interface FileMatcherModule {
  getFileMatchers(
    config: Config,
    name: 'files',
    destination: string,
    options: { macroExpander: (s: string) => string; customBuildOptions: object; globalOutDir: string; defaultSrc: string },
  ): Array<{ createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean }> | null;
}

// electron-builder's own modules (CommonJS): what `electron-builder --config` runs.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'));
const configModule = requireFromBuilder('./util/config/config.js') as ConfigModule;
const { getFileMatchers } = requireFromBuilder('./fileMatcher.js') as FileMatcherModule;
const { DebugLogger } = requireFromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const validate = (config: unknown) => configModule.validateConfiguration(config, new DebugLogger(false));

let config: Config;
beforeAll(async () => {
  config = await configModule.getConfig(projectDir, CONFIG_FILE, null);
});

describe('build/electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('is refused by the same validation when an option is misspelled', async () => {
    const misspelled = { ...config, linux: { ...config.linux, categroy: 'Development' } };
    await expect(validate(misspelled)).rejects.toThrow(/^Invalid configuration object[\s\S]* - configuration\.linux /);
  });

  it('names the app and writes installers to release/', () => {
    expect(config.appId).toBe('com.totango-oauth-lab.app');
    expect(config.productName).toBe('Totango OAuth Lab');
    expect(config.directories.output).toBe('release');
    expect(readFileSync(path.join(projectDir, '.gitignore'), 'utf8')).toMatch(/^release\/$/m);
  });

  it('builds an AppImage and a deb, a dmg and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Development');
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.developer-tools');
    expect(config.win.target).toEqual(['nsis']);
  });

  it('has every icon it names, at its pixel size', () => {
    const linuxIcons = path.join(projectDir, config.linux.icon);
    for (const size of ICON_SIZES) {
      expect(readPngHeader(readFileSync(iconPath(size, linuxIcons))), `${size}x${size}.png`).toMatchObject({ width: size, height: size });
    }
    const single = (file: string) => readPngHeader(readFileSync(path.join(projectDir, file)));
    // macOS wants 1024 for its Retina iconset, Windows at least 256 for the .ico.
    expect(single(config.mac.icon)).toMatchObject({ width: 1024, height: 1024 });
    expect(single(config.win.icon)).toMatchObject({ width: 256, height: 256 });
  });

  describe('its "files" patterns', () => {
    const included = () => {
      // The patterns as electron-builder reads them for the app's own files (before it adds its
      // default exclusions, so that the patterns alone must leave out what does not belong).
      const options = { macroExpander: (s: string) => s, customBuildOptions: {}, globalOutDir: path.join(projectDir, config.directories.output), defaultSrc: projectDir };
      const matchers = getFileMatchers(config, 'files', projectDir, options);
      expect(matchers).toHaveLength(1);
      const filter = matchers![0]!.createFilter();
      return (file: string) => filter(path.join(projectDir, file), { isDirectory: () => false });
    };

    it('take the bundled main process, the preload, the built window and package.json', () => {
      const take = included();
      for (const file of [config.extraMetadata.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-4f2a.js', 'package.json']) {
        expect(take(file), file).toBe(true);
      }
    });

    it('leave out sources, tests, source maps and the packaging output', () => {
      const take = included();
      for (const file of ['electron/main.ts', 'renderer/main.tsx', 'shared/contract/define.ts', 'e2e/shell.spec.ts', 'dist/electron/main.js.map', 'release/x.AppImage', 'build/icon.svg']) {
        expect(take(file), file).toBe(false);
      }
    });

    it('take every file of the real build, when it has been built', () => {
      const take = included();
      const built = ['dist/electron', 'dist/renderer'].filter((dir) => existsSync(path.join(projectDir, dir)));
      const files = built.flatMap((dir) => listFiles(path.join(projectDir, dir))).map((file) => path.relative(projectDir, file));
      for (const file of files.filter((f) => !f.endsWith('.map'))) expect(take(file), file).toBe(true);
    });
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
