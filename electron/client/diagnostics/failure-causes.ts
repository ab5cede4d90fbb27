/**
 * Names the cause of a failed call in words a user can act on: expired token, wrong
 * region, revoked token or deleted app, disabled acting user, missing or wrong
 * certificate, renewed or expired certificate, rate limit, server error. The server's
 * `error_description` decides when it speaks plainly (the mock's descriptions are in
 * docs/mock-totango.md); otherwise the status and the RFC 6750 error code do.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
import { readOAuthError, retryAfterSeconds, type ObservedResponse } from './oauth-error-response';

export type FailureCauseCode =
  | 'expired_token'
  | 'wrong_region'
  | 'revoked_token'
  | 'application_deleted'
  | 'acting_user_inactive'
  | 'certificate_missing'
  | 'certificate_wrong'
  | 'certificate_renewed'
  | 'certificate_expired'
  | 'token_not_bound'
  | 'invalid_token'
  | 'missing_token'
  | 'invalid_client'
  | 'invalid_grant'
  | 'insufficient_scope'
  | 'forbidden'
  | 'rate_limited'
  | 'server_error'
  | 'bad_request'
  | 'not_found'
  | 'client_error'
  | 'network'
  | 'tls'
  | 'timeout';

export interface FailureCause {
  readonly code: FailureCauseCode;
  /** What went wrong, in a few words. */
  readonly summary: string;
  /** What to do about it. */
  readonly action: string;
  /** The server's own words (`error_description`), when it gave any. */
  readonly serverDescription?: string;
  /** For a rate limit: how long the server asks to wait. */
  readonly retryAfterSeconds?: number;
}

type Words = Pick<FailureCause, 'summary' | 'action'>;

/** Causes that the server's description names, most specific first (certificates before tokens). */
const BY_DESCRIPTION: readonly (readonly [RegExp, FailureCauseCode])[] = [
  [/certificate[^;]*\b(has )?expired|expired[^;]*certificate/i, 'certificate_expired'],
  [/certificate[^;]*(renewed|no longer has|retired)/i, 'certificate_renewed'],
  [/not bound to its certificate/i, 'token_not_bound'],
  [/belongs to another application|not issued by this totango account|different certificate|another certificate|not the one the access token is bound to/i, 'certificate_wrong'],
  [/no client certificate|presented none|over plain http|over https\b|must send its certificate|with (its|that) (client )?certificate|without (a|the|its) (client )?certificate/i, 'certificate_missing'],
  [/wrong region|(issued by|registered in) the \w+ region/i, 'wrong_region'],
  [/acting user|user\b[^;]*\bis (disabled|deleted)/i, 'acting_user_inactive'],
  [/application[^;]*\b(has been )?deleted/i, 'application_deleted'],
  [/token[^;]*\brevoked/i, 'revoked_token'],
  [/has no access token|instead of the legacy|authorization scheme is/i, 'missing_token'],
  [/token[^;]*\bexpired|expired at/i, 'expired_token'],
];

const WORDS: Readonly<Record<FailureCauseCode, Words>> = {
  expired_token: { summary: 'the access token has expired', action: 'get a new token; a shorter lifetime means asking for tokens more often' },
  wrong_region: { summary: 'wrong region: the token or client belongs to the other Totango region', action: 'use the region the application was created in (US api.totango.com, EU api-eu1.totango.com) for both the token and the API calls' },
  revoked_token: { summary: 'the access token has been revoked', action: 'get a new token' },
  application_deleted: { summary: 'the application that was issued this token has been deleted', action: 'create the application again (a new client id and secret) and get a new token' },
  acting_user_inactive: { summary: 'the acting user is disabled or deleted', action: 'reactivate the Totango user the application acts as, or create a new application acting as an active user' },
  certificate_missing: { summary: 'no client certificate: the application uses mutual TLS', action: 'load the application\'s certificate and key, and call the HTTPS endpoints with them' },
  certificate_wrong: { summary: 'the client certificate is not this application\'s', action: 'export this application\'s certificate again and use it' },
  certificate_renewed: { summary: 'the certificate has been renewed since the token was issued', action: 'export the new certificate, and get a new token with it' },
  certificate_expired: { summary: 'the client certificate has expired', action: 'renew the certificate, export it, and get a new token with it' },
  token_not_bound: { summary: 'the token was issued without the certificate the application now requires', action: 'get a new token over mutual TLS, with the application\'s certificate' },
  invalid_token: { summary: 'the access token was refused (expired, revoked, its application deleted, or from the other region)', action: 'get a new token from the application\'s own region; if that fails, check the application still exists' },
  missing_token: { summary: 'the request carried no access token', action: 'send "Authorization: Bearer <token>"' },
  invalid_client: { summary: 'client authentication failed: wrong client id or secret, or a deleted application', action: 'check the client id and secret (the secret is shown only once: create a new application if it is lost)' },
  invalid_grant: { summary: 'the grant was refused', action: 'read the server\'s description; start the flow again' },
  insufficient_scope: { summary: 'the token lacks the scope this endpoint requires', action: 'add the required scope to the application and get a new token' },
  forbidden: { summary: 'the server refused the call (403)', action: 'check the acting user\'s permissions in Totango' },
  rate_limited: { summary: 'rate limited: too many requests', action: 'wait before retrying (Totango allows about 100 calls a minute per token)' },
  server_error: { summary: 'the server failed', action: 'retry later; if it persists, contact Totango support with the exchange' },
  bad_request: { summary: 'the server refused the request as malformed', action: 'check the path parameters and the body against the endpoint\'s documentation' },
  not_found: { summary: 'not found', action: 'check the ids in the path' },
  client_error: { summary: 'the server refused the request', action: 'read the response body' },
  network: { summary: 'no connection to the server', action: 'check the base URL, that the server runs, and the network' },
  tls: { summary: 'the TLS connection failed', action: 'check the CA to trust and, with mutual TLS, the certificate and key' },
  timeout: { summary: 'the server did not answer in time', action: 'retry; check the network and the server' },
};

