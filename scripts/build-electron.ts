/**
 * `npm run build:electron`: bundles the Electron main process and the preload with esbuild.
 *
 * - `dist/electron/main.js`: ESM for Node (Electron 45 runs Node 22), the Lab's own code
 *   bundled and every npm package left external, resolved from node_modules at run time
 *   as in the packaged app. The build fails if the bundle imports a package that is not a
 *   runtime dependency in package.json: the packaged app would not have it. The mock's
 *   signing worker is an inline source string (`new Worker(source, { eval: true })`), so
 *   no worker file has to sit next to the bundle; the entry's `import.meta.url` is the
 *   bundle's, which is how main.ts finds `preload.cjs` and `../renderer/`.
 * - `dist/electron/preload.cjs`: CommonJS for Chromium's sandbox, zod and the contract
 *   bundled in. A sandboxed preload can `require` only `electron` (and a few shims), so
 *   the build fails if it needs anything else.
 *
 * @see https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts
 */
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface ElectronBuild {
  readonly mainFile: string;
  readonly preloadFile: string;
  /** The packages the main bundle imports at run time (Node built-ins and electron excluded). */
  readonly mainPackages: readonly string[];
}

/** The bare specifiers a bundle leaves for run time. */
function externalImports(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) if (imported.external) found.add(imported.path);
  }
  return [...found].sort();
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

export async function buildElectron(options: { readonly outDir?: string } = {}): Promise<ElectronBuild> {
  const outDir = options.outDir ?? join(repoRoot, 'dist', 'electron');
  const packageJson = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const runtimeDependencies = new Set(Object.keys(packageJson.dependencies ?? {}));
  const common = { absWorkingDir: repoRoot, bundle: true, sourcemap: 'linked', metafile: true, logLevel: 'warning', legalComments: 'none' } as const;

  const main = await build({
    ...common,
    entryPoints: [join(repoRoot, 'electron', 'main.ts')],
    outfile: join(outDir, 'main.js'),
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
  });
  const mainPackages = [...new Set(externalImports(main.metafile).filter((s) => !nodeBuiltins.has(s) && s !== 'electron').map(packageName))].sort();
  const missing = mainPackages.filter((name) => !runtimeDependencies.has(name));
  if (missing.length > 0) {
    throw new Error(`the main bundle imports ${missing.map((m) => `"${m}"`).join(', ')}, not in the "dependencies" of package.json: the packaged app would not have it`);
  }

  const preload = await build({
    ...common,
    entryPoints: [join(repoRoot, 'electron', 'preload.ts')],
    outfile: join(outDir, 'preload.cjs'),
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    // Read by every window load: small is faster.
    minify: true,
    external: ['electron'],
  });
  const preloadExternals = externalImports(preload.metafile).filter((s) => s !== 'electron');
  if (preloadExternals.length > 0) {
    throw new Error(`the preload requires ${preloadExternals.map((m) => `"${m}"`).join(', ')}: a sandboxed preload can require only "electron"`);
  }

  return { mainFile: join(outDir, 'main.js'), preloadFile: join(outDir, 'preload.cjs'), mainPackages };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const built = await buildElectron();
    process.stdout.write(`built ${relative(process.cwd(), built.mainFile)} (runtime packages: ${built.mainPackages.join(', ')}) and ${relative(process.cwd(), built.preloadFile)}\n`);
  } catch (error) {
    process.stderr.write(`build:electron failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
