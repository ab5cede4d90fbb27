/**
 * The one place where what openid-client (and undici under it) throws becomes a
 * `LabError`: OAuth error responses keep their RFC code and body; openid-client's own
 * checks (state, iss) get the Lab's codes; network and TLS failures are told apart.
 * openid-client's `errorHandler` is the model.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2 (token endpoint errors)
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1 (authorization errors)
 * @see https://www.rfc-editor.org/rfc/rfc9207 (the iss authorization response parameter)
 */
import * as client from 'openid-client';
import { LabError, isLabError, isOAuthErrorCode, type AnyLabError, type OAuthErrorBody, type OAuthErrorCode } from './lab-error';

const OAUTH_LEADS: Readonly<Record<OAuthErrorCode, string>> = {
  invalid_request: 'the server found the request malformed',
  invalid_client: 'the server did not accept the client credentials',
  invalid_grant: 'the server refused the grant',
  unauthorized_client: 'the application may not use this grant type',
  unsupported_grant_type: 'the server does not support this grant type',
  invalid_scope: 'the server refused the requested scope',
  access_denied: 'access was denied',
  unsupported_response_type: 'the server does not support this response type',
  server_error: 'the server failed',
  temporarily_unavailable: 'the server is temporarily unavailable',
  invalid_token: 'the server did not accept the access token',
  insufficient_scope: 'the access token lacks a scope the request needs',
};

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|EPROTO$)/;
const UNTRUSTED_CODES = /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)$/;

/** An OAuth error body as a LabError; `invalid_grant` about the PKCE verifier becomes `pkce_failed`. */
export function oauthError(body: OAuthErrorBody, status?: number, cause?: unknown): AnyLabError {
  const options = { oauth: body, ...(status === undefined ? {} : { status }), ...(cause === undefined ? {} : { cause }) };
  const detail = body.error_description ? `: ${body.error_description}` : '';
  if (status === 429) return new LabError('rate_limited', `the server is rate limiting requests (HTTP 429, "${body.error}")${detail}`, options);
  if (body.error === 'invalid_grant' && /code_verifier|code_challenge|pkce/i.test(body.error_description ?? '')) {
    return new LabError('pkce_failed', `the server refused the PKCE verifier ("invalid_grant")${detail}`, options);
  }
  if (isOAuthErrorCode(body.error)) return new LabError(body.error, `${OAUTH_LEADS[body.error]} ("${body.error}")${detail}`, options) as AnyLabError;
  return new LabError('server_error', `the server answered with the unknown error "${body.error}"${detail}`, options);
}

/** Turns whatever a flow, a discovery or a request threw into the Lab's typed error. */
export async function toLabError(error: unknown): Promise<AnyLabError> {
  if (isLabError(error)) return error;
  if (error instanceof client.ResponseBodyError) {
    return oauthError(pickBody(error.cause, error.error, error.error_description), error.status, error);
  }
  if (error instanceof client.AuthorizationResponseError) {
    return oauthError(pickBody(Object.fromEntries(error.cause), error.error, error.error_description), undefined, error);
  }
  if (error instanceof client.WWWAuthenticateChallengeError) return challengeError(error);
  if (error instanceof client.ClientError) return clientError(error);
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return abortError(error);
  if (error instanceof TypeError && error.cause instanceof Error) return transportError(error);
  return new LabError('unexpected', `unexpected failure: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

function pickBody(raw: Record<string, unknown>, error: string, description: string | undefined): OAuthErrorBody {
  const uri = typeof raw['error_uri'] === 'string' ? raw['error_uri'] : undefined;
  return { error, ...(description === undefined ? {} : { error_description: description }), ...(uri === undefined ? {} : { error_uri: uri }) };
}

/** A 401 with `WWW-Authenticate` (invalid_client over Basic, RFC 6749 §5.2): the body says which error it is. */
async function challengeError(error: client.WWWAuthenticateChallengeError): Promise<AnyLabError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await error.response.clone().json()) as Record<string, unknown>;
  } catch {
    // No JSON body: the challenge's own parameters say what they can.
  }
  const parameters = error.cause[0]?.parameters ?? {};
  const code = typeof body['error'] === 'string' ? body['error'] : (parameters['error'] ?? (error.status === 401 ? 'invalid_client' : 'server_error'));
  const description = typeof body['error_description'] === 'string' ? body['error_description'] : parameters['error_description'];
  return oauthError(pickBody(body, code, description), error.status, error);
}

async function clientError(error: client.ClientError): Promise<AnyLabError> {
  const cause = error.cause;
  const causeMessage = cause instanceof Error ? cause.message : '';
  switch (error.code) {
    case 'OAUTH_INVALID_RESPONSE':
      if (/"state"/.test(causeMessage)) return new LabError('state_mismatch', `the callback's "state" is not the one this flow sent (${causeMessage}); it may be forged or from another sign-in`, { cause: error });
      if (/"iss"/.test(causeMessage)) return new LabError('issuer_mismatch', `the callback's "iss" is not this target's issuer (${causeMessage}); it may come from another server (RFC 9207)`, { cause: error });
      return new LabError('invalid_response', `the server's response is not valid: ${causeMessage || error.message}`, { cause: error });
    case 'OAUTH_JSON_ATTRIBUTE_COMPARISON':
      return new LabError('issuer_mismatch', `the server's metadata names another issuer: ${causeMessage || error.message}`, { cause: error });
    case 'OAUTH_RESPONSE_IS_NOT_CONFORM':
      return statusError(isResponse(cause) ? cause : undefined, error);
    case 'OAUTH_RESPONSE_IS_NOT_JSON':
    case 'OAUTH_PARSE_ERROR':
      return new LabError('invalid_response', `the server's answer is not the JSON OAuth expects (${error.message})`, { cause: error });
    case 'OAUTH_TIMEOUT':
      return new LabError('timeout', 'the server did not answer in time', { cause: error });
    case 'OAUTH_ABORT':
      return abortError(cause instanceof Error ? cause : error);
    case 'OAUTH_HTTP_REQUEST_FORBIDDEN':
    case 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN':
      return new LabError('invalid_configuration', `the request was not sent: ${error.message}`, { cause: error });
    default:
      return cause === undefined ? new LabError('unexpected', `unexpected failure: ${error.message}`, { cause: error }) : toLabError(cause);
  }
}

