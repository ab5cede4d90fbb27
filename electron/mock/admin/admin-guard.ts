/**
 * The admin API answers only requests that come from this machine's own tools: the Host
 * must name the loopback origin it listens on (which defeats DNS rebinding), a browser's
 * Origin must be that same origin, and a body must be JSON (so that a form on another
 * site, which cannot send JSON without a CORS preflight, cannot drive it).
 */
import type { FastifyInstance } from 'fastify';
import { AdminError } from '../admin-error';

export function guardAdmin(server: FastifyInstance, origin: () => string): void {
  server.addHook('onRequest', async (request) => {
    const own = new URL(origin());
    const allowedHosts = new Set([own.host, `localhost:${own.port}`]);
    const host = request.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      throw new AdminError('forbidden', `the Host header "${host.slice(0, 100)}" is not this admin API's (${own.host}); requests through another name are refused`, 403);
    }
    const requestOrigin = request.headers.origin;
    const allowedOrigins = new Set([...allowedHosts].map((h) => `${own.protocol}//${h}`));
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) {
      throw new AdminError('forbidden', `requests from the web origin "${requestOrigin.slice(0, 100)}" are refused`, 403);
    }
    const hasBody = request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0';
    const chunked = request.headers['transfer-encoding'] !== undefined;
    if ((hasBody || chunked) && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      throw new AdminError('invalid_request', 'the admin API takes JSON bodies: send Content-Type: application/json', 415);
    }
  });
}
