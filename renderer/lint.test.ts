// @vitest-environment node
/**
 * The window's code is linted as TypeScript, `.tsx` included, under the layering rule
 * that keeps it away from `electron/`; and the real tree passes.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function lintErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}${filePath}`, warnIgnored: true });
  if (!result) throw new Error('ESLint returned no result');
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('the renderer under lint', () => {
  it('refuses a .tsx component that imports electron/ or uses a loose type', async () => {
    const component = "import { startMock } from '../../electron/mock/cli';\n\nexport function Probe(props: any) {\n  return <div>{props.x == 1 ? String(startMock) : null}</div>;\n}\n";
    expect(await lintErrors('renderer/src/app/Probe.tsx', component)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*renderer\/ never imports electron\//),
      expect.stringMatching(/^@typescript-eslint\/no-explicit-any: /),
      expect.stringMatching(/^eqeqeq: /),
    ]);
  });

  it('refuses the electron module in a .tsx file', async () => {
    expect(await lintErrors('renderer/src/app/Probe.tsx', "import { ipcRenderer } from 'electron';\n\nexport const Probe = () => <div>{String(ipcRenderer)}</div>;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*the renderer reaches the main process through the contract only/),
    ]);
  });

  it('lints renderer/ without an error', async () => {
    const results = await eslint.lintFiles(['renderer']);
    expect(results.filter((r) => r.filePath.endsWith('.tsx')).length).toBeGreaterThan(5);
    const failures = results.filter((r) => r.errorCount > 0 || r.fatalErrorCount > 0).map((r) => ({ file: r.filePath.slice(repoRoot.length), errors: r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}`) }));
    expect(failures).toEqual([]);
  }, 120_000);
});
