/**
 * The contract over loopback HTTP and a WebSocket, for browser mode: a call is a
 * `POST /api/call` answered with the dispatcher's `WireResult`; events arrive as JSON
 * messages on the socket at `/api/events`, reopened with backoff when it drops, and the
 * connection's state is told to whoever shows it.
 *
 * Pure: `fetch`, the WebSocket constructor and the timers are passed in, as minimal
 * structural types, so the window passes its own and the tests pass Node's and `ws`.
 * The launch token authenticates both: the `X-Lab-Token` header of every call, and a
 * `lab-token.<token>` subprotocol of the socket (a browser socket can carry no header).
 * The host's cookie opens the window's files only, never these.
 *
 * @see ../../docs/browser-mode.md (the security model)
 *
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-1.9 (subprotocols)
 */
import type { ContractTransport } from './client';
import { wireEventSchema, wireResultSchema, type WireEvent, type WireResult } from './wire';

export const HTTP_CALL_PATH = '/api/call';
export const HTTP_EVENTS_PATH = '/api/events';
export const TOKEN_HEADER = 'x-lab-token';
/** The subprotocol the host selects, so a client asking for the token subprotocol gets a valid handshake. */
export const EVENTS_SUBPROTOCOL = 'lab-events.v1';
export const TOKEN_SUBPROTOCOL_PREFIX = 'lab-token.';
/** The launch page sends the window to `/#lab-token=<token>`: a fragment reaches no server and no log. */
export const LAUNCH_TOKEN_FRAGMENT = 'lab-token';

export interface FetchResponseLike {
  readonly status: number;
  text(): Promise<string>;
}
export type FetchLike = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Promise<FetchResponseLike>;

/** What the transport needs of a WebSocket: the window's and `ws`'s both fit. */
export interface EventSocketLike {
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  close(code?: number, reason?: string): void;
}
export type EventSocketConstructor = new (url: string, protocols: string[]) => EventSocketLike;

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface HttpTransportOptions {
  /** The host's origin, `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly WebSocket: EventSocketConstructor;
  /** The launch token: what the URL the terminal printed carries. */
  readonly token: string;
  /** Delay before the first reconnection, doubled at each failure up to `maxMs`. Default 250 ms to 5 s. */
  readonly reconnect?: { readonly initialMs: number; readonly maxMs: number };
  readonly timers?: Timers;
  /** Told when an event or connection listener throws; the other listeners still run. */
  readonly onListenerError?: (error: unknown) => void;
}

export interface HttpTransport extends ContractTransport {
  readonly connectionState: ConnectionState;
  /** Every change of the event socket's state; returns the unsubscribe function. Opens the socket if needed. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  /** Closes the event socket for good. */
  close(): void;
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const eventsUrl = `${baseUrl.replace(/^http/, 'ws')}${HTTP_EVENTS_PATH}`;
  // Called detached, not as `options.fetch(…)`: the window's fetch throws "Illegal invocation" with another `this`.
  const send = options.fetch;
  const timers = options.timers ?? globalTimers();
  const backoff = options.reconnect ?? { initialMs: 250, maxMs: 5000 };
  const headers: Record<string, string> = { 'content-type': 'application/json', [TOKEN_HEADER]: options.token };
  const protocols = [EVENTS_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${options.token}`];
  const eventListeners = new Set<(event: WireEvent) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'closed';
  let socket: EventSocketLike | undefined;
  let retry: unknown;
  let failures = 0;
  let started = false;
  let closed = false;

  const notify = <T>(listeners: Set<(value: T) => void>, value: T) => {
    for (const listener of [...listeners]) {
      try {
        listener(value);
      } catch (error) {
        options.onListenerError?.(error);
      }
    }
  };
  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    notify(stateListeners, next);
  };
  const connect = () => {
    retry = undefined;
    if (closed) return;
    setState('connecting');
    let current: EventSocketLike;
    try {
      current = new options.WebSocket(eventsUrl, protocols);
    } catch {
      setState('closed');
      scheduleReconnect();
      return;
    }
    socket = current;
    current.addEventListener('open', () => {
      if (socket !== current) return;
      failures = 0;
      setState('open');
    });
    current.addEventListener('message', (message) => {
      if (socket !== current || typeof message.data !== 'string') return;
      const event = parseEvent(message.data);
      if (event !== undefined) notify(eventListeners, event);
    });
    // A refused or failed socket reports 'error' and then 'close'; the close reconnects.
    current.addEventListener('error', () => {});
    current.addEventListener('close', () => {
      if (socket !== current) return;
      socket = undefined;
      setState('closed');
      scheduleReconnect();
    });
  };
  const scheduleReconnect = () => {
    if (closed) return;
    const delay = Math.min(backoff.initialMs * 2 ** failures, backoff.maxMs);
    failures += 1;
    retry = timers.set(connect, delay);
  };
  const start = () => {
    if (started) return;
    started = true;
    connect();
  };

  return {
    get connectionState() {
      return state;
    },
    async call(service, method, input): Promise<WireResult> {
      const response = await send(`${baseUrl}${HTTP_CALL_PATH}`, { method: 'POST', headers, body: JSON.stringify({ service, method, input }) });
      const text = await response.text();
      // Refusals (wrong token, wrong origin, too large) come back as contract results too, with their HTTP status.
      const answer = wireResultSchema.safeParse(parseJson(text));
      if (!answer.success) throw new Error(`HTTP ${response.status} without a contract result`);
      return answer.data as WireResult;
    },
    subscribe(listener) {
      eventListeners.add(listener);
      start();
      return () => eventListeners.delete(listener);
    },
    onConnectionChange(listener) {
      stateListeners.add(listener);
      start();
      return () => stateListeners.delete(listener);
    },
    close() {
      closed = true;
      if (retry !== undefined) timers.clear(retry);
      const current = socket;
      socket = undefined;
      current?.close(1000, 'closed by the window');
      setState('closed');
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseEvent(text: string): WireEvent | undefined {
  const event = wireEventSchema.safeParse(parseJson(text));
  return event.success ? event.data : undefined;
}

/** The host's own timers (the window's or Node's), seen through a minimal type: shared/ has neither's typings. */
function globalTimers(): Timers {
  const host = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  return { set: (callback, ms) => host.setTimeout(callback, ms), clear: (handle) => host.clearTimeout(handle) };
}
