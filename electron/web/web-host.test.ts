import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createFakeLab, createWindowFolder, FAKE_LAB_INFO, INDEX_HTML, rawRequest, type WindowFolder } from './testing/web-fixtures';
import { startWebHost, type WebHost } from './web-host';

let folder: WindowFolder;
let host: WebHost;
let lab: ReturnType<typeof createFakeLab>;
/** The window cookie, as the launch page sets it: `totango_lab_PORT=<window key>`. */
let cookie: string;

beforeAll(async () => {
  folder = await createWindowFolder();
  lab = createFakeLab();
  host = await startWebHost({ dispatcher: lab.dispatcher, events: lab.events, staticDir: folder.staticDir, port: 0, host: '127.0.0.1', maxCallBytes: 64 * 1024 });
  const launch = await rawRequest(host.port, { path: `/?token=${host.token}` });
  cookie = launch.headers['set-cookie']![0]!.split(';', 1)[0]!;
});

afterAll(async () => {
  await host.close();
  await folder.remove();
});

/** A JSON call with exactly these headers. */
const post = (body: unknown, headers: Record<string, string>) =>
  rawRequest(host.port, { method: 'POST', path: '/api/call', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
/** A call as the window makes it: the launch token in its header, no cookie. */
const call = (body: unknown, headers: Record<string, string> = {}) => post(body, { 'x-lab-token': host.token, ...headers });
const infoCall = { service: 'lab', method: 'info', input: {} };
const apiRefusal = { ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^the API needs the launch token in the "x-lab-token" header \(the window's cookie does not open it\): open the URL the terminal printed/) } };

describe('the launch token', () => {
  it('is 32 random bytes in base64url, in the printed URL on 127.0.0.1', () => {
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
  });

  it('takes a fixed token only when it is 32 base64url characters or more, and then frees the port', async () => {
    const port = await freePort();
    for (const token of ['short', `${'A'.repeat(40)}"><script>`]) {
      const start = startWebHost({ dispatcher: lab.dispatcher, events: lab.events, staticDir: folder.staticDir, port, token });
      await expect(start).rejects.toThrow(new TypeError('invalid "token": at least 32 base64url characters (A-Z, a-z, 0-9, "-", "_")'));
    }
    // The refused starts let the port go: a good token starts on it.
    const fixed = await startWebHost({ dispatcher: lab.dispatcher, events: lab.events, staticDir: folder.staticDir, port, token: host.token });
    expect(fixed.token).toBe(host.token);
    await fixed.close();
  });

  it('refuses the window and the API without a credential with 401, saying to open the printed URL', async () => {
    const before = lab.calls.length;
    const page = await rawRequest(host.port, { path: '/' });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(page.body).toBe(`this Lab needs its launch token: open the URL the terminal printed when it started (http://127.0.0.1:${host.port}/?token=…)\n`);
    const api = await post(infoCall, {});
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toEqual(apiRefusal);
    expect(lab.calls.length).toBe(before);
  });

  it('refuses the window with a wrong cookie, a cookie of another port, the token in the cookie or in a header', async () => {
    const wrong = 'A'.repeat(43);
    const windowKey = cookie.split('=')[1]!;
    const presented: Record<string, string>[] = [
      { cookie: `totango_lab_${host.port}=${wrong}` },
      { cookie: `totango_lab_1=${windowKey}` },
      { cookie: `totango_lab_${host.port}=${host.token}` },
      { 'x-lab-token': host.token },
    ];
    for (const headers of presented) {
      const answer = await rawRequest(host.port, { path: '/assets/app.js', headers });
      expect({ headers, status: answer.status }).toEqual({ headers, status: 401 });
    }
  });

  it('refuses a launch URL whose token is not the current one with 401, and sets no cookie', async () => {
    const launch = await rawRequest(host.port, { path: `/?token=${'A'.repeat(43)}` });
    expect(launch.status).toBe(401);
    expect(launch.headers['set-cookie']).toBeUndefined();
    expect(launch.body).toContain('this launch token is not the current one');
  });

  it('answers the launch URL with a window cookie of its own random value, and sends the token on in the fragment', async () => {
    const launch = await rawRequest(host.port, { path: `/?token=${host.token}` });
    expect(launch.status).toBe(200);
    expect(launch.headers['cache-control']).toBe('no-store');
    const [setCookie] = launch.headers['set-cookie']!;
    expect(setCookie).toMatch(new RegExp(`^totango_lab_${host.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(setCookie).not.toContain(host.token);
    // The same window key for the whole start: a second launch keeps the first tab's cookie valid.
    expect(setCookie!.split(';', 1)[0]).toBe(cookie);
    expect(launch.body).toContain(`<meta http-equiv="refresh" content="0; url=/#lab-token=${host.token}">`);
    const page = await rawRequest(host.port, { path: '/', headers: { cookie: `theme=dark; ${cookie}` } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
  });

  it('does not open the API with the window cookie alone: every server on 127.0.0.1 receives that cookie', async () => {
    const before = lab.calls.length;
    const answer = await post(infoCall, { cookie, origin: host.origin });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual(apiRefusal);
    const wrongToken = await post(infoCall, { cookie, 'x-lab-token': 'A'.repeat(43) });
    expect([wrongToken.status, JSON.parse(wrongToken.body)]).toEqual([401, apiRefusal]);
    expect(lab.calls.length).toBe(before);
  });

  it('opens the API with the token in the X-Lab-Token header, without any cookie', async () => {
    const answer = await call(infoCall);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: FAKE_LAB_INFO });
  });
});

describe('Host and Origin', () => {
  it('refuses a Host other than 127.0.0.1:PORT or localhost:PORT with 421 (DNS rebinding), credentials or not', async () => {
    for (const hostHeader of [`evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`, `[::1]:${host.port}`]) {
      const answer = await rawRequest(host.port, { path: '/', headers: { host: hostHeader, cookie } });
      expect(answer.status).toBe(421);
      expect(answer.body).toContain(`this Lab answers only to "Host: 127.0.0.1:${host.port}" or "Host: localhost:${host.port}"`);
      expect((await call(infoCall, { host: hostHeader })).status).toBe(421);
    }
    // Node itself refuses an HTTP/1.1 request without Host.
    expect((await rawRequest(host.port, { path: '/', omitHost: true, headers: { cookie } })).status).toBe(400);
    expect((await rawRequest(host.port, { path: '/', headers: { host: `localhost:${host.port}`, cookie } })).status).toBe(200);
  });

  it('refuses a call from another origin with 403, even with the token, before any handler runs', async () => {
    const before = lab.calls.length;
    for (const origin of ['http://evil.example', `http://evil.example:${host.port}`, `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 1}`, 'null']) {
      const answer = await call(infoCall, { origin, cookie });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'forbidden', message: `cross-origin request refused: "Origin" must be http://127.0.0.1:${host.port} or http://localhost:${host.port}` } });
    }
    expect(lab.calls.length).toBe(before);
    expect((await call(infoCall, { origin: `http://localhost:${host.port}` })).status).toBe(200);
  });
});

describe('the window files', () => {
  const get = (path: string) => rawRequest(host.port, { path, headers: { cookie } });

  it('serves each file with its content type', async () => {
    expect((await get('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/index.html')).headers['content-type']).toBe('text/html; charset=utf-8');
    const head = await rawRequest(host.port, { method: 'HEAD', path: '/assets/app.js', headers: { cookie } });
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '19']);
  });

  it('answers 404 to a path out of the folder, a dotfile, a directory or a link out', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%5c..%5csecret.txt', '/..%00/secret.txt', '/.env', '/assets', '/assets/', '/assets/link.txt', '/%E0%A4%A', '/nope.js']) {
      const answer = await get(path);
      expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status: 404, body: 'not found\n' });
    }
  });

  it('reads the window with GET only', async () => {
    const answer = await rawRequest(host.port, { method: 'PUT', path: '/index.html', headers: { cookie } });
    expect([answer.status, answer.headers.allow]).toEqual([405, 'GET, HEAD']);
  });
});

