/**
 * The loopback redirect receiver of a native app (RFC 8252 §7.3): an HTTP server on
 * 127.0.0.1 only, on the port the user fixed (a real Totango app registers exact
 * callback URLs) or an ephemeral one. It captures the first redirect to its path and
 * answers the browser with a page that says to go back to the app. It checks nothing
 * of the response itself: openid-client checks `state`, `iss` and, through the token
 * request, PKCE.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-8.3 (loopback, not localhost)
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { HttpExchange } from '../http/exchange';
import { redactHeaders, redactUrl } from '../http/redaction';
import { CALLBACK_PAGE_HEADERS, callbackPage, type CallbackPageKind } from './callback-pages';
import { LabError } from './lab-error';

export interface LoopbackCallbackServerOptions {
  /** The port to bind on 127.0.0.1; 0 or omitted: an ephemeral one. */
  readonly port?: number;
  /** The callback path (default `/callback`). */
  readonly path?: string;
  readonly now?: () => number;
}

export interface CapturedCallback {
  /** The redirect as the browser made it, on `redirectUri`, with its query. */
  readonly url: URL;
  /** The redirect as the recorder keeps it (code shortened). */
  readonly exchange: HttpExchange;
}

export interface LoopbackCallbackServer {
  /** `http://127.0.0.1:{port}{path}`: the `redirect_uri` to send, and to register. */
  readonly redirectUri: string;
  readonly port: number;
  /** Resolves with the first redirect to the path; never rejects. */
  readonly callback: Promise<CapturedCallback>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startLoopbackCallbackServer(options: LoopbackCallbackServerOptions = {}): Promise<LoopbackCallbackServer> {
  const path = options.path ?? '/callback';
  const requestedPort = options.port ?? 0;
  if (!path.startsWith('/') || /[?#]/.test(path)) throw new LabError('invalid_configuration', `"redirectPath" must start with "/" and hold no query or fragment, got "${path.slice(0, 100)}"`);
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) throw new LabError('invalid_configuration', `"redirectPort" must be an integer from 0 to 65535, got ${String(requestedPort)}`);
  const now = options.now ?? Date.now;
  let resolveCallback: (captured: CapturedCallback) => void = () => {};
  const callback = new Promise<CapturedCallback>((resolve) => (resolveCallback = resolve));
  let captured = false;
  let port = requestedPort;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const started = now();
    const t0 = performance.now();
    const answer = (status: number, kind: CallbackPageKind, error?: { error: string; description?: string }) => {
      const body = callbackPage(kind, error);
      response.writeHead(status, CALLBACK_PAGE_HEADERS).end(request.method === 'HEAD' ? undefined : body);
      return body;
    };
    const host = request.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) return void answer(400, 'not_found');
    const url = new URL(request.url ?? '/', `http://${HOST}:${port}`);
    if (url.pathname !== path) return void answer(404, 'not_found');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return void answer(405, 'not_found');
    }
    if (captured) return void answer(200, 'already_received');
    captured = true;
    const error = url.searchParams.get('error');
    const description = url.searchParams.get('error_description') ?? undefined;
    const kind: CallbackPageKind = error !== null ? 'error' : url.searchParams.has('code') ? 'received' : 'no_code';
    const body = answer(200, kind, error === null ? undefined : { error, ...(description === undefined ? {} : { description }) });
    const exchange: HttpExchange = {
      id: randomUUID(),
      purpose: 'authorization callback (the browser, redirected to the loopback server)',
      startedAt: new Date(started).toISOString(),
      durationMs: Math.round((performance.now() - t0) * 10) / 10,
      request: { method: request.method, url: redactUrl(url.href), headers: redactHeaders(headersOf(request)) },
      response: { status: 200, statusText: 'OK', headers: { ...CALLBACK_PAGE_HEADERS }, body },
      clientCertificate: false,
    };
    resolveCallback({ url, exchange });
  });
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, requestedPort)));
    server.listen({ host: HOST, port: requestedPort, exclusive: true }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    redirectUri: `http://${HOST}:${port}${path}`,
    port,
    callback,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function listenError(error: NodeJS.ErrnoException, port: number): LabError {
  if (error.code === 'EADDRINUSE') {
    return new LabError('port_in_use', `port ${port} on ${HOST} is already in use, so the callback cannot be received there; close the program using it, or choose another "redirectPort" and register its callback URL`, { cause: error });
  }
  if (error.code === 'EACCES') return new LabError('port_in_use', `port ${port} on ${HOST} may not be used by this user; choose a "redirectPort" above 1023`, { cause: error });
  return new LabError('unexpected', `the callback server could not start on ${HOST}:${port}: ${error.message}`, { cause: error });
}
