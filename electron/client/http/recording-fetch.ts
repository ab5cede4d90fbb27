/**
 * A `fetch` that records every exchange it makes: timing, request and response headers
 * and bodies as text, whether a client certificate went with it, redacted (see
 * `redaction.ts`) before the sink sees it. It is openid-client's `customFetch` for the
 * flows, and the plain `fetch` of API calls and diagnostics; it runs on undici, so that
 * a mutual-TLS dispatcher (see `tls-agent.ts`) can carry the certificate.
 *
 * The response is returned untouched; the recorder reads a clone of it, before
 * returning, so that an exchange is on the sink by the time the caller has its answer.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fetch as undiciFetch, type Dispatcher } from 'undici';
import type { ExchangeSink, HttpExchange, RecordedRequest, RecordedResponse } from './exchange';
import { readBodyText, requestBodyText } from './body-text';
import { redactBody, redactHeaders, redactText, redactUrl, type RedactionOptions } from './redaction';
import { agentCarriesClientCertificate, agentTrustsCustomCa } from './tls-agent';

/** `RequestInit` plus undici's per-request dispatcher. */
export interface LabRequestInit extends Omit<RequestInit, 'dispatcher'> {
  dispatcher?: Dispatcher;
}

/** A fetch; assignable to openid-client's `CustomFetch`. */
export type LabFetch = (input: string | URL | Request, init?: LabRequestInit) => Promise<Response>;

export interface RecordingFetchOptions extends RedactionOptions {
  /** Receives each exchange, redacted, as it completes (a `Timeline`'s `sink`, for one). */
  readonly sink: ExchangeSink;
  /** The dispatcher of every request (a `createTlsAgent` agent for mutual TLS or a CA of its own); a request's own `dispatcher` wins. */
  readonly dispatcher?: Dispatcher;
  /** What the exchanges are for, in words; default `"<METHOD> <path>"`. */
  readonly purpose?: string | ((request: { readonly method: string; readonly url: URL }) => string);
  /** Aborts every request made through this fetch (a flow's cancel). */
  readonly signal?: AbortSignal;
  /** The clock of `startedAt`. */
  readonly now?: () => number;
  /** The fetch underneath (default undici's). */
  readonly fetch?: LabFetch;
}

const recorded = new WeakMap<Response, HttpExchange>();

/** The exchange a response of a recording fetch was recorded as. */
export function recordedExchange(response: Response): HttpExchange | undefined {
  return recorded.get(response);
}

export function createRecordingFetch(options: RecordingFetchOptions): LabFetch {
  const underlying = options.fetch ?? (undiciFetch as unknown as LabFetch);
  const now = options.now ?? Date.now;
  return async (input, init = {}) => {
    // A Request is taken apart: undici's fetch does not take the global Request class.
    const fromRequest = input instanceof Request ? input : undefined;
    const method = (init.method ?? fromRequest?.method ?? 'GET').toUpperCase();
    const url = new URL(fromRequest?.url ?? input.toString());
    const headers = new Headers(init.headers ?? fromRequest?.headers);
    const rawBody = init.body !== undefined ? init.body : fromRequest?.body ? await fromRequest.arrayBuffer() : undefined;
    if (rawBody instanceof URLSearchParams && !headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    const dispatcher = init.dispatcher ?? options.dispatcher;
    const signals = [init.signal, fromRequest?.signal, options.signal].filter((s): s is AbortSignal => s !== undefined && s !== null);
    const purpose = redactText(typeof options.purpose === 'function' ? options.purpose({ method, url }) : (options.purpose ?? `${method} ${url.pathname}`), options);

    const requestText = requestBodyText(rawBody, headers.get('content-type'));
    const request: RecordedRequest = {
      method,
      url: redactUrl(url.href, options),
      headers: redactHeaders(Object.fromEntries(headers), options),
      ...(requestText === undefined ? {} : { body: redactBody(requestText, headers.get('content-type') ?? undefined, options) }),
    };
    const https = url.protocol === 'https:';
    const base = {
      id: randomUUID(),
      purpose,
      startedAt: new Date(now()).toISOString(),
      request,
      clientCertificate: https && agentCarriesClientCertificate(dispatcher),
      ...(https && agentTrustsCustomCa(dispatcher) ? { customCa: true } : {}),
    };
    const t0 = performance.now();
    let response: Response;
    try {
      const signal = signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);
      const sent: LabRequestInit = {
        ...(fromRequest === undefined ? {} : { method, headers, redirect: fromRequest.redirect, ...(rawBody === undefined ? {} : { body: rawBody }) }),
        ...init,
        ...(dispatcher === undefined ? {} : { dispatcher }),
        ...(signal === undefined ? {} : { signal }),
      };
      response = await underlying(fromRequest === undefined ? input : url.href, sent);
    } catch (error) {
      options.sink({ ...base, durationMs: elapsed(t0), error: redactText(describeFetchFailure(error), options) });
      throw error;
    }
    const tHeaders = performance.now();
    const contentType = response.headers.get('content-type');
    let body: string | undefined;
    let bodyError: string | undefined;
    try {
      body = await readBodyText(response.clone(), contentType);
    } catch (error) {
      bodyError = `the response body could not be read: ${describeFetchFailure(error)}`;
    }
    const recordedResponse: RecordedResponse = {
      status: response.status,
      statusText: response.statusText,
      headers: redactHeaders(responseHeaders(response.headers), options),
      ...(body === undefined ? {} : { body: redactBody(body, contentType ?? undefined, options) }),
    };
    const exchange: HttpExchange = {
      ...base,
      durationMs: elapsed(t0),
      response: recordedResponse,
      ...(bodyError === undefined ? {} : { error: redactText(bodyError, options) }),
      timings: { waitMs: round(tHeaders - t0), receiveMs: round(performance.now() - tHeaders) },
    };
    recorded.set(response, exchange);
    options.sink(exchange);
    return response;
  };
}

function responseHeaders(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of headers) {
    if (name !== 'set-cookie') result[name] = value;
  }
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) result['set-cookie'] = cookies.join('\n');
  return result;
}

/** Why no response came, in words: the cause's code and message where undici gives one. */
export function describeFetchFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'AbortError') return 'the request was cancelled';
  if (error instanceof Error && error.name === 'TimeoutError') return 'the request timed out';
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as (Error & { code?: string }) | undefined;
  if (cause instanceof Error) {
    if (cause.name === 'AbortError') return 'the request was cancelled';
    if (cause.name === 'TimeoutError' || cause.name === 'ConnectTimeoutError') return `the request timed out (${cause.message})`;
    return cause.code === undefined || cause.message.includes(cause.code) ? cause.message : `${cause.message} (${cause.code})`;
  }
  return error.message;
}

function elapsed(t0: number): number {
  return round(performance.now() - t0);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
