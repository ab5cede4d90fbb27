/**
 * A browser for tests, as an injected opener: it opens the authorization URL, signs in
 * on the mock's page as a mock user, approves or denies on the consent page, and
 * follows the redirect to the loopback callback server, all over real HTTP with the
 * mock's session cookie. A `tamper` hook changes the callback URL first, to forge one.
 */
import type { BrowserOpener } from '../flows/authorization-code-flow';

export interface MockBrowserOptions {
  readonly decision?: 'approve' | 'deny';
  readonly userId?: string;
  /** Rewrites the redirect before the browser follows it (a forged or replayed callback). */
  readonly tamper?: (callback: URL) => URL | Promise<URL>;
  /** Runs before anything else, with the authorization URL (to register an ephemeral callback URL, say). */
  readonly beforeOpen?: (url: URL) => Promise<void>;
  /** Records what the browser saw: the callback URL and the page the loopback server answered. */
  readonly seen?: { callback?: URL; callbackStatus?: number; callbackPage?: string };
}

function hiddenInput(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  return tag === undefined ? undefined : /\bvalue="([^"]*)"/.exec(tag)?.[1];
}

/** An opener that plays the person at the browser. */
export function mockBrowser(options: MockBrowserOptions = {}): BrowserOpener {
  return async (authorizationUrl) => {
    const url = new URL(authorizationUrl);
    await options.beforeOpen?.(url);
    const signIn = await fetch(url, { redirect: 'manual' });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
    const html = await signIn.text();
    const interaction = hiddenInput(html, 'interaction');
    let callback: URL;
    if (signIn.status === 303) {
      callback = new URL(signIn.headers.get('location') ?? '');
    } else {
      if (signIn.status !== 200 || interaction === undefined || cookie === undefined) throw new Error(`no sign-in page: HTTP ${signIn.status}`);
      const post = (path: string, form: Record<string, string>) =>
        fetch(`${url.origin}${path}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          body: new URLSearchParams(form).toString(),
        });
      const consent = await post('/oauth/authorize/login', { interaction, user_id: options.userId ?? 'u-1001' });
      if (consent.status !== 200) throw new Error(`no consent page: HTTP ${consent.status}`);
      await consent.text();
      const decided = await post('/oauth/authorize/consent', { interaction, decision: options.decision ?? 'approve' });
      const location = decided.headers.get('location');
      if (decided.status !== 303 || location === null) throw new Error(`no redirect after consent: HTTP ${decided.status}`);
      callback = new URL(location);
    }
    const delivered = options.tamper ? await options.tamper(callback) : callback;
    const page = await fetch(delivered, { redirect: 'manual' });
    if (options.seen) {
      options.seen.callback = delivered;
      options.seen.callbackStatus = page.status;
      options.seen.callbackPage = await page.text();
    } else {
      await page.body?.cancel();
    }
  };
}
