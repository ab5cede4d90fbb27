/**
 * Baseline for API calls: a bare node:http server that answers every GET, whatever its
 * path, with the same JSON body (the first argument, or `{}`): the ceiling of what an
 * HTTP API in Node can do here. It reads the request and checks nothing.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from './serve';

const BODY = process.argv[2] ?? '{}';

serve(async () => {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.method !== 'GET') {
        response.writeHead(405, { allow: 'GET', 'content-type': 'application/json' }).end('{"error":"method_not_allowed"}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(BODY);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    ready: { apiBaseUrl: `http://127.0.0.1:${port}` },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
});
