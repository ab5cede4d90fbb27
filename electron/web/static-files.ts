/**
 * The built window (`dist/renderer/`) as static files: `index.html` for `/`, each file
 * with its content type, nothing outside the folder (no `..`, no encoded separator, no
 * NUL, no symbolic link out), no dotfile and no directory listing. Whatever is not a
 * file of the build is a 404.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { sendText } from './http-replies';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
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
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticFiles {
  /** Answers a GET or HEAD for `pathname` (still percent-encoded, query removed). */
  serve(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void>;
}

export function createStaticFiles(staticDir: string): StaticFiles {
  const root = resolve(staticDir);
  const notFound = (response: ServerResponse) => sendText(response, 404, 'not found');
  return {
    async serve(request, response, pathname) {
      const relative = safeRelativePath(pathname === '/' ? '/index.html' : pathname);
      if (relative === undefined) return notFound(response);
      const file = await findFile(root, resolve(root, ...relative));
      if (file === undefined) return notFound(response);
      response.writeHead(200, {
        'content-type': contentTypeOf(file.path),
        'content-length': file.size,
        // Revalidate every time: the build's names change, but index.html keeps its own.
        'cache-control': 'no-cache',
      });
      if (request.method === 'HEAD') return void response.end();
      await new Promise<void>((done) => {
        const stream = createReadStream(file.path);
        stream.once('error', () => {
          response.destroy();
          done();
        });
        stream.once('end', done);
        stream.pipe(response);
      });
    },
  };
}

/** The path's segments, decoded, or undefined when a segment could leave the folder or name a hidden file. */
export function safeRelativePath(pathname: string): string[] | undefined {
  if (!pathname.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0:]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments.length === 0 ? undefined : segments;
}

/** A regular file inside `root` once symbolic links are followed; directories and the rest are not served. */
async function findFile(root: string, candidate: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const [realRoot, realPath] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!realPath.startsWith(realRoot + sep)) return undefined;
    const info = await stat(realPath);
    return info.isFile() ? { path: realPath, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}
