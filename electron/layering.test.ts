/**
 * The layering of STYLE.md is enforced by `no-restricted-imports` in eslint.config.js.
 * These tests lint small virtual files through ESLint's Node API to prove that the rules
 * bite where they should and stay quiet where they should not, then lint the real tree.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

interface Finding {
  readonly ruleId: string | null;
  readonly message: string;
}

/** Lints `code` as if it were the file at `filePath` (relative to the repository root); errors only. */
async function lintErrors(filePath: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}${filePath}`, warnIgnored: true });
  if (!result) throw new Error('ESLint returned no result');
  return result.messages.filter((m) => m.severity === 2).map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

/** A module that uses what it imports, so that the only possible error is the import itself. */
const importing = (specifier: string) => `import * as imported from '${specifier}';\n\nexport const used = imported;\n`;

/** One `no-restricted-imports` error that names the import and gives the layer's reason. */
function restricted(specifier: string, reason: RegExp): Finding[] {
  const quoted = `'${specifier}'`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return [{ ruleId: 'no-restricted-imports', message: expect.stringMatching(new RegExp(`${quoted}.*${reason.source}`)) as unknown as string }];
}

describe('shared/ imports no platform and no other layer', () => {
  it.each([
    ['node:fs', /shared\/ is pure TypeScript: no Node built-ins/],
    ['fs', /shared\/ is pure TypeScript: no Node built-ins/],
    ['node:crypto', /shared\/ is pure TypeScript: no Node built-ins/],
    ['electron', /shared\/ must not import electron/],
    ['../electron/mock/mock-totango', /shared\/ imports neither electron\/ nor renderer\//],
    ['../renderer/app', /shared\/ imports neither electron\/ nor renderer\//],
    ['react', /shared\/ has no DOM and no UI/],
    ['react-dom/client', /shared\/ has no DOM and no UI/],
  ])('refuses shared/x.ts importing %s', async (specifier, message) => {
    expect(await lintErrors('shared/x.ts', importing(specifier))).toEqual(restricted(specifier, message));
  });

  it('refuses a type-only import across the line too', async () => {
    expect(await lintErrors('shared/x.ts', "import type { Clock } from '../electron/mock/clock';\n\nexport type C = Clock;\n")).toEqual(
      restricted('../electron/mock/clock', /shared\/ imports neither electron\/ nor renderer\//),
    );
  });

  it('allows shared/ to import shared/', async () => {
    expect(await lintErrors('shared/x.ts', "import { parseScope } from './scopes';\n\nexport const parse = parseScope;\n")).toEqual([]);
  });
});

describe('electron/client/ never imports electron/mock/', () => {
  it.each([
    ['electron/client/x.ts', '../mock/mock-totango'],
    ['electron/client/x.ts', '../mock'],
    ['electron/client/flows/x.ts', '../../mock/jwt'],
  ])('refuses %s importing %s', async (file, specifier) => {
    expect(await lintErrors(file, importing(specifier))).toEqual(restricted(specifier, /the client never imports the mock/));
  });

  it('allows the client to import shared/', async () => {
    expect(await lintErrors('electron/client/x.ts', "import { CATALOGUE } from '../../shared/catalogue';\n\nexport const catalogue = CATALOGUE;\n")).toEqual([]);
  });
});

describe('renderer/ never imports electron/', () => {
  it.each([
    ['../electron/mock/cli', /renderer\/ never imports electron\//],
    ['electron', /the renderer reaches the main process through the contract only/],
  ])('refuses renderer/x.ts importing %s', async (specifier, message) => {
    expect(await lintErrors('renderer/x.ts', importing(specifier))).toEqual(restricted(specifier, message));
  });

  it('allows the renderer to import shared/', async () => {
    expect(await lintErrors('renderer/x.ts', "import { REGIONS } from '../shared/regions';\n\nexport const regions = REGIONS;\n")).toEqual([]);
  });
});

describe('electron/mock/ is plain Node', () => {
  it('refuses electron/mock/x.ts importing electron', async () => {
    expect(await lintErrors('electron/mock/x.ts', importing('electron'))).toEqual(restricted('electron', /the mock is plain Node/));
  });

  it('allows the mock Node built-ins and shared/', async () => {
    expect(await lintErrors('electron/mock/x.ts', "import { createHash } from 'node:crypto';\nimport { CATALOGUE } from '../../shared/catalogue';\n\nexport const used = [createHash, CATALOGUE];\n")).toEqual([]);
  });
});

describe('the real tree', () => {
  it('lints shared/ and electron/ without an error', async () => {
    const results = await eslint.lintFiles(['shared', 'electron']);
    expect(results.length).toBeGreaterThan(10);
    const failures = results
      .filter((r) => r.errorCount > 0 || r.fatalErrorCount > 0)
      .map((r) => ({ file: r.filePath.slice(repoRoot.length), errors: r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}`) }));
    expect(failures).toEqual([]);
  }, 120_000);
});
