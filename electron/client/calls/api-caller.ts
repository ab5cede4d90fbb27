/**
 * Sends one catalogued request with the current access token (and, through the
 * dispatcher, the client certificate), and returns what came back: status, headers,
 * body (parsed when JSON), timing, and the recorded exchange. A failure to get any
 * response is returned as data with its cause in words, never thrown: a diagnostic run
 * goes on after one endpoint's network error.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1 (the Authorization header)
 */
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { ExchangeSink, HttpExchange } from '../http/exchange';
import { createRecordingFetch, recordedExchange, type LabFetch } from '../http/recording-fetch';
import { explainNetworkError, type FailureCause } from '../diagnostics/failure-causes';
import { toWireRequest, type CatalogueRequest } from './catalogue-request';

export interface ApiCallOptions {
  /** The API base URL: a region's origin (for mutual TLS, its HTTPS origin). */
  readonly baseUrl: string;
  readonly accessToken: string;
  /** The fetch underneath (default undici's); the caller records through `sink`, not by wrapping it. */
  readonly fetch?: LabFetch;
  /** Carries the client certificate and the CA to trust (`createTlsAgent`). */
  readonly dispatcher?: Dispatcher;
  /** Receives the exchange, redacted. */
  readonly sink?: ExchangeSink;
  /** What the exchange is for, in words; default "call <endpoint id>". */
  readonly purpose?: string;
  /** Gives up after this long (default 30 s). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** The clock of `startedAt` (milliseconds since the epoch). */
  readonly now?: () => number;
}

export interface ApiResponse {
  readonly status: number;
  readonly statusText: string;
  /** Lowercase names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON when the body is JSON; else its text; undefined when empty. */
  readonly body: unknown;
  readonly bodyText: string;
}

export interface ApiCallResult {
  readonly request: CatalogueRequest;
  readonly method: string;
  readonly url: string;
  readonly startedAt: string;
  readonly durationMs: number;
  /** Absent when no response came. */
  readonly response?: ApiResponse;
  /** Why no response came, in words a user can act on. */
  readonly failure?: FailureCause;
  /** The exchange as recorded (redacted); absent when no response came (the sink still got it). */
  readonly exchange?: HttpExchange;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Sends `request` to `options.baseUrl`; throws only for a request that cannot be built (a missing path parameter). */
export async function callEndpoint(request: CatalogueRequest, options: ApiCallOptions): Promise<ApiCallResult> {
  if (options.accessToken === '') throw new Error('missing access token in "accessToken"');
  const wire = toWireRequest(request, options.baseUrl);
  const now = options.now ?? Date.now;
  const fetch = createRecordingFetch({
    sink: options.sink ?? (() => undefined),
    purpose: options.purpose ?? `call ${wire.endpoint.id}`,
    now,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
  });
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]);
  const startedAt = new Date(now()).toISOString();
  const t0 = performance.now();
  const base = { request, method: wire.method, url: wire.url, startedAt };
  try {
    const response = await fetch(wire.url, {
      method: wire.method,
      headers: { ...wire.headers, authorization: `Bearer ${options.accessToken}` },
      ...(wire.body === undefined ? {} : { body: wire.body }),
      signal,
    });
    const bodyText = await response.text();
    const durationMs = Math.round((performance.now() - t0) * 10) / 10;
    const exchange = recordedExchange(response);
    const headers = Object.fromEntries(response.headers);
    const apiResponse: ApiResponse = { status: response.status, statusText: response.statusText, headers, body: parseBody(bodyText, headers['content-type']), bodyText };
    return { ...base, durationMs, response: apiResponse, ...(exchange === undefined ? {} : { exchange }) };
  } catch (error) {
    const durationMs = Math.round((performance.now() - t0) * 10) / 10;
    return { ...base, durationMs, failure: explainNetworkError(error) };
  }
}

/** JSON when the media type says so (or the text plainly is), else the text; undefined for an empty body. */
export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json') || (type === '' && /^\s*[[{]/.test(text))) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