describe('the API', () => {
  it('answers a contract failure as data with status 200', async () => {
    const answer = await call({ service: 'applications', method: 'get', input: { clientId: 'c-404' } });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'not_found', message: 'no application "c-404"', field: 'clientId' } });
    expect(lab.calls.at(-1)).toMatchObject({ name: 'applications.get', context: { transport: 'http' } });
  });

  it('refuses a body that is not JSON with 415 or 400', async () => {
    const text = await rawRequest(host.port, { method: 'POST', path: '/api/call', headers: { 'x-lab-token': host.token, 'content-type': 'text/plain' }, body: '{}' });
    expect([text.status, JSON.parse(text.body).error]).toEqual([415, { code: 'invalid_input', message: 'a call is a JSON body: "content-type" must be application/json' }]);
    const broken = await rawRequest(host.port, { method: 'POST', path: '/api/call', headers: { 'x-lab-token': host.token, 'content-type': 'application/json; charset=utf-8' }, body: '{"service":' });
    expect([broken.status, JSON.parse(broken.body).error]).toEqual([400, { code: 'invalid_input', message: 'the body is not valid JSON' }]);
    const polluted = await rawRequest(host.port, { method: 'POST', path: '/api/call', headers: { 'x-lab-token': host.token, 'content-type': 'application/json' }, body: '{"__proto__":{"x":1}}' });
    expect(polluted.status).toBe(400);
  });

  it('refuses a call over the size limit with 413, declared or streamed', async () => {
    const big = { service: 'recorder', method: 'importBundle', input: { content: 'x'.repeat(70 * 1024) } };
    const declared = await call(big);
    expect([declared.status, JSON.parse(declared.body).error]).toEqual([413, { code: 'invalid_input', message: 'the call is larger than 0.0625 MiB' }]);
    const streamed = await rawRequest(host.port, { method: 'POST', path: '/api/call', headers: { 'x-lab-token': host.token, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: JSON.stringify(big) });
    expect(streamed.status).toBe(413);
    const fits = await call({ service: 'recorder', method: 'importBundle', input: { content: 'x'.repeat(60 * 1024) } });
    expect(JSON.parse(fits.body)).toEqual({ ok: true, value: { clientId: `bundle-of-${60 * 1024}`, region: 'us', notes: [] } });
  });

  it('takes POST only on /api/call and knows no other endpoint', async () => {
    const get = await rawRequest(host.port, { path: '/api/call', headers: { 'x-lab-token': host.token } });
    expect([get.status, get.headers.allow]).toEqual([405, 'POST']);
    const other = await rawRequest(host.port, { path: '/api/other', headers: { 'x-lab-token': host.token } });
    expect([other.status, JSON.parse(other.body).error.code]).toEqual([404, 'unknown_method']);
  });
});

