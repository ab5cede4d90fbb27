/**
 * The content types of the built window's files, by extension: one table for both ways
 * the window is served (the Electron app's `totango-lab://` protocol and browser mode's
 * loopback host). Pure: no `electron`, no I/O, so electron/web may import it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.3 (Content-Type)
 */
import { extname } from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
});

/** The content type of a file of the window by its extension (case-insensitive), or undefined when the build has no such kind of file. */
export function knownContentType(path: string): string | undefined {
  const extension = extname(path).toLowerCase();
  return Object.hasOwn(CONTENT_TYPES, extension) ? CONTENT_TYPES[extension] : undefined;
}
