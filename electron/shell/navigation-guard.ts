/**
 * The window stays on the app's own pages: a navigation elsewhere is refused, a new
 * window is never opened, no `<webview>` attaches, and an http(s) link the user follows
 * goes to the system browser instead. No other scheme is ever handed to the system
 * (`file:`, `javascript:`, custom URL handlers): `shell.openExternal` with an arbitrary
 * URL is a classic Electron escalation.
 *
 * @see https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
 * @see https://www.electronjs.org/docs/latest/tutorial/security#14-disable-or-limit-creation-of-new-windows
 */
import type { WebContents } from 'electron';

/** The URL, normalized, when it is http(s) and may go to the system browser; otherwise undefined. */
export function externalLinkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed.href;
}

export interface NavigationGuardOptions {
  /** The app's own pages: the only ones the window may show. */
  readonly isAppUrl: (url: string) => boolean;
  /** The system browser (`shell.openExternal`). */
  readonly openExternal: (url: string) => Promise<void>;
  /** Told of every refusal, for the log. */
  readonly onRefused?: (what: 'navigation' | 'redirect' | 'window' | 'webview', url: string) => void;
  /** Told when the system browser could not be opened. */
  readonly onOpenFailed?: (url: string, cause: unknown) => void;
}

/** What `guardNavigation` listens to on a window's contents. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Hands an http(s) URL to the system browser; anything else is dropped. */
function openOutside(url: string, options: NavigationGuardOptions): void {
  const target = externalLinkTarget(url);
  if (target === undefined) return;
  options.openExternal(target).catch((error: unknown) => options.onOpenFailed?.(target, error));
}

export function guardNavigation(contents: GuardedContents, options: NavigationGuardOptions): void {
  contents.on('will-navigate', (event, url) => {
    if (options.isAppUrl(url)) return;
    event.preventDefault();
    options.onRefused?.('navigation', url);
    openOutside(url, options);
  });
  contents.on('will-redirect', (event, url) => {
    if (options.isAppUrl(url)) return;
    event.preventDefault();
    options.onRefused?.('redirect', url);
  });
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    options.onRefused?.('webview', params.src ?? '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    options.onRefused?.('window', url);
    openOutside(url, options);
    return { action: 'deny' };
  });
}
