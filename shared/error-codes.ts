/**
 * The error codes the Lab names: the OAuth ones as servers send them, and the client's
 * own. One list for the client engine (its `LabError`) and the contract (what crosses
 * to the window).
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
