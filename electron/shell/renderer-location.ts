/**
 * Where the window's page comes from: the built renderer over the app protocol, or, in
 * development, a renderer dev server named by `LAB_RENDERER_URL`. A dev server must be on
 * loopback (the window never loads remote content), and it gets a policy loosened only by
 * what a dev server needs (its inline refresh preamble and its WebSocket).
 */
import { APP_ENTRY_URL, APP_ORIGIN, isAppProtocolUrl } from './app-protocol';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './content-security-policy';

export const RENDERER_URL_VARIABLE = 'LAB_RENDERER_URL';

export interface RendererLocation {
  /** What the window loads first. */
  readonly entryUrl: string;
  /** The origin of the app's pages. */
  readonly origin: string;
  readonly kind: 'built' | 'dev-server';
  /** The policy the window's responses carry. */
  readonly contentSecurityPolicy: string;
  /** Whether a URL is one of the app's own pages (what the window may navigate to, and what a trusted IPC sender shows). */
  isAppUrl(url: string): boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The built renderer, over the app protocol. */
export const BUILT_RENDERER: RendererLocation = Object.freeze({
  entryUrl: APP_ENTRY_URL,
  origin: APP_ORIGIN,
  kind: 'built',
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  isAppUrl: isAppProtocolUrl,
});

function sameOriginAs(origin: string): (url: string) => boolean {
  return (url) => {
    try {
      const parsed = new URL(url);
      return parsed.origin === origin && parsed.username === '' && parsed.password === '';
    } catch {
      return false;
    }
  };
}

/** The location of the window's page: `LAB_RENDERER_URL` when set (loopback http only), else the built renderer. */
export function resolveRendererLocation(env: NodeJS.ProcessEnv = process.env): RendererLocation {
  const raw = env[RENDERER_URL_VARIABLE];
  if (raw === undefined || raw === '') return BUILT_RENDERER;
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new Error(`invalid "${RENDERER_URL_VARIABLE}": not a URL`, { cause: error });
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`invalid "${RENDERER_URL_VARIABLE}": the window loads only a loopback http:// dev server (127.0.0.1, localhost or [::1]), not ${url.protocol}//${url.host}`);
  }
  return Object.freeze({
    entryUrl: url.href,
    origin: url.origin,
    kind: 'dev-server',
    contentSecurityPolicy: contentSecurityPolicy({ scriptSrc: ["'unsafe-inline'"], connectSrc: [`ws://${url.host}`] }),
    isAppUrl: sameOriginAs(url.origin),
  });
}
