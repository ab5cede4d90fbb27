/**
 * Fault injection, for reproducing a customer's failure: fail the next N requests that
 * match a target with a chosen OAuth error or HTTP status, simulate Totango's rate limit
 * (429 with Retry-After), or add latency.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CATALOGUE } from '../../shared/catalogue';
import { notFound } from './admin-error';

/** Where a fault applies: an OAuth endpoint, one catalogued API by id, every API, or everything. */
export const FAULT_TARGETS = ['token', 'authorize', 'any_api', 'any', ...CATALOGUE.map((e) => e.id)] as const;

export const faultInput = z
  .strictObject({
    target: z.enum(FAULT_TARGETS),
    kind: z.enum(['error', 'rate_limit', 'latency']),
    /** How many matching requests it affects; errors default to 1, latency lasts until cleared. */
    count: z.number().int().min(1).max(10_000).optional(),
    status: z.number().int().min(400).max(599).optional(),
    error: z.string().regex(/^[\x20\x21\x23-\x5B\x5D-\x7E]{1,100}$/, 'an OAuth error code is printable ASCII without quotes or backslashes').optional(),
    errorDescription: z.string().max(500).optional(),
    latencyMs: z.number().int().min(1).max(30_000).optional(),
    retryAfterSeconds: z.number().int().min(1).max(3600).optional(),
  })
  .superRefine((fault, context) => {
    if (fault.kind === 'latency' && fault.latencyMs === undefined) context.addIssue({ code: 'custom', path: ['latencyMs'], message: 'a latency fault needs "latencyMs"' });
    if (fault.kind === 'error' && fault.status === undefined && fault.error === undefined) {
      context.addIssue({ code: 'custom', path: ['status'], message: 'an error fault needs "status", "error", or both' });
    }
  });
export type FaultInput = z.infer<typeof faultInput>;

export interface Fault extends FaultInput {
  readonly id: string;
  /** Matching requests still to affect; undefined means until cleared. */
  remaining: number | undefined;
}

export interface FaultResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: { error: string; error_description: string };
  /**
   * True when the fault names its OAuth `error`: the authorization endpoint sends it back
   * to the client's redirect URI; a fault with only a status answers with that status.
   */
  readonly namesError: boolean;
}

export interface AppliedFaults {
  readonly latencyMs: number;
  readonly response: FaultResponse | undefined;
}

export class FaultInjector {
  private faults: Fault[] = [];

  add(raw: unknown): Fault {
    const input = faultInput.parse(raw);
    const remaining = input.count ?? (input.kind === 'latency' ? undefined : 1);
    const fault: Fault = { ...input, id: randomUUID(), remaining };
    this.faults.push(fault);
    return fault;
  }

  /** True when no fault is in force: the common case, checked before any matching work. */
  get empty(): boolean {
    return this.faults.length === 0;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  remove(id: string): void {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    if (this.faults.length === before) throw notFound('fault', id);
  }

  clear(): void {
    this.faults = [];
  }

  /** The faults for a request to `targets` (most specific first); each one applied is counted down. */
  apply(targets: readonly string[]): AppliedFaults {
    if (this.faults.length === 0) return { latencyMs: 0, response: undefined };
    let latencyMs = 0;
    let response: FaultResponse | undefined;
    for (const fault of this.faults) {
      if (!targets.includes(fault.target)) continue;
      if (fault.kind === 'latency') {
        latencyMs += fault.latencyMs ?? 0;
      } else if (response === undefined) {
        response = responseOf(fault);
      } else {
        continue;
      }
      if (fault.remaining !== undefined) fault.remaining -= 1;
    }
    this.faults = this.faults.filter((f) => f.remaining === undefined || f.remaining > 0);
    return { latencyMs, response };
  }
}

function responseOf(fault: Fault): FaultResponse {
  if (fault.kind === 'rate_limit') {
    const retryAfter = fault.retryAfterSeconds ?? 60;
    return {
      status: 429,
      headers: { 'retry-after': String(retryAfter) },
      body: { error: fault.error ?? 'rate_limit_exceeded', error_description: fault.errorDescription ?? `too many requests; retry after ${retryAfter} seconds (injected by the mock)` },
      namesError: fault.error !== undefined,
    };
  }
  const status = fault.status ?? statusOfError(fault.error);
  return {
    status,
    headers: {},
    body: { error: fault.error ?? (status >= 500 ? 'server_error' : 'invalid_request'), error_description: fault.errorDescription ?? `failure injected by the mock (HTTP ${status})` },
    namesError: fault.error !== undefined,
  };
}

/**
 * The status a fault that names only its error answers with: the one the RFCs give that
 * error where they give one, else 400.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1 (server_error, temporarily_unavailable: 500, 503)
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1 (invalid_token 401, insufficient_scope 403)
 */
function statusOfError(error: string | undefined): number {
  switch (error) {
    case 'temporarily_unavailable':
      return 503;
    case 'server_error':
      return 500;
    case 'invalid_client':
    case 'invalid_token':
      return 401;
    case 'insufficient_scope':
      return 403;
    default:
      return 400;
  }
}
