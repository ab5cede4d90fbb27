/**
 * The mock's rules for authorization callback URLs, checked as the person types (the
 * mock checks them again; see electron/mock/callback-urls.ts, which these words follow).
 * https anywhere; plain http only on a loopback host (RFC 8252 §7.3); a reverse-domain
 * private-use scheme for native apps (RFC 8252 §7.1); never a fragment (RFC 6749 §3.1.2).
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** As many as the mock accepts. */
export const MAX_CALLBACK_URLS = 10;

/** The URL the Lab's loopback server receives the browser at, on a port. */
export function labCallbackUrl(port: number): string {
  return `http://127.0.0.1:${port}/callback`;
}

/** Why the mock would refuse this callback URL, in a sentence, or undefined when it accepts it. */
export function callbackUrlProblem(raw: string): string | undefined {
  if (raw.trim() === '') return 'Enter a callback URL, or remove this line.';
  if (raw.trim() !== raw) return 'Remove the spaces around the URL: the mock matches callback URLs exactly.';
  if (raw.length > 2000) return 'The URL is longer than 2000 characters.';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter an absolute URL, such as https://app.example.com/oauth/callback.';
  }
  if (raw.includes('#')) return 'A callback URL must not have a fragment (#…) (RFC 6749 §3.1.2).';
  if (url.username || url.password) return 'A callback URL must not carry a user name or password.';
  if (url.protocol === 'https:') return url.hostname ? undefined : 'The URL has no host.';
  if (url.protocol === 'http:') {
    return LOOPBACK_HOSTS.has(url.hostname) ? undefined : 'Plain http is allowed only on a loopback host: use https, or http://127.0.0.1 (RFC 8252).';
  }
  if (/^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+:$/.test(url.protocol)) return undefined;
  return `The scheme "${url.protocol.slice(0, -1)}" is not accepted: use https, loopback http, or a reverse-domain scheme such as com.example.app: (RFC 8252 §7.1).`;
}

/** The problem of each line of a list of callback URLs (a duplicate included), by index. */
export function callbackUrlProblems(urls: readonly string[]): (string | undefined)[] {
  return urls.map((url, i) => callbackUrlProblem(url) ?? (urls.indexOf(url) !== i ? 'This callback URL is listed twice.' : undefined));
}
