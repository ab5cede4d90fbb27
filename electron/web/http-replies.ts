/**
 * The browser-mode host's answers: the security headers every response carries, and the
 * few ways it answers (JSON, plain text, a refusal). A refusal on the API is a contract
 * result too (`{ ok: false, error }`), so the window's client shows its message as it
 * shows any other error.
 *
 * @see https://www.w3.org/TR/CSP3/
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.5.20 (421 Misdirected Request)
 */
import type { ServerResponse } from 'node:http';
import { LAUNCH_TOKEN_FRAGMENT } from '../../shared/contract/http-transport';
import type { ContractErrorCode, WireResult } from '../../shared/contract/wire';
import { contentSecurityPolicy } from '../shell/content-security-policy';

/** The headers of every response: the window's CSP (with this host's socket origins), no sniffing, no referrer, no framing. */
export function securityHeaders(port: number): Readonly<Record<string, string>> {
  return Object.freeze({
    'content-security-policy': contentSecurityPolicy({ connectSrc: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
}

export function sendJson(response: ServerResponse, status: number, body: WireResult, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...extraHeaders });
  response.end(text);
}

export function sendText(response: ServerResponse, status: number, text: string, extraHeaders: Record<string, string> = {}): void {
  const body = `${text}\n`;
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', ...extraHeaders });
  response.end(body);
}

/** A transport-level refusal: JSON in the contract's error shape on the API, plain text elsewhere. */
export function sendRefusal(response: ServerResponse, api: boolean, status: number, code: ContractErrorCode, message: string, extraHeaders: Record<string, string> = {}): void {
  if (api) sendJson(response, status, { ok: false, error: { code, message } }, extraHeaders);
  else sendText(response, status, message, extraHeaders);
}

/**
 * The answer to the launch URL: sets the window cookie, then moves to `/#lab-token=<token>`
 * from this page. The fragment never reaches a server, a log or a `Referer`; the window
 * reads it, keeps the token in `sessionStorage` and removes it from the address.
 * Not a 3xx: a browser withholds a SameSite=Strict cookie from every leg of a redirect
 * chain that a cross-site page started (the launch URL may be opened from a `file:` page
 * or another application), but sends it on a navigation this page starts. A zero-delay
 * refresh also replaces the history entry. No script: the window's policy allows none inline.
 *
 * @see https://html.spec.whatwg.org/multipage/semantics.html#attr-meta-http-equiv-refresh
 */
export function sendLaunchPage(response: ServerResponse, cookie: string, token: string): void {
  // `token` is base64url (checked by the guard): nothing in it needs escaping in HTML.
  const target = `/#${LAUNCH_TOKEN_FRAGMENT}=${token}`;
  const body = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${target}"><title>Totango OAuth Lab</title></head>`,
    `<body><p>Opening the Lab… <a href="${target}">continue</a></p></body></html>`,
    '',
  ].join('\n');
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', 'set-cookie': cookie });
  response.end(body);
}
