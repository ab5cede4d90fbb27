/**
 * Which authorization callback URLs an application may register, and which redirect URIs
 * match them. https anywhere; plain http only on a loopback host (RFC 8252 §7.3, OAuth
 * 2.1); a private-use scheme for native apps (RFC 8252 §7.1); never a fragment (RFC 6749
 * §3.1.2). Matching is exact, except the port of a loopback IP literal.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
export const MAX_CALLBACK_URLS = 10;

/** Returns why the URL cannot be registered, or undefined when it can. */
export function callbackUrlProblem(raw: string): string | undefined {
  if (raw.length > 2000) return 'is longer than 2000 characters';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not an absolute URL';
  }
  if (raw.includes('#')) return 'has a fragment, which a redirect URI must not have (RFC 6749 §3.1.2)';
  if (url.username || url.password) return 'carries user credentials';
  if (url.protocol === 'https:') return url.hostname ? undefined : 'has no host';
  if (url.protocol === 'http:') {
    return LOOPBACK_HOSTS.has(url.hostname) ? undefined : 'uses plain http on a host that is not loopback; use https, or http://127.0.0.1 (RFC 8252)';
  }
  if (/^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+:$/.test(url.protocol)) return undefined;
  return `uses the scheme "${url.protocol.slice(0, -1)}"; use https, loopback http, or a reverse-domain private-use scheme (RFC 8252 §7.1)`;
}

/** `http://127.0.0.1` or `http://[::1]`, an optional port, and the rest (path, query) as sent. */
const LOOPBACK_IP_URL = /^http:\/\/(127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?([/?].*)?$/;

/**
 * Whether `requested` is one of the `registered` callback URLs: character for character,
 * except that for a loopback IP literal (`http://127.0.0.1`, `http://[::1]`) any port
 * matches, since a native app's loopback listener gets whatever port is free. `localhost`
 * is not an IP literal (RFC 8252 §8.3) and keeps an exact match.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.1.3
 */
export function matchesCallbackUrl(registered: readonly string[], requested: string): boolean {
  if (registered.includes(requested)) return true;
  const asked = LOOPBACK_IP_URL.exec(requested);
  if (!asked || Number(asked[2] ?? '0') > 65535) return false;
  return registered.some((url) => {
    const known = LOOPBACK_IP_URL.exec(url);
    return known !== null && known[1] === asked[1] && (known[3] ?? '') === (asked[3] ?? '');
  });
}
