/**
 * The window's Content-Security-Policy: its own scripts only, no inline or evaluated
 * script, no plugin, no frame of it elsewhere, no form posted anywhere, and network
 * access to its own origin only. Styles may be inline because Mantine injects `<style>`
 * tags at run time; scripts may not. The Electron window sends it as a response header
 * (`session.webRequest.onHeadersReceived`, and the app protocol's own responses); the
 * browser-mode host sends the same policy with its WebSocket origin added to
 * `connect-src`.
 *
 * @see https://www.w3.org/TR/CSP3/
 * @see https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 */

/** What a caller may add to the policy's sources (nothing may be removed). */
export interface ContentSecurityPolicyAdditions {
  /** Extra `connect-src` sources, such as browser mode's `ws://127.0.0.1:{port}`. */
  readonly connectSrc?: readonly string[];
  /** Extra `script-src` sources: for a development server only (its React refresh preamble is inline). */
  readonly scriptSrc?: readonly string[];
}

const BASE_DIRECTIVES: readonly (readonly [directive: string, sources: readonly string[]])[] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'", 'data:']],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
  ['form-action', ["'none'"]],
];

/** A source a caller adds: a scheme-and-host source or a quoted keyword, nothing that could end the directive. */
const SOURCE_PATTERN = /^(?:'[a-z-]+'|[a-z][a-z0-9+.-]*:(?:\/\/[a-z0-9.*[\]:-]+(?::(?:\d{1,5}|\*))?)?)$/i;

/** The policy, with `additions` appended to their directives. */
export function contentSecurityPolicy(additions: ContentSecurityPolicyAdditions = {}): string {
  const extra: Readonly<Record<string, readonly string[] | undefined>> = { 'connect-src': additions.connectSrc, 'script-src': additions.scriptSrc };
  return BASE_DIRECTIVES.map(([directive, sources]) => {
    const added = extra[directive] ?? [];
    for (const source of added) {
      if (!SOURCE_PATTERN.test(source)) throw new Error(`invalid "${directive}" source: ${JSON.stringify(source)}`);
    }
    return [directive, ...sources, ...added].join(' ');
  }).join('; ');
}

/** The policy of the built window, as the brief states it. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const CSP_HEADER = 'Content-Security-Policy';

/**
 * Response headers (Electron's `Record<string, string[]>` shape) with the policy set, and
 * any policy the response already carried removed, whatever its case: the window's
 * policy is the only one in force.
 */
export function withContentSecurityPolicy(headers: Readonly<Record<string, string | string[]>> | undefined, policy: string = CONTENT_SECURITY_POLICY): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    out[name] = Array.isArray(value) ? [...value] : [value];
  }
  out[CSP_HEADER] = [policy];
  return out;
}
