/**
 * Browser mode's host: the built window and the contract on `127.0.0.1` only. Every
 * request passes the launch guard first (Host, then Origin), the WebSocket upgrade
 * included; then `/api/call` (with the launch token) goes to the dispatcher, `/api/events`
 * (with the token as a subprotocol) to the event socket, and the rest (with the window
 * cookie) to the window's files. The launch URL itself answers with the launch page,
 * which sets the window cookie and hands the token to the window in the address's fragment.
 *
 * @see ./launch-guard.ts for who may talk to it, and why
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Dispatcher } from '../../shared/contract/dispatch';
import { HTTP_CALL_PATH, HTTP_EVENTS_PATH } from '../../shared/contract/http-transport';
import { answerApiCall } from './api-call';
import { createEventSockets, type EventSource } from './event-socket';
import { sendLaunchPage, sendRefusal, securityHeaders } from './http-replies';
import { createLaunchGuard, type LaunchGuard } from './launch-guard';
import { createStaticFiles } from './static-files';

export interface WebHostOptions {
  readonly dispatcher: Dispatcher;
  readonly events: EventSource;
  /** The built window: `dist/renderer`. */
  readonly staticDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Loopback only; stated so that a reader sees it. */
  readonly host?: '127.0.0.1';
  /** For tests: a fixed launch token (32 base64url characters or more) instead of a random one. */
  readonly token?: string;
  readonly maxCallBytes?: number;
  readonly logError?: (message: string, cause: unknown) => void;
}

export interface WebHost {
  /** The launch URL, token included: what the terminal prints. */
  readonly url: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const logError = options.logError ?? ((message: string, cause: unknown) => console.error(`[web] ${message}`, cause));
  const statics = createStaticFiles(options.staticDir);
  const sockets = createEventSockets(options.events);
  const server = createServer();
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  // The guard and the headers name the bound port: listen first, then answer.
  const port = await listen(server, options.port ?? 0);
  let guard: LaunchGuard;
  try {
    guard = createLaunchGuard(port, options.token);
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const headers = securityHeaders(port);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const [pathname, query] = queryAt < 0 ? [target, ''] : [target.slice(0, queryAt), target.slice(queryAt + 1)];
    const api = pathname.startsWith('/api/');
    const site = guard.checkSite(request.headers);
    if (!site.ok) return sendRefusal(response, api, site.status, 'forbidden', site.message);
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    const presented = new URLSearchParams(query).get('token');
    if (isRead && presented !== null) {
      if (guard.isToken(presented)) return sendLaunchPage(response, guard.windowCookie(), guard.token);
      return sendRefusal(response, api, 401, 'forbidden', 'this launch token is not the current one: open the URL the terminal printed when the Lab started');
    }
    // The API takes the launch token only; the cookie, which every server on 127.0.0.1 receives too, opens the window's files only.
    const credential = api ? guard.checkCall(request.headers) : guard.checkWindow(request.headers);
    if (!credential.ok) return sendRefusal(response, api, credential.status, 'forbidden', credential.message);
    if (pathname === HTTP_CALL_PATH) {
      if (request.method !== 'POST') return sendRefusal(response, true, 405, 'invalid_input', `"${HTTP_CALL_PATH}" takes POST only`, { allow: 'POST' });
      return answerApiCall(request, response, { dispatcher: options.dispatcher, ...(options.maxCallBytes === undefined ? {} : { maxBytes: options.maxCallBytes }) });
    }
    if (api) return sendRefusal(response, true, 404, 'unknown_method', `no such endpoint: "${pathname}"`);
    if (!isRead) return sendRefusal(response, false, 405, 'invalid_input', 'the window is read with GET only', { allow: 'GET, HEAD' });
    return statics.serve(request, response, pathname);
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      logError('a browser-mode request failed', error);
      if (response.headersSent) return void response.destroy();
      sendRefusal(response, true, 500, 'unexpected', 'the Lab failed unexpectedly; the details are in its log');
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const pathname = (request.url ?? '/').split('?', 1)[0];
    if (pathname !== HTTP_EVENTS_PATH) return refuseUpgrade(socket, headers, 404, 'not found');
    for (const verdict of [guard.checkSite(request.headers), guard.checkSocket(request.headers)]) {
      if (!verdict.ok) return refuseUpgrade(socket, headers, verdict.status, verdict.message);
    }
    sockets.accept(request, socket, head);
  });

  const origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${guard.token}`,
    origin,
    port,
    token: guard.token,
    close: () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await sockets.close();
        server.closeAllConnections();
        await closed;
      })()),
  };
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A refused upgrade gets a plain HTTP answer with the same headers as any other, then the socket closes. */
function refuseUpgrade(socket: Duplex, headers: Readonly<Record<string, string>>, status: number, message: string): void {
  const body = `${message}\n`;
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Refused'}`,
    'connection: close',
    'content-type: text/plain; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'cache-control: no-store',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
