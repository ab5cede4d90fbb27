/**
 * Where a fault applies, in words: the OAuth endpoints, every API, every request, or one
 * catalogued endpoint by its title. And what a fault does, in one line.
 */
import { CATALOGUE } from '../../../../shared/catalogue';
import type { FaultView } from '../../../../shared/contract/mock-schemas';

const BROAD_TARGETS: Readonly<Record<string, string>> = Object.freeze({
  token: 'Token endpoint (/oauth/token)',
  authorize: 'Authorization endpoint (/oauth/authorize)',
  any_api: 'Any catalogued API',
  any: 'Any request (OAuth endpoints and APIs)',
});

/** The options of the target picker, grouped. */
export const FAULT_TARGET_GROUPS = Object.freeze([
  { group: 'OAuth endpoints', items: ['token', 'authorize'].map((value) => ({ value, label: BROAD_TARGETS[value]! })) },
  { group: 'Everything', items: ['any_api', 'any'].map((value) => ({ value, label: BROAD_TARGETS[value]! })) },
  { group: 'One catalogued endpoint', items: CATALOGUE.map((endpoint) => ({ value: endpoint.id, label: `${endpoint.summary} (${endpoint.method} ${endpoint.path})` })) },
]);

export function faultTargetLabel(target: string): string {
  const broad = BROAD_TARGETS[target];
  if (broad !== undefined) return broad;
  const endpoint = CATALOGUE.find((e) => e.id === target);
  return endpoint === undefined ? target : `${endpoint.summary} (${endpoint.method} ${endpoint.path})`;
}

/** `HTTP 401 invalid_client (…)`, `HTTP 429 rate_limit_exceeded, Retry-After 60 s`, `1500 ms added`: what a fault does, beside its kind. */
export function describeFault(fault: FaultView): string {
  if (fault.kind === 'latency') return `${fault.latencyMs ?? 0} ms added`;
  if (fault.kind === 'rate_limit') return `HTTP 429 ${fault.error ?? 'rate_limit_exceeded'}, Retry-After ${fault.retryAfterSeconds ?? 60} s`;
  const status = fault.status ?? 400;
  const code = fault.error ?? (status >= 500 ? 'server_error' : 'invalid_request');
  return `HTTP ${status} ${code}${fault.errorDescription === undefined ? '' : ` (${fault.errorDescription})`}`;
}

/** `3 more requests`, `until cleared`. */
export function describeRemaining(remaining: number | null): string {
  if (remaining === null) return 'until cleared';
  return `${remaining} more ${remaining === 1 ? 'request' : 'requests'}`;
}
