/**
 * One HTTP exchange as the Lab records it: what was sent, what came back, how long it
 * took, and why it was made. Secrets are redacted before an exchange is stored, so that
 * nothing built from it (the timeline, HAR, curl, a repro bundle) can leak them.
 */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  /** Header names lowercase; values already redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text, already redacted; undefined when there was none. */
  readonly body?: string;
}

export interface RecordedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text (at most 1 MiB kept), already redacted. */
  readonly body?: string;
}

export interface HttpExchange {
  readonly id: string;
  /** What the exchange was for, in words: "token request (client credentials)", "GET /api/v1/users/whoami". */
  readonly purpose: string;
  /** ISO time the request started. */
  readonly startedAt: string;
  readonly durationMs: number;
  readonly request: RecordedRequest;
  /** Absent when no response came (connection refused, TLS failure, timeout). */
  readonly response?: RecordedResponse;
  /** Why no response came, in words. */
  readonly error?: string;
  /** Whether the request carried a client certificate (mutual TLS). */
  readonly clientCertificate: boolean;
  /** Whether the request trusted a CA of its own (the mock's, a corporate one) rather than only the system's. */
  readonly customCa?: boolean;
  /** Where the time went, when known (HAR `timings`). */
  readonly timings?: ExchangeTimings;
}

export interface ExchangeTimings {
  /** From sending the request to the response headers. */
  readonly waitMs: number;
  /** Reading the response body. */
  readonly receiveMs: number;
}

/** Receives each exchange as it completes. */
export type ExchangeSink = (exchange: HttpExchange) => void;
