/**
 * Who may talk to the browser-mode host: only a page the person opened from the URL the
 * terminal printed. Three checks, each answering with its own refusal:
 * - `Host` must name the loopback origin exactly, or a DNS-rebinding page (a hostile
 *   name that resolves to 127.0.0.1) could read our answers as same-origin;
 * - `Origin`, when the browser sends one, must be ours, so no other web page can post
 *   to the API or open the event socket;
 * - the launch token, random per start: presented once in the URL, then carried by an
 *   HttpOnly, SameSite=Strict cookie, an `X-Lab-Token` header, or a WebSocket
 *   subprotocol (`lab-token.<token>`, the one credential a browser socket can carry).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-4.1 (Set-Cookie)
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.7 (SameSite)
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-10.2 (origin considerations)
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_HEADER, TOKEN_SUBPROTOCOL_PREFIX } from '../../shared/contract/http-transport';

/** 32 random bytes, base64url: the launch token of one start. */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

export type GuardVerdict = { readonly ok: true } | { readonly ok: false; readonly status: 401 | 403 | 421; readonly message: string };

export interface LaunchGuard {
  readonly token: string;
  /** The cookie's name carries the port: cookies ignore ports, and two Labs may run side by side. */
  readonly cookieName: string;
  /** Host, then Origin: is the request addressed to us, from one of our pages (or from no page)? */
  checkSite(headers: IncomingHttpHeaders): GuardVerdict;
  /** Does the request carry the launch token (cookie, header, or WebSocket subprotocol)? */
  checkToken(headers: IncomingHttpHeaders): GuardVerdict;
  /** Is this the launch token (timing-safe)? */
  isToken(presented: string | undefined): boolean;
  /** The `Set-Cookie` value that remembers the token for this browser session. */
  sessionCookie(): string;
}

export function createLaunchGuard(port: number, token: string = createLaunchToken()): LaunchGuard {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const origins = hosts.map((host) => `http://${host}`);
  const cookieName = `totango_lab_${port}`;
  const expectedDigest = digest(token);
  const isToken = (presented: string | undefined) => presented !== undefined && timingSafeEqual(digest(presented), expectedDigest);
  const needsToken: GuardVerdict = {
    ok: false,
    status: 401,
    message: `this Lab needs its launch token: open the URL the terminal printed when it started (http://127.0.0.1:${port}/?token=…)`,
  };
  return {
    token,
    cookieName,
    isToken,
    checkSite(headers) {
      if (headers.host === undefined || !hosts.includes(headers.host.toLowerCase())) {
        return { ok: false, status: 421, message: `misdirected request: this Lab answers only to "Host: 127.0.0.1:${port}" or "Host: localhost:${port}"` };
      }
      const origin = headers.origin;
      if (origin !== undefined && !origins.includes(origin.toLowerCase())) {
        return { ok: false, status: 403, message: `cross-origin request refused: "Origin" must be http://127.0.0.1:${port} or http://localhost:${port}` };
      }
      return { ok: true };
    },
    checkToken(headers) {
      const header = headers[TOKEN_HEADER];
      const presented = [readCookie(headers.cookie, cookieName), typeof header === 'string' ? header : undefined, ...tokenSubprotocols(headers['sec-websocket-protocol'])];
      return presented.some(isToken) ? { ok: true } : needsToken;
    },
    sessionCookie: () => `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
  };
}

/** Equal-length digests, so that neither the comparison's time nor its length check leaks the token. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** One cookie's value from a `Cookie` header (RFC 6265 §5.4: `name=value` pairs joined by `; `). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

function tokenSubprotocols(header: string | string[] | undefined): string[] {
  if (typeof header !== 'string') return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.startsWith(TOKEN_SUBPROTOCOL_PREFIX))
    .map((p) => p.slice(TOKEN_SUBPROTOCOL_PREFIX.length));
}
