/**
 * Which authorization callback URLs an application may register. https anywhere; plain
 * http only on a loopback host (RFC 8252 §7.3, OAuth 2.1); a private-use scheme for
 * native apps (RFC 8252 §7.1); never a fragment (RFC 6749 §3.1.2).
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
