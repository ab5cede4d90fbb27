/**
 * Who may talk to the browser-mode host: only the window the person opened from the URL
 * the terminal printed. Each check answers with its own refusal:
 * - `Host` must name the loopback origin exactly, or a DNS-rebinding page (a hostile
 *   name that resolves to 127.0.0.1) could read our answers as same-origin;
 * - `Origin`, when the browser sends one, must be ours, so no other web page can post
 *   to the API or open the event socket;
 * - the API and the event socket take the launch token only: random per start, in the
 *   printed URL, then kept by the window in `sessionStorage` (bound to this exact origin)
 *   and sent as an `X-Lab-Token` header or a `lab-token.<token>` WebSocket subprotocol
 *   (the one credential a browser socket can carry);
 * - the window's files take a cookie instead, holding another random value (the window
 *   key), so that the address without the token is refused and a reload still loads.
 *   Cookies ignore ports: the browser hands that cookie to every server on 127.0.0.1,
 *   which is why it opens nothing but the window's files.
 *
 * @see ../../docs/browser-mode.md (the security model, check by check)
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-8.5 (cookies do not provide isolation by port)
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.7 (SameSite)
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-10.2 (origin considerations)
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_HEADER, TOKEN_SUBPROTOCOL_PREFIX } from '../../shared/contract/http-transport';

/** 32 random bytes, base64url: the launch token (or the window key) of one start. */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

export type GuardVerdict = { readonly ok: true } | { readonly ok: false; readonly status: 401 | 403 | 421; readonly message: string };

export interface LaunchGuard {
  /** The launch token: the one credential of the API and the event socket. */
  readonly token: string;
  /** The window cookie's name carries the port, so that two Labs side by side keep their own. */
  readonly cookieName: string;
  /** Host, then Origin: is the request addressed to us, from one of our pages (or from no page)? */
  checkSite(headers: IncomingHttpHeaders): GuardVerdict;
  /** The window's files: does the request carry the window cookie? */
  checkWindow(headers: IncomingHttpHeaders): GuardVerdict;
  /** `POST /api/call`: the launch token in `X-Lab-Token`. The cookie does not count. */
  checkCall(headers: IncomingHttpHeaders): GuardVerdict;
  /** The event socket: the launch token as a `lab-token.<token>` subprotocol. The cookie does not count. */
  checkSocket(headers: IncomingHttpHeaders): GuardVerdict;
  /** Is this the launch token (timing-safe)? */
  isToken(presented: string | undefined): boolean;
  /** The `Set-Cookie` value of the window key, for this browser session. */
  windowCookie(): string;
}

const BASE64URL_TOKEN = /^[A-Za-z0-9_-]{32,}$/;

/** `token`, for tests: a fixed launch token of at least 32 base64url characters. */
export function createLaunchGuard(port: number, token: string = createLaunchToken()): LaunchGuard {
  // The token is written into the launch page and a subprotocol: only characters safe in both.
  if (!BASE64URL_TOKEN.test(token)) throw new TypeError('invalid "token": at least 32 base64url characters (A-Z, a-z, 0-9, "-", "_")');
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const origins = hosts.map((host) => `http://${host}`);
  const cookieName = `totango_lab_${port}`;
  const windowKey = createLaunchToken();
  const isToken = matcher(token);
  const isWindowKey = matcher(windowKey);
  const openTheUrl = `open the URL the terminal printed when the Lab started (http://127.0.0.1:${port}/?token=…)`;
  const refused = (message: string): GuardVerdict => ({ ok: false, status: 401, message });
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
    checkWindow(headers) {
      if (isWindowKey(readCookie(headers.cookie, cookieName))) return { ok: true };
      return refused(`this Lab needs its launch token: open the URL the terminal printed when it started (http://127.0.0.1:${port}/?token=…)`);
    },
    checkCall(headers) {
      const header = headers[TOKEN_HEADER];
      if (isToken(typeof header === 'string' ? header : undefined)) return { ok: true };
      return refused(`the API needs the launch token in the "${TOKEN_HEADER}" header (the window's cookie does not open it): ${openTheUrl}`);
    },
    checkSocket(headers) {
      if (tokenSubprotocols(headers['sec-websocket-protocol']).some(isToken)) return { ok: true };
      return refused(`the event socket needs the launch token as its "${TOKEN_SUBPROTOCOL_PREFIX}<token>" subprotocol (the window's cookie does not open it): ${openTheUrl}`);
    },
    windowCookie: () => `${cookieName}=${windowKey}; HttpOnly; SameSite=Strict; Path=/`,
  };
}

/** A timing-safe comparison with `secret`: equal-length digests, so neither the time nor a length check leaks it. */
function matcher(secret: string): (presented: string | undefined) => boolean {
  const expected = digest(secret);
  return (presented) => presented !== undefined && timingSafeEqual(digest(presented), expected);
}

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