describe('security headers', () => {
  it("are on every answer: the CSP with this host's sockets, nosniff, no referrer, no framing, no-store on the API", async () => {
    const answers = [await rawRequest(host.port, { path: '/' }), await rawRequest(host.port, { path: '/', headers: { cookie } }), await call(infoCall)];
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${host.port} ws://localhost:${host.port}`);
      expect(answer.headers['content-security-policy']).toContain("script-src 'self';");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['x-frame-options']).toBe('DENY');
    }
    expect(answers[2]!.headers['cache-control']).toBe('no-store');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Refused {
  readonly status: number;
  readonly body: string;
}

function openSocket(options: { headers?: Record<string, string>; protocols?: string[]; path?: string }): Promise<WebSocket | Refused> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}${options.path ?? '/api/events'}`, options.protocols ?? [], { headers: options.headers ?? {} });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    socket.once('error', reject);
  });
}

describe('the event socket', () => {
  const withToken = () => ['lab-events.v1', `lab-token.${host.token}`];

  it('pushes every event in order to a socket opened with the token subprotocol, and selects the events subprotocol', async () => {
    const socket = (await openSocket({ headers: { origin: host.origin }, protocols: withToken() })) as WebSocket;
    expect(socket.protocol).toBe('lab-events.v1');
    const received: unknown[] = [];
    const five = new Promise<void>((resolve) => socket.on('message', (data: Buffer) => received.push(JSON.parse(data.toString('utf8'))) === 5 && resolve()));
    await call({ service: 'flows', method: 'cancel', input: {} });
    await five;
    expect(received.map((event) => (event as { payload: { flowId: string } }).payload.flowId)).toEqual(['flow-1', 'flow-2', 'flow-3', 'flow-4', 'flow-5']);
    expect(received[0]).toEqual({ name: 'flows.openUrl', payload: { flowId: 'flow-1', url: 'http://127.0.0.1:4781/oauth/authorize?n=1' } });
    socket.close();
  });

  it('refuses an upgrade with the window cookie alone, or with the token in a header instead of a subprotocol (401)', async () => {
    const refusal = { status: 401, body: expect.stringMatching(/^the event socket needs the launch token as its "lab-token.<token>" subprotocol \(the window's cookie does not open it\): open the URL the terminal printed/) };
    expect(await openSocket({ headers: { cookie, origin: host.origin }, protocols: ['lab-events.v1'] })).toEqual(refusal);
    expect(await openSocket({ headers: { cookie, origin: host.origin, 'x-lab-token': host.token }, protocols: ['lab-events.v1'] })).toEqual(refusal);
    expect(await openSocket({ headers: { cookie }, protocols: ['lab-events.v1', 'lab-token.wrong'] })).toEqual(refusal);
  });

  it('refuses an upgrade from another origin (403), to another Host (421) or path (404), token or not', async () => {
    expect(await openSocket({ headers: { origin: 'http://evil.example' }, protocols: withToken() })).toEqual({ status: 403, body: expect.stringContaining('cross-origin request refused') });
    expect(await openSocket({ headers: { host: `evil.example:${host.port}` }, protocols: withToken() })).toEqual({ status: 421, body: expect.stringContaining('misdirected request') });
    expect(await openSocket({ protocols: withToken(), path: '/api/other' })).toEqual({ status: 404, body: 'not found\n' });
  });

  it('closes a socket that talks back', async () => {
    const socket = (await openSocket({ protocols: withToken() })) as WebSocket;
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('hello');
    expect(await closed).toBe(1003);
  });
});
