/**
 * The window's own origin: the built renderer (`dist/renderer`) served over a privileged
 * custom scheme, `totango-lab://app/`, rather than `file://`. The page gets a real origin
 * (so `'self'` in the policy means exactly the app's files), cannot read the file system
 * through `file:` URLs, and carries its Content-Security-Policy as a response header. Only
 * files inside the renderer's folder are served; nothing else on disk is reachable.
 *
 * @see https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, CSP_HEADER } from './content-security-policy';
import { knownContentType } from './content-types';

export const APP_SCHEME = 'totango-lab';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads in a built app. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Standard (real origin, relative URLs), secure (like https), fetch-capable: what a vite build needs, and no more (no CSP bypass). */
export const APP_SCHEME_PRIVILEGES = Object.freeze({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true });

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', [CSP_HEADER]: CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' } });
}

/**
 * Answers one request of the app protocol from `rendererDir`: `GET`/`HEAD` of a file
 * inside it (`/` is `index.html`), with its content type and the policy; 404 for
 * anything else, including a path that would leave the folder.
 */
export async function serveRendererFile(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, 'bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'not found');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return plain(400, 'bad request');
  }
  if (pathname.includes('\0')) return plain(400, 'bad request');
  const root = resolve(rendererDir);
  const filePath = resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  if (filePath !== root && !filePath.startsWith(root + sep)) return plain(404, 'not found');
  const contentType = knownContentType(filePath);
  if (contentType === undefined) return plain(404, 'not found');
  try {
    if (!(await stat(filePath)).isFile()) return plain(404, 'not found');
    const body = request.method === 'HEAD' ? null : await readFile(filePath);
    return new Response(body, {
      status: 200,
      headers: { 'content-type': contentType, [CSP_HEADER]: CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' },
    });
  } catch {
    return plain(404, 'not found');
  }
}

/** Whether `url` is a page of the app protocol (any path: the renderer may route inside its origin). */
export function isAppProtocolUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
