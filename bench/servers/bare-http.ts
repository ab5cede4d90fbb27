/**
 * Baseline: a bare node:http server that reads the request body and answers every POST
 * with the same JSON token: the ceiling of what an HTTP token endpoint in Node can do here.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from './serve';

const BODY = JSON.stringify({
  // A fixed, unsigned JWT as long as the mock's ES256 tokens (about 690 characters).
  access_token: `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ sub: 'bench', scope: 'account:read touchpoint:all', pad: 'x'.repeat(440) })).toString('base64url')}.`,
  token_type: 'Bearer',
  expires_in: 3600,
  scope: 'account:read touchpoint:all',
});

serve(async () => {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.method !== 'POST') {
        response.writeHead(405, { allow: 'POST', 'content-type': 'application/json' }).end('{"error":"method_not_allowed"}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', pragma: 'no-cache' }).end(BODY);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    ready: { tokenUrl: `http://127.0.0.1:${port}/token` },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
});
