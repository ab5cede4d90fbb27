// @ts-check
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * The layering of ../shared/STYLE.md, as lint rules:
 * - shared/ imports no Node built-in, no electron, nothing from electron/ or renderer/;
 * - renderer/ never imports electron/ (nor the electron module, nor Node built-ins);
 * - electron/client/ never imports electron/mock/: the client reaches the mock over HTTP only
 *   (its tests and electron/client/testing/ may start the mock, and still talk to it over HTTP);
 * - electron/mock/ is plain Node: no electron module.
 */
export const layeringRules = [
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure TypeScript: no Node built-ins (see STYLE.md).' })).concat([
            { name: 'electron', message: 'shared/ must not import electron (see STYLE.md).' },
          ]),
          patterns: [
            { group: ['**/electron/**', '**/renderer/**', 'electron/*', 'renderer/*'], message: 'shared/ imports neither electron/ nor renderer/ (see STYLE.md).' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ has no DOM and no UI (see STYLE.md).' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the renderer reaches the main process through the contract only (see STYLE.md).' }],
          patterns: [{ group: ['**/electron/**', 'electron/*'], message: 'renderer/ never imports electron/ (see STYLE.md).' }],
        },
      ],
    },
  },
  {
    files: ['electron/client/**/*.ts'],
    // Tests and their helpers may start the mock (as a separate server they talk to over HTTP).
    ignores: ['electron/client/**/*.test.ts', 'electron/client/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/mock/**', '**/mock', '../mock/*'], message: 'the client never imports the mock: it reaches it over HTTP(S), as it reaches Totango (see DESIGN.md).' }] },
      ],
    },
  },
  {
    files: ['electron/mock/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'the mock is plain Node: it runs inside the app and on its own.' }] }],
    },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '**/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  ...layeringRules,
);
