/**
 * Load generation with autocannon, from the parent process: one request shape, a
 * warm-up, then the measured run. Every run is bounded: autocannon stops itself after
 * `duration`, each request times out, and a watchdog stops a run that overstays.
 */
import autocannon, { type Instance, type Result } from 'autocannon';

export interface LoadRequest {
  readonly url: string;
  readonly method: 'POST' | 'GET';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
}

export interface LoadResult {
  /** 2xx responses per second of the measured run. */
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly ok: number;
  readonly non2xx: number;
  /** Connection errors, timeouts included. */
  readonly errors: number;
  readonly durationSeconds: number;
  readonly statusCodes: Readonly<Record<string, number>>;
}

const REQUEST_TIMEOUT_SECONDS = 10;

export async function measure(request: LoadRequest, settings: LoadSettings): Promise<{ warmup: LoadResult; measured: LoadResult }> {
  const warmup = settings.warmupSeconds > 0 ? await runOnce(request, settings.connections, settings.warmupSeconds) : undefined;
  const measured = await runOnce(request, settings.connections, settings.durationSeconds);
  return { warmup: warmup ?? measured, measured };
}

function runOnce(request: LoadRequest, connections: number, durationSeconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const running: { instance?: Instance } = {};
    const watchdog = setTimeout(() => running.instance?.stop(), (durationSeconds + REQUEST_TIMEOUT_SECONDS + 5) * 1000).unref();
    running.instance = autocannon(
      {
        url: request.url,
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        connections,
        pipelining: 1,
        duration: durationSeconds,
        timeout: REQUEST_TIMEOUT_SECONDS,
      },
      (error, result) => {
        clearTimeout(watchdog);
        if (error) reject(error);
        else resolve(summarise(result));
      },
    );
  });
}

function summarise(result: Result): LoadResult {
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  return {
    requestsPerSecond: result.duration > 0 ? result['2xx'] / result.duration : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    durationSeconds: result.duration,
    statusCodes,
  };
}

/** One request with fetch, to prove a subject answers the exact request the load uses. */
export async function sendOnce(request: LoadRequest): Promise<{ status: number; body: string }> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_SECONDS * 1000),
  });
  return { status: response.status, body: await response.text() };
}