/** The cause of a failed response; undefined for a success (1xx-3xx). */
export function explainResponse(response: ObservedResponse, now: number = Date.now()): FailureCause | undefined {
  if (response.status < 400) return undefined;
  const oauth = readOAuthError(response);
  const description = oauth.errorDescription;
  const extra = description === undefined ? {} : { serverDescription: description };
  if (response.status === 429) {
    const wait = retryAfterSeconds(response.headers, now);
    const words = WORDS.rate_limited;
    return { code: 'rate_limited', ...words, ...(wait === undefined ? {} : { action: `wait ${wait} s before retrying (Retry-After)`, retryAfterSeconds: wait }), ...extra };
  }
  if (response.status >= 500) {
    const summary = response.status === 503 ? 'the server is temporarily unavailable (503)' : `the server failed (HTTP ${response.status})`;
    return { code: 'server_error', summary, action: WORDS.server_error.action, ...extra };
  }
  const named = description === undefined ? undefined : BY_DESCRIPTION.find(([pattern]) => pattern.test(description))?.[1];
  const code = named ?? codeFromStatus(response.status, oauth.error);
  const words = WORDS[code];
  if (code === 'insufficient_scope' && oauth.scope !== undefined) {
    return { code, summary: `the token lacks the scope "${oauth.scope}"`, action: `add "${oauth.scope}" to the application and get a new token`, ...extra };
  }
  return { code, ...words, ...extra };
}

function codeFromStatus(status: number, error: string | undefined): FailureCauseCode {
  if (error === 'insufficient_scope') return 'insufficient_scope';
  if (error === 'invalid_client') return 'invalid_client';
  if (error === 'invalid_grant') return 'invalid_grant';
  if (status === 401) return error === undefined ? 'missing_token' : 'invalid_token';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 400 || status === 422) return 'bad_request';
  return 'client_error';
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|EPROTO$|ERR_OSSL_)/;

/** The cause of a request that got no response: connection refused, DNS, TLS, timeout. */
export function explainNetworkError(error: unknown): FailureCause {
  const detail = errorChain(error);
  const codes = detail.map((e) => e.code).filter((c): c is string => c !== undefined);
  const serverDescription = detail.map((e) => e.message).filter((m) => m !== '').join(': ');
  const extra = serverDescription === '' ? {} : { serverDescription };
  if (detail.some((e) => e.name === 'TimeoutError' || e.name === 'AbortError' || e.code === 'UND_ERR_CONNECT_TIMEOUT' || e.code === 'ETIMEDOUT')) {
    return { code: 'timeout', ...WORDS.timeout, ...extra };
  }
  const tls = codes.find((c) => TLS_CODES.test(c));
  if (tls !== undefined) {
    const untrusted = /SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|DEPTH_ZERO/.test(tls);
    const summary = untrusted ? 'the server\'s certificate is not trusted' : tls === 'CERT_HAS_EXPIRED' ? 'the server\'s certificate has expired' : `the TLS connection failed (${tls})`;
    const action = untrusted ? 'trust the server\'s CA (for the mock: its /admin/pki/ca.pem)' : WORDS.tls.action;
    return { code: 'tls', summary, action, ...extra };
  }
  const code = codes[0];
  const summary = code === 'ECONNREFUSED' ? 'connection refused: nothing listens at that address' : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'the host name does not resolve' : WORDS.network.summary;
  return { code: 'network', summary, action: WORDS.network.action, ...extra };
}

function errorChain(error: unknown): { name: string; message: string; code?: string }[] {
  const chain: { name: string; message: string; code?: string }[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    chain.push({ name: current.name, message: current.message, ...(typeof code === 'string' ? { code } : {}) });
  }
  return chain;
}
