/**
 * The built window (`dist/renderer/`) as static files: `index.html` for `/`, each file
 * with its content type, nothing outside the folder (no `..`, no encoded separator, no
 * NUL, no symbolic link out), no dotfile and no directory listing. Whatever is not a
 * file of the build is a 404.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { knownContentType } from '../shell/content-types';
import { sendText } from './http-replies';

/** A file of the build with an extension the table does not know is still served, as bytes. */
export function contentTypeOf(path: string): string {
  return knownContentType(path) ?? 'application/octet-stream';
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
