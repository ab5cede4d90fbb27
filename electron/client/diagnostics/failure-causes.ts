/**
 * Names the cause of a failed call in words a user can act on: expired token, wrong
 * region, revoked token or deleted app, disabled acting user, missing or wrong
 * certificate, renewed or expired certificate, rate limit, server error. The server's
 * `error_description` decides when it speaks plainly (the mock's descriptions are in
 * docs/mock-totango.md); otherwise the status and the RFC 6750 error code do.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
import { WORDS, type FailureCauseCode } from './failure-cause-words';
import { readOAuthError, retryAfterSeconds, type ObservedResponse } from './oauth-error-response';

export type { FailureCauseCode } from './failure-cause-words';

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


/**
 * Where an answer came from: a resource server (the APIs), or the authorization server
 * (its token endpoint, or an error sent back from its authorization endpoint). The same
 * `invalid_request` means a malformed API call in one and a malformed OAuth request in
 * the other.
 */
export type AnswerOrigin = 'api' | 'authorization_server';

/** The cause of a failed response; undefined for a success (1xx-3xx). */
export function explainResponse(response: ObservedResponse, now: number = Date.now(), origin: AnswerOrigin = 'api'): FailureCause | undefined {
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
  // An authorization endpoint sends these back in a redirect, so they come with no 5xx.
  if (oauth.error === 'server_error' || oauth.error === 'temporarily_unavailable') {
    const summary = oauth.error === 'temporarily_unavailable' ? 'the server is temporarily unavailable' : 'the server failed';
    return { code: 'server_error', summary, action: WORDS.server_error.action, ...extra };
  }
  const named = description === undefined ? undefined : BY_DESCRIPTION.find(([pattern]) => pattern.test(description))?.[1];
  const code = named ?? codeFromStatus(response.status, oauth.error, origin);
  const words = WORDS[code];
  if (code === 'insufficient_scope' && oauth.scope !== undefined) {
    return { code, summary: `the token lacks the scope "${oauth.scope}"`, action: `add "${oauth.scope}" to the application and get a new token`, ...extra };
  }
  return { code, ...words, ...extra };
}

/** Error codes that mean one thing wherever they come from (RFC 6749 §4.1.2.1, §5.2; RFC 6750 §3.1). */
const BY_ERROR_CODE: Readonly<Record<string, FailureCauseCode>> = {
  insufficient_scope: 'insufficient_scope',
  invalid_client: 'invalid_client',
  invalid_grant: 'invalid_grant',
  access_denied: 'access_denied',
  invalid_scope: 'invalid_scope',
  unauthorized_client: 'unauthorized_client',
  unsupported_grant_type: 'unsupported_grant_type',
  unsupported_response_type: 'unsupported_response_type',
};

function codeFromStatus(status: number, error: string | undefined, origin: AnswerOrigin): FailureCauseCode {
  const byCode = error === undefined ? undefined : BY_ERROR_CODE[error];
  if (byCode !== undefined) return byCode;
  if (origin === 'authorization_server' && error === 'invalid_request') return 'malformed_oauth_request';
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
