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

import { CLIENT_ERROR_CODES, OAUTH_ERROR_CODES, type ClientErrorCode, type OAuthErrorCode } from '../../../shared/error-codes';

export { CLIENT_ERROR_CODES, OAUTH_ERROR_CODES, type ClientErrorCode, type OAuthErrorCode };

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
