import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppProtocolUrl, serveRendererFile } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

let root: string;
let rendererDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-app-protocol-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Lab</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'export const lab = 1;');
  await writeFile(join(rendererDir, 'assets', 'notes.md'), '# not served');
  await writeFile(join(root, 'secret.json'), '{"clientSecret":"s3cr3t"}');
  await writeFile(join(root, 'renderer-evil.js'), 'alert(1)');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveRendererFile(new Request(url, { method }), rendererDir);

describe('the app protocol', () => {
  it('serves the entry page with its content type and the policy as a header', async () => {
    const response = await get(APP_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    await expect(response.text()).resolves.toBe('<!doctype html><title>Lab</title>');
  });

  it('serves a module script as JavaScript (a module needs the right type), and index.html for the root', async () => {
    const script = await get('totango-lab://app/assets/index-abc.js?v=1');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    await expect(script.text()).resolves.toBe('export const lab = 1;');
    await expect((await get('totango-lab://app/')).text()).resolves.toContain('<title>Lab</title>');
  });

  it('answers HEAD without a body', async () => {
    const response = await get(APP_ENTRY_URL, 'HEAD');
    expect(response.status).toBe(200);
    await expect(response.text()).resolves.toBe('');
  });

  it.each([
    ['an encoded parent path', 'totango-lab://app/%2e%2e/secret.json'],
    ['an encoded separator', 'totango-lab://app/..%2fsecret.json'],
    ['a sibling folder sharing the prefix', 'totango-lab://app/..%2frenderer-evil.js'],
    ['a missing file', 'totango-lab://app/assets/missing.js'],
    ['a type it does not serve', 'totango-lab://app/assets/notes.md'],
    ['a folder', 'totango-lab://app/assets'],
    ['another host of the scheme', 'totango-lab://other/index.html'],
  ])('answers 404 for %s', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    await expect(response.text()).resolves.toBe('not found');
  });

  it('refuses a method other than GET and HEAD, and a malformed escape', async () => {
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    expect((await get('totango-lab://app/%E0%A4%A.js')).status).toBe(400);
    expect((await get('totango-lab://app/a%00.js')).status).toBe(400);
  });

  it.each([
    [APP_ENTRY_URL, true],
    ['totango-lab://app/index.html#/tokens', true],
    ['totango-lab://other/index.html', false],
    ['totango-lab://user@app/index.html', false],
    ['file:///work/dist/renderer/index.html', false],
    ['https://app/index.html', false],
    ['not a url', false],
  ])('knows %s is an app page: %s', (url, expected) => {
    expect(isAppProtocolUrl(url)).toBe(expected);
  });
});
