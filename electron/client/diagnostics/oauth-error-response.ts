/**
 * Reads the OAuth error of a response: the RFC 6750 `WWW-Authenticate: Bearer`
 * challenge of a resource server (its `error`, `error_description` and `scope`
 * attributes), else the RFC 6749 §5.2 JSON error body, else nothing.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */

/** A response as the diagnostics see it: status, lowercase header names, parsed body. */
export interface ObservedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON when the body was JSON, else its text, else undefined. */
  readonly body: unknown;
}

export interface OAuthErrorDetails {
  readonly error?: string;
  readonly errorDescription?: string;
  /** The scope the resource server says the call needs (RFC 6750 §3, `scope` attribute). */
  readonly scope?: string;
  /** The `WWW-Authenticate` header as sent. */
  readonly wwwAuthenticate?: string;
  /** Whether the header holds a Bearer challenge at all. */
  readonly bearerChallenge: boolean;
}

/** The auth-params of the first challenge of `scheme` in a `WWW-Authenticate` value. */
export function parseChallenge(header: string, scheme: string): Record<string, string> | undefined {
  const start = new RegExp(`(?:^|,)\\s*${scheme}(?=\\s|,|$)`, 'i').exec(header);
  if (!start) return undefined;
  const params: Record<string, string> = {};
  const param = /\s*,?\s*([A-Za-z][\w.-]*)\s*=\s*("((?:[^"\\]|\\.)*)"|[^\s,"]+)/y;
  param.lastIndex = start.index + start[0].length;
  for (let match = param.exec(header); match; match = param.exec(header)) {
    const name = (match[1] ?? '').toLowerCase();
    params[name] = match[3] !== undefined ? match[3].replace(/\\(.)/g, '$1') : (match[2] ?? '');
  }
  return params;
}

/**
 * The OAuth error of a response, from its challenge first (RFC 6750), then from its JSON
 * body; but the description from the body first: a challenge's quoted-string cannot hold
 * every character (a server turns `"` into `'`, say), the JSON body can.
 */
export function readOAuthError(response: ObservedResponse): OAuthErrorDetails {
  const wwwAuthenticate = response.headers['www-authenticate'];
  const challenge = wwwAuthenticate === undefined ? undefined : parseChallenge(wwwAuthenticate, 'Bearer');
  const body = typeof response.body === 'object' && response.body !== null && !Array.isArray(response.body) ? (response.body as Record<string, unknown>) : {};
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const details: { -readonly [K in keyof OAuthErrorDetails]: OAuthErrorDetails[K] } = { bearerChallenge: challenge !== undefined };
  const error = text(challenge?.['error']) ?? text(body['error']);
  const errorDescription = text(body['error_description']) ?? text(challenge?.['error_description']);
  const scope = text(challenge?.['scope']) ?? text(body['scope']);
  if (error !== undefined) details.error = error;
  if (errorDescription !== undefined) details.errorDescription = errorDescription;
  if (scope !== undefined) details.scope = scope;
  if (wwwAuthenticate !== undefined) details.wwwAuthenticate = wwwAuthenticate;
  return details;
}

/**
 * `Retry-After` (RFC 9110 §10.2.3) in seconds from `now`: delay-seconds or an HTTP date;
 * undefined when absent or unreadable.
 */
export function retryAfterSeconds(headers: Readonly<Record<string, string>>, now: number): number | undefined {
  const value = headers['retry-after']?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - now) / 1000)) : undefined;
}
