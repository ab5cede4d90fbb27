/**
 * Browser mode's guard, seen from a browser: only the launch URL opens the Lab, the cookie
 * it sets keeps the window working without the token in the address bar, and no other
 * origin may call the contract.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP_CALL_PATH, TOKEN_HEADER } from '../../shared/contract/http-transport';
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

test('keeps working after a reload with the cookie alone, the token gone from the address bar', async ({ page, context, lab }) => {
  await lab.open(page);
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  expect(page.url()).not.toContain(lab.token);
  const cookies = await context.cookies(lab.origin);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', value: lab.token });

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Diagnostics' }).click();
  await page.reload();
  await expect(page.locator(READY)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Connection: Connected' })).toBeVisible();
  expect(page.url()).toBe(`${lab.origin}/#/diagnostics`);
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

test('refuses a page served by another local server, although the browser sends it the cookie', async ({ page, request, lab }) => {
  // Cookies ignore ports: a page of any other server on 127.0.0.1 is same-site, and the
  // browser sends the Lab's cookie along with its calls. It tries a "simple" request (no
  // preflight; the host takes JSON only) and a JSON one (preflighted; the host refuses the
  // foreign Origin), each of which would change a preference.
  const otherServer = await startPageServer('<!doctype html><title>another local page</title>');
  try {
    await lab.open(page);
    await page.goto(otherServer.url);
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
    // The browser did hand the Lab's cookie to the other server's page.
    expect(otherServer.cookiesSeen.join('; ')).toContain(lab.token);

    // Nothing changed; the same call from the Lab's own origin does change it.
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
