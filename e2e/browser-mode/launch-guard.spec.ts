/**
 * Browser mode's guard, seen from a browser: only the launch URL opens the Lab, the cookie
 * it sets keeps the window working without the token in the address bar, and no other
 * origin may call the contract.
 */
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

test("refuses a page on another local port that calls the contract with the Lab's cookie", async ({ page, lab }) => {
  await lab.open(page);
  // Cookies ignore ports, so a page served by any other local server is same-site and
  // the browser sends the Lab's cookie along: the host's Origin check is what stops it.
  const otherSite = 'http://127.0.0.1:9/';
  await page.route(otherSite, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>another local page</title>' }));
  await page.goto(otherSite);
  const refused = page.waitForResponse((response) => response.url() === `${lab.origin}${HTTP_CALL_PATH}` && response.request().method() === 'POST');
  // A "simple" request (no preflight), as a hostile page would send it.
  await page.evaluate(
    ([url, body]) => fetch(url!, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body }).then(() => undefined),
    [`${lab.origin}${HTTP_CALL_PATH}`, JSON.stringify(infoCall)],
  );
  const response = await refused;
  expect(response.status()).toBe(403);
  expect(await response.request().headerValue('origin')).toBe('http://127.0.0.1:9');
  expect(await response.request().headerValue('cookie')).toContain(lab.token);
});
