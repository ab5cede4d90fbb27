// @vitest-environment node
/**
 * The built window must load from the Electron app's origin and from browser mode's host
 * under the window's Content-Security-Policy: relative asset paths, no inline script, no
 * remote font, image or style.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
let outDir: string;
let indexHtml: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'lab-renderer-'));
  await build({ root: rendererRoot, configFile: join(rendererRoot, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  indexHtml = await readFile(join(outDir, 'index.html'), 'utf8');
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the built window', () => {
  it('references its scripts and styles by relative paths that exist in the build', async () => {
    const references = [...indexHtml.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
    expect(references.length).toBeGreaterThanOrEqual(2);
    const built = new Set((await readdir(join(outDir, 'assets'))).map((name) => `./assets/${name}`));
    for (const reference of references) expect(built).toContain(reference);
    expect(indexHtml).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js"><\/script>/);
    expect(indexHtml).toMatch(/<link rel="stylesheet" crossorigin href="\.\/assets\/[\w-]+\.css">/);
  });

  it('has no inline script and no inline event handler', () => {
    const scripts = [...indexHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="/);
      expect(body!.trim()).toBe('');
    }
    expect(indexHtml).not.toMatch(/\son[a-z]+=/i);
  });

  it('loads no font, image or stylesheet from another origin', async () => {
    const assets = await readdir(join(outDir, 'assets'));
    for (const css of assets.filter((name) => name.endsWith('.css'))) {
      const text = await readFile(join(outDir, 'assets', css), 'utf8');
      const urls = [...text.matchAll(/url\(\s*['"]?([^'")]*)/g)].map((match) => match[1]!);
      expect(urls.filter((url) => !url.startsWith('data:') && !url.startsWith('./') && !url.startsWith('#'))).toEqual([]);
      expect(text).not.toMatch(/@import\s+(?:url\()?['"]?https?:/);
    }
    expect(indexHtml).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });
});
