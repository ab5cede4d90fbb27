/**
 * The one exception to "the client never imports the mock": the client's tests and the
 * helpers in electron/client/testing/ may start it (and then talk to it over HTTP). The
 * client's own code still may not, wherever it sits.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function restrictedImports(filePath: string, specifier: string): Promise<string[]> {
  const code = `import { startMockTotango } from '${specifier}';\n\nexport const start = startMockTotango;\n`;
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}${filePath}`, warnIgnored: true });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('who may start the mock', () => {
  it.each([
    ['electron/client/flows/x.test.ts', '../../mock/mock-totango'],
    ['electron/client/testing/x.ts', '../../mock/mock-totango'],
  ])('lets %s import it', async (file, specifier) => {
    expect(await restrictedImports(file, specifier)).toEqual([]);
  });

  it.each([
    ['electron/client/flows/x.ts', '../../mock/mock-totango'],
    ['electron/client/tokens/x.ts', '../../mock/mock-totango'],
    ['electron/client/flows/x.test-helper.ts', '../../mock/mock-totango'],
  ])('still refuses %s importing it', async (file, specifier) => {
    expect(await restrictedImports(file, specifier)).toEqual([expect.stringContaining('the client never imports the mock')]);
  });
});
