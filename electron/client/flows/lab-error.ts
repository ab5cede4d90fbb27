/**
 * The Lab's one error type. Every failure the client engine reports (an OAuth error
 * from the server, a check openid-client refused, the network, TLS, a flow ended by
 * the user) is a `LabError` with a `code` from one closed list, so that
 * `switch (err.code)` narrows and the window can say what to do about it.
 *
 * Errors cross the contract as data: `toJSON()` gives `{ code, message, oauth? }`.
 * Messages are lowercase, name the parameter in quotes, and never hold a secret;
 * details stay in `cause`.
 */

/** The RFC 6749 §5.2 / §4.1.2.1 and RFC 6750 §3.1 error codes the Lab names as they are. */
export const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
  'invalid_token',
  'insufficient_scope',
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

/** Failures of the client itself, or of a check it made. */
export const CLIENT_ERROR_CODES = [
  'state_mismatch',
  'issuer_mismatch',
  'pkce_failed',
  'invalid_response',
  'rate_limited',
  'timeout',
  'cancelled',
  'flow_in_progress',
  'port_in_use',
  'browser_failed',
  'network',
  'tls',
  'certificate',
  'invalid_configuration',
  'credentials_unavailable',
  'unexpected',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export type LabErrorCode = OAuthErrorCode | ClientErrorCode;

export const LAB_ERROR_CODES: readonly LabErrorCode[] = Object.freeze([...OAUTH_ERROR_CODES, ...CLIENT_ERROR_CODES]);

/** The OAuth error body the server sent (RFC 6749 §5.2), when there was one. */
export interface OAuthErrorBody {
  readonly error: string;
  readonly error_description?: string;
  readonly error_uri?: string;
}

/** An error as it crosses the contract. */
export interface LabErrorData {
  readonly code: LabErrorCode;
  readonly message: string;
  readonly oauth?: OAuthErrorBody;
}

export interface LabErrorOptions {
  readonly cause?: unknown;
  readonly oauth?: OAuthErrorBody;
  /** The HTTP status behind the error, when one came. */
  readonly status?: number;
}

export class LabError<C extends LabErrorCode = LabErrorCode> extends Error {
  override readonly name = 'LabError';
  readonly code: C;
  readonly oauth?: OAuthErrorBody;
  readonly status?: number;

  constructor(code: C, message: string, options: LabErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.oauth !== undefined) this.oauth = options.oauth;
    if (options.status !== undefined) this.status = options.status;
  }

  toJSON(): LabErrorData {
    return this.oauth === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, oauth: this.oauth };
  }
}

/** Any LabError, as a union over its codes: `switch (error.code)` narrows to one member. */
export type AnyLabError = { [C in LabErrorCode]: LabError<C> }[LabErrorCode];

export function isLabError(value: unknown): value is AnyLabError {
  return value instanceof LabError;
}

export function isOAuthErrorCode(value: string): value is OAuthErrorCode {
  return (OAUTH_ERROR_CODES as readonly string[]).includes(value);
}

/** Rebuilds an error that crossed the contract as data. */
export function labErrorFromData(data: LabErrorData): AnyLabError {
  return new LabError(data.code, data.message, data.oauth === undefined ? {} : { oauth: data.oauth }) as AnyLabError;
}
