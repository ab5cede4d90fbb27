/**
 * The small pages the loopback callback server answers the browser with. Each tells the
 * person to go back to the Lab, whether the sign-in worked or not; none holds the code
 * or anything else from the query but the error the server chose to send.
 */

export type CallbackPageKind = 'received' | 'error' | 'no_code' | 'already_received' | 'not_found';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, paragraphs: readonly string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Totango OAuth Lab</title>',
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2933}h1{font-size:1.4rem}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`),
    '</body></html>',
    '',
  ].join('\n');
}

const GO_BACK = 'You can close this tab and go back to Totango OAuth Lab.';

/** The page for a callback; `error` and its description are shown escaped, and cut short. */
export function callbackPage(kind: CallbackPageKind, error?: { error: string; description?: string }): string {
  switch (kind) {
    case 'received':
      return page('Sign-in received', ['The Lab has the answer from Totango and is checking it now.', GO_BACK]);
    case 'error': {
      const code = (error?.error ?? 'unknown').slice(0, 100);
      const description = error?.description === undefined ? [] : [`Totango said: ${error.description.slice(0, 300)}`];
      return page('Sign-in did not complete', [`The authorization server answered with the error "${code}".`, ...description, GO_BACK]);
    }
    case 'no_code':
      return page('Sign-in did not complete', ['The redirect carried neither an authorization code nor an error.', GO_BACK]);
    case 'already_received':
      return page('Already received', ['The Lab already has an answer for this sign-in; this one was ignored.', GO_BACK]);
    case 'not_found':
      return page('Nothing here', ['This address only receives the sign-in redirect for Totango OAuth Lab.']);
  }
}

/** Headers of every page: no caching, no referrer (the URL held a code), nothing loaded from anywhere. */
export const CALLBACK_PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
});
