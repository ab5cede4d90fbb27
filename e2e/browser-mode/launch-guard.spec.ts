/**
 * Browser mode's guard, seen from a browser: only the launch URL opens the Lab; the token
 * it carries lives in the tab's sessionStorage (a reload keeps working, the address bar
 * does not show it); the cookie opens the window's files and nothing else, so that the
 * other local servers the browser hands it to get no way in; no other origin may call
 * the contract.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { EVENTS_SUBPROTOCOL, HTTP_CALL_PATH, HTTP_EVENTS_PATH, TOKEN_HEADER } from '../../shared/contract/http-transport';
import { TOKEN_STORAGE_KEY } from '../../renderer/src/contract/launch-token';
import type { Page } from '@playwright/test';
import { READY, expect, test } from '../support/browser-lab';

const infoCall = { service: 'lab', method: 'info', input: {} };

test('refuses the address without the launch token, saying to open the printed URL', async ({ browser, lab }) => {
  // A fresh context: no cookie from an earlier visit.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(`${lab.origin}/`);
    expect(response?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('this Lab needs its launch token: open the URL the terminal printed when it started');
    await expect(page.locator(READY)).toHaveCount(0);
    expect(await context.cookies()).toEqual([]);
  } finally {
    await context.close();
  }
});

test('refuses a launch URL whose token is not the current one', async ({ browser, lab }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(`${lab.origin}/?token=${'A'.repeat(lab.token.length)}`);
    expect(response?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('this launch token is not the current one');
    expect(await context.cookies()).toEqual([]);
  } finally {
    await context.close();
  }
});

test('keeps working after a reload through the token in sessionStorage, the address bar without it', async ({ page, context, lab }) => {
  await lab.open(page);
  expect(page.url()).toBe(`${lab.origin}/`);
  expect(await storedToken(page)).toBe(lab.token);
  // The cookie holds the window key, not the token: it opens the window's files only.
  const cookies = await context.cookies(lab.origin);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
  expect(cookies[0]!.value).not.toBe(lab.token);

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Diagnostics' }).click();
  await page.reload();
  await expect(page.locator(READY)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Connection: Connected' })).toBeVisible();
  expect(page.url()).toBe(`${lab.origin}/#/diagnostics`);
  expect(page.url()).not.toContain(lab.token);
});

test('a new tab at the address without the token loads the window but says to open the printed URL', async ({ context, page, lab }) => {
  await lab.open(page);
  // Same browser session, so the cookie opens the files; a new tab has its own, empty sessionStorage.
  const other = await context.newPage();
  const response = await other.goto(`${lab.origin}/`);
  expect(response?.status()).toBe(200);
  await expect(other.locator('[data-app-state="error"]')).toBeVisible();
  await expect(other.getByRole('alert')).toContainText(`this window has no launch token: open the URL the terminal printed when the Lab started (${lab.origin}/?token=…)`);
  // The first tab is still connected.
  await expect(page.getByRole('status', { name: 'Connection: Connected' })).toBeVisible();
});

test('refuses a call to the contract from a foreign Origin, even with the launch token', async ({ request, lab }) => {
  const call = (origin: string) => request.post(`${lab.origin}${HTTP_CALL_PATH}`, { headers: { origin, [TOKEN_HEADER]: lab.token }, data: infoCall });

  const foreign = await call('http://evil.example');
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({
    ok: false,
    error: { code: 'forbidden', message: expect.stringContaining('cross-origin request refused: "Origin" must be') },
  });

  // The same call from the Lab's own origin is answered: the Origin alone made the difference.
  const own = await call(lab.origin);
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ ok: true, value: { shell: 'browser', dataDir: lab.dataDir } });
});

test('gives another local server nothing that opens the Lab: the cookie the browser hands it is refused by the API and the socket', async ({ page, request, lab }) => {
  // Cookies ignore ports: a page of any other server on 127.0.0.1 is same-site, and the
  // browser sends it the Lab's cookie. That cookie opens the window's files only.
  const otherServer = await startPageServer('<!doctype html><title>another local page</title>');
  try {
    await lab.open(page);
    await page.goto(otherServer.url);
    const handed = otherServer.cookiesSeen.join('; ');
    expect(handed).toMatch(/totango_lab_\d+=/);
    expect(handed).not.toContain(lab.token);
    // The token lives in the Lab's own origin's sessionStorage, out of the other page's reach.
    expect(await storedToken(page)).toBeNull();

    // Its page cannot call the Lab: a "simple" request (no preflight; the host takes JSON
    // only) and a JSON one (preflighted; the host refuses the foreign Origin).
    const outcomes = await page.evaluate(
      ([url, body]) =>
        Promise.all(
          ['text/plain', 'application/json'].map((type) =>
            fetch(url!, { method: 'POST', credentials: 'include', headers: { 'content-type': type }, body }).then(
              (answer) => `${type}: read ${answer.status}`,
              () => `${type}: withheld`,
            ),
          ),
        ),
      [`${lab.origin}${HTTP_CALL_PATH}`, JSON.stringify(moveCallbackPort)],
    );
    expect(outcomes).toEqual(['text/plain: withheld', 'application/json: withheld']);

    // Nor can the server itself, replaying the cookie without any Origin (curl would).
    const withCookie = await request.post(`${lab.origin}${HTTP_CALL_PATH}`, { headers: { cookie: handed }, data: moveCallbackPort });
    expect(withCookie.status()).toBe(401);
    expect(await withCookie.json()).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining(`the API needs the launch token in the "${TOKEN_HEADER}" header (the window's cookie does not open it)`) },
    });
    expect(await openEventSocket(lab.origin, handed)).toEqual({ refused: 401 });
    // The cookie does open the window's files, which hold no secret: the published build.
    expect((await request.get(`${lab.origin}/`, { headers: { cookie: handed } })).status()).toBe(200);

    // Nothing changed; the same call with the token does change it.
    const asTheLab = (call: object) => request.post(`${lab.origin}${HTTP_CALL_PATH}`, { headers: { origin: lab.origin, [TOKEN_HEADER]: lab.token }, data: call });
    const before = (await (await asTheLab(readPreferences)).json()) as { ok: boolean; value: { callbackPort: number | null } };
    expect(before.ok).toBe(true);
    expect(before.value.callbackPort).not.toBe(moveCallbackPort.input.callbackPort);
    const moved = await asTheLab(moveCallbackPort);
    expect(moved.status()).toBe(200);
    expect(await moved.json()).toMatchObject({ ok: true, value: { callbackPort: moveCallbackPort.input.callbackPort } });
  } finally {
    await otherServer.close();
  }
});

/** What the page's origin keeps in its sessionStorage under the window's key. */
function storedToken(page: Page): Promise<string | null> {
  // The suite is typed without the DOM's library: the page's global is described here.
  return page.evaluate((key) => (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem(key), TOKEN_STORAGE_KEY);
}

/** Opens the Lab's event socket with only this cookie: `open`, or the HTTP status that refused it. */
function openEventSocket(origin: string, cookie: string): Promise<{ opened: true } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}${HTTP_EVENTS_PATH}`, [EVENTS_SUBPROTOCOL], { headers: { cookie } });
    socket.once('open', () => {
      socket.close();
      resolve({ opened: true });
    });
    socket.once('unexpected-response', (_request, response) => {
      response.resume();
      resolve({ refused: response.statusCode ?? 0 });
    });
    socket.once('error', reject);
  });
}

const readPreferences = { service: 'lab', method: 'preferences', input: {} };
const moveCallbackPort = { service: 'lab', method: 'updatePreferences', input: { callbackPort: 54_321 } };

/** Another local web server, serving one page on 127.0.0.1 (a free port). */
async function startPageServer(html: string) {
  const cookiesSeen: string[] = [];
  const server = createServer((request, response) => {
    if (request.headers.cookie !== undefined) cookiesSeen.push(request.headers.cookie);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    cookiesSeen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
