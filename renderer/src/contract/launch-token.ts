/**
 * Browser mode's launch token, as the window keeps it. The host's launch page sends the
 * window to `/#lab-token=<token>` (a fragment reaches no server and no log); at start the
 * window takes the token from there, keeps it in `sessionStorage` and removes it from the
 * address bar. `sessionStorage` belongs to this exact origin (scheme, host and port), so
 * no page of another local server can read it, unlike a cookie; and it lasts as long as
 * the tab, reloads included.
 *
 * @see https://html.spec.whatwg.org/multipage/webstorage.html#the-sessionstorage-attribute
 * @see ../../../docs/browser-mode.md
 */
import { LAUNCH_TOKEN_FRAGMENT } from '../../../shared/contract/http-transport';

export const TOKEN_STORAGE_KEY = 'totango-lab.launch-token';

/** What the host generates: 32 random bytes in base64url (a fixed test token may be longer). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,}$/;

/** What the window reads and changes to take its token: the page's own, or a test's. */
export interface TokenPage {
  readonly location: { readonly origin: string; readonly pathname: string; readonly search: string; readonly hash: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string | null): void };
  readonly sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/** Why a window without a token cannot reach the Lab, and what to do. */
export function missingTokenMessage(origin: string): string {
  return `this window has no launch token: open the URL the terminal printed when the Lab started (${origin}/?token=…)`;
}

/**
 * The token from the address's fragment (then stored, and the fragment removed), else the
 * one stored by an earlier load of this tab, else undefined. A fragment's token wins over
 * a stored one: after a restart the person opens the new URL in the same tab.
 */
export function takeLaunchToken(page: TokenPage): string | undefined {
  const presented = new URLSearchParams(page.location.hash.slice(1)).get(LAUNCH_TOKEN_FRAGMENT);
  if (presented !== null) {
    page.history.replaceState(null, '', `${page.location.pathname}${page.location.search}`);
    if (TOKEN_SHAPE.test(presented)) {
      // Storage may be refused (a privacy setting): the token then lasts until a reload.
      attempt(() => page.sessionStorage.setItem(TOKEN_STORAGE_KEY, presented));
      return presented;
    }
  }
  const stored = attempt(() => page.sessionStorage.getItem(TOKEN_STORAGE_KEY));
  return typeof stored === 'string' && TOKEN_SHAPE.test(stored) ? stored : undefined;
}

function attempt<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}
