/**
 * RFC 6750 errors of the resource server: 401 `invalid_token` with a `WWW-Authenticate:
 * Bearer` challenge, 403 `insufficient_scope` naming the required scope, 400
 * `invalid_request`, and a bare challenge when the request carried no token at all.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export class BearerError extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    readonly code: 'invalid_request' | 'invalid_token' | 'insufficient_scope' | undefined,
    readonly description: string,
    readonly scope?: string,
  ) {
    super(description);
    this.name = 'BearerError';
  }

  challenge(realm: string): string {
    const parts = [`realm="${quoted(realm)}"`];
    if (this.code) parts.push(`error="${this.code}"`, `error_description="${quoted(this.description)}"`);
    if (this.scope) parts.push(`scope="${quoted(this.scope)}"`);
    return `Bearer ${parts.join(', ')}`;
  }

  /** Without an error code (no token at all, RFC 6750 §3.1) the body carries only the description. */
  toJSON(): Record<string, string> {
    const body: Record<string, string> = this.code ? { error: this.code, error_description: this.description } : { error_description: this.description };
    if (this.scope) body['scope'] = this.scope;
    return body;
  }
}

/** RFC 6750 §3: attribute values are %x20-21 / %x23-5B / %x5D-7E ("§" is spelt out, not lost). */
function quoted(value: string): string {
  return value.replace(/§ ?/g, 'section ').replace(/"/g, "'").replace(/\\/g, '/').replace(/[^\x20-\x7E]/g, '?');
}

const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * The bearer token of a request, from the Authorization header only (RFC 6750 §2.1).
 * Node keeps only the first of repeated `Authorization` headers, so a repeat is counted
 * on the raw headers (`rawHeaders`: name, value, name, value…), and refused.
 */
export function bearerToken(headers: Readonly<Record<string, string | string[] | undefined>>, query: URLSearchParams, rawHeaders: readonly string[]): string {
  const header = headers['authorization'];
  const inQuery = query.has('access_token');
  if (Array.isArray(header) || (header !== undefined && authorizationHeaderCount(rawHeaders) > 1)) {
    throw new BearerError(400, 'invalid_request', 'the Authorization header is sent more than once');
  }
  if (header === undefined) {
    if (inQuery) throw new BearerError(400, 'invalid_request', 'send the access token in the Authorization header ("Authorization: Bearer <token>"), not in the query');
    if (headers['app-token'] !== undefined) {
      throw new BearerError(401, undefined, 'this API takes OAuth access tokens: send "Authorization: Bearer <token>" instead of the legacy "app-token" header');
    }
    throw new BearerError(401, undefined, 'the request has no access token; send "Authorization: Bearer <token>"');
  }
  if (inQuery) throw new BearerError(400, 'invalid_request', 'the access token is sent both in the Authorization header and in the query; use the header only');
  const space = header.indexOf(' ');
  const scheme = space < 0 ? header : header.slice(0, space);
  if (scheme.toLowerCase() !== 'bearer') {
    throw new BearerError(401, undefined, `the Authorization scheme is "${scheme.slice(0, 20)}"; send "Authorization: Bearer <token>"`);
  }
  const token = header.slice(space + 1).trim();
  if (space < 0 || token === '') throw new BearerError(400, 'invalid_request', 'the Authorization header says Bearer but carries no token');
  if (!B64TOKEN.test(token)) throw new BearerError(400, 'invalid_request', 'the bearer token has characters a token cannot hold (RFC 6750 §2.1)');
  return token;
}

function authorizationHeaderCount(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    // The length test first: it settles almost every header without a lowercase copy.
    if (name.length === 13 && name.toLowerCase() === 'authorization') count += 1;
  }
  return count;
}