/** A fetch Response, from undici or the global fetch alike (they are different classes). */
function isResponse(value: unknown): value is Response {
  return typeof value === 'object' && value !== null && typeof (value as Response).status === 'number' && typeof (value as Response).clone === 'function';
}

/** A status openid-client did not expect; a 5xx may still carry an OAuth error body, which names it better. */
async function statusError(response: Response | undefined, cause: unknown): Promise<AnyLabError> {
  const status = response?.status;
  if (response !== undefined && status !== 429) {
    try {
      const body = (await response.clone().json()) as Record<string, unknown>;
      if (typeof body['error'] === 'string') {
        return oauthError(pickBody(body, body['error'], typeof body['error_description'] === 'string' ? body['error_description'] : undefined), status, cause);
      }
    } catch {
      // Not JSON: the status alone says what it can.
    }
  }
  if (status === 429) {
    const retryAfter = response?.headers.get('retry-after');
    return new LabError('rate_limited', `the server is rate limiting requests (HTTP 429${retryAfter ? `, retry after ${retryAfter} s` : ''})`, { status, cause });
  }
  if (status !== undefined && status >= 500) return new LabError('server_error', `the server failed (HTTP ${status})`, { status, cause });
  return new LabError('invalid_response', `the server answered with an unexpected HTTP status${status === undefined ? '' : ` (${status})`}`, { ...(status === undefined ? {} : { status }), cause });
}

function abortError(error: Error): AnyLabError {
  const reason: unknown = (error as { reason?: unknown }).reason ?? error.cause;
  if (isLabError(reason)) return reason;
  if (error.name === 'TimeoutError') return new LabError('timeout', 'the server did not answer in time', { cause: error });
  return new LabError('cancelled', 'the request was cancelled', { cause: error });
}

/** `fetch failed`: refused, unreachable, or a TLS handshake that failed, told apart by the cause's code. */
function transportError(error: TypeError): AnyLabError {
  const cause = error.cause as Error & { code?: string };
  const code = cause.code ?? '';
  if (cause.name === 'AbortError' || cause.name === 'TimeoutError') return abortError(cause);
  if (TLS_CODES.test(code) || /certificate|tls|ssl/i.test(cause.message)) {
    const hint = UNTRUSTED_CODES.test(code) ? `the server's certificate is not trusted (${code}); add its CA certificate ("caPem")` : `TLS failed: ${cause.message}${code && !cause.message.includes(code) ? ` (${code})` : ''}`;
    return new LabError('tls', hint, { cause: error });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new LabError('timeout', `connecting timed out: ${cause.message}`, { cause: error });
  const what = code === 'ECONNREFUSED' ? 'nothing is listening there' : code === 'ENOTFOUND' ? 'the host name does not resolve' : 'the connection failed';
  return new LabError('network', `${what}: ${cause.message}${code && !cause.message.includes(code) ? ` (${code})` : ''}`, { cause: error });
}
