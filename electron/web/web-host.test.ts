import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createFakeLab, createWindowFolder, FAKE_LAB_INFO, INDEX_HTML, rawRequest, type WindowFolder } from './testing/web-fixtures';
import { startWebHost, type WebHost } from './web-host';

let folder: WindowFolder;
let host: WebHost;
let lab: ReturnType<typeof createFakeLab>;
let cookie: string;

beforeAll(async () => {
  folder = await createWindowFolder();
  lab = createFakeLab();
  host = await startWebHost({ dispatcher: lab.dispatcher, events: lab.events, staticDir: folder.staticDir, port: 0, host: '127.0.0.1', maxCallBytes: 64 * 1024 });
  cookie = `totango_lab_${host.port}=${host.token}`;
});

afterAll(async () => {
  await host.close();
  await folder.remove();
});

const call = (body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(host.port, { method: 'POST', path: '/api/call', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify(body) });

describe('the launch token', () => {
  it('is 32 random bytes in base64url, in the printed URL on 127.0.0.1', () => {
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
  });

  it('refuses a request without the token with 401 and says to open the printed URL', async () => {
    const page = await rawRequest(host.port, { path: '/' });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(page.body).toContain('open the URL the terminal printed');
    const api = await call({ service: 'lab', method: 'info', input: {} }, { cookie: '' });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('open the URL the terminal printed') } });
    expect(lab.calls).toEqual([]);
  });

  it('refuses a wrong token in the cookie, the header or the launch URL with 401', async () => {
    const wrong = 'A'.repeat(43);
    const presented: Record<string, string>[] = [{ cookie: `totango_lab_${host.port}=${wrong}` }, { 'x-lab-token': wrong }, { cookie: `totango_lab_1=${host.token}` }];
    for (const headers of presented) {
      const answer = await rawRequest(host.port, { path: '/assets/app.js', headers });
      expect(answer.status).toBe(401);
    }
    const launch = await rawRequest(host.port, { path: `/?token=${wrong}` });
    expect(launch.status).toBe(401);
    expect(launch.headers['set-cookie']).toBeUndefined();
    expect(launch.body).toContain('this launch token is not the current one');
  });

  it('turns the launch URL into an HttpOnly, SameSite=Strict cookie and moves to / without the token', async () => {
    const launch = await rawRequest(host.port, { path: `/?token=${host.token}` });
    expect(launch.status).toBe(200);
    expect(launch.headers['set-cookie']).toEqual([`totango_lab_${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`]);
    expect(launch.body).toContain('<meta http-equiv="refresh" content="0; url=/">');
    expect(launch.body).not.toContain(host.token);
    const page = await rawRequest(host.port, { path: '/', headers: { cookie: `theme=dark; ${cookie}` } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
  });

  it('accepts the token in the X-Lab-Token header', async () => {
    const answer = await call({ service: 'lab', method: 'info', input: {} }, { cookie: '', 'x-lab-token': host.token });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: FAKE_LAB_INFO });
  });
});

describe('Host and Origin', () => {
  it('refuses a Host other than 127.0.0.1:PORT or localhost:PORT with 421 (DNS rebinding), token or not', async () => {
    for (const hostHeader of [`evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`, `[::1]:${host.port}`]) {
      const answer = await rawRequest(host.port, { path: '/', headers: { host: hostHeader, cookie } });
      expect(answer.status).toBe(421);
      expect(answer.body).toContain(`this Lab answers only to "Host: 127.0.0.1:${host.port}" or "Host: localhost:${host.port}"`);
    }
    // Node itself refuses an HTTP/1.1 request without Host.
    expect((await rawRequest(host.port, { path: '/', omitHost: true, headers: { cookie } })).status).toBe(400);
    expect((await rawRequest(host.port, { path: '/', headers: { host: `localhost:${host.port}`, cookie } })).status).toBe(200);
  });

  it('refuses a call from another origin with 403, even with the cookie, before any handler runs', async () => {
    const before = lab.calls.length;
    for (const origin of ['http://evil.example', `http://evil.example:${host.port}`, `https://127.0.0.1:${host.port}`, 'null']) {
      const answer = await call({ service: 'lab', method: 'info', input: {} }, { origin });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'forbidden', message: `cross-origin request refused: "Origin" must be http://127.0.0.1:${host.port} or http://localhost:${host.port}` } });
    }
    expect(lab.calls.length).toBe(before);
    expect((await call({ service: 'lab', method: 'info', input: {} }, { origin: `http://localhost:${host.port}` })).status).toBe(200);
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
    const text = await rawRequest(host.port, { method: 'POST', path: '/api/call', headers: { cookie, 'content-type': 'text/plain' }, body: '{}' });
    expect([text.status, JSON.parse(text.body).error]).toEqual([415, { code: 'invalid_input', message: 'a call is a JSON body: "content-type" must be application/json' }]);
    const broken = await rawRequest(host.port, { method: 'POST', path: '/api/call', headers: { cookie, 'content-type': 'application/json; charset=utf-8' }, body: '{"service":' });
    expect([broken.status, JSON.parse(broken.body).error]).toEqual([400, { code: 'invalid_input', message: 'the body is not valid JSON' }]);
    const polluted = await rawRequest(host.port, { method: 'POST', path: '/api/call', headers: { cookie, 'content-type': 'application/json' }, body: '{"__proto__":{"x":1}}' });
    expect(polluted.status).toBe(400);
  });

  it('refuses a call over the size limit with 413, declared or streamed', async () => {
    const big = { service: 'recorder', method: 'importBundle', input: { content: 'x'.repeat(70 * 1024) } };
    const declared = await call(big);
    expect([declared.status, JSON.parse(declared.body).error]).toEqual([413, { code: 'invalid_input', message: 'the call is larger than 0.0625 MiB' }]);
    const streamed = await rawRequest(host.port, { method: 'POST', path: '/api/call', headers: { cookie, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: JSON.stringify(big) });
    expect(streamed.status).toBe(413);
    const fits = await call({ service: 'recorder', method: 'importBundle', input: { content: 'x'.repeat(60 * 1024) } });
    expect(JSON.parse(fits.body)).toEqual({ ok: true, value: { clientId: `bundle-of-${60 * 1024}`, region: 'us', notes: [] } });
  });

  it('takes POST only on /api/call and knows no other endpoint', async () => {
    const get = await rawRequest(host.port, { path: '/api/call', headers: { cookie } });
    expect([get.status, get.headers.allow]).toEqual([405, 'POST']);
    const other = await rawRequest(host.port, { path: '/api/other', headers: { cookie } });
    expect([other.status, JSON.parse(other.body).error.code]).toEqual([404, 'unknown_method']);
  });
});

describe('security headers', () => {
  it("are on every answer: the CSP with this host's sockets, nosniff, no referrer, no framing, no-store on the API", async () => {
    const answers = [await rawRequest(host.port, { path: '/' }), await rawRequest(host.port, { path: '/', headers: { cookie } }), await call({ service: 'lab', method: 'info', input: {} })];
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
  it('pushes every event in order to a socket with the cookie', async () => {
    const socket = (await openSocket({ headers: { cookie, origin: host.origin } })) as WebSocket;
    const received: unknown[] = [];
    const five = new Promise<void>((resolve) => socket.on('message', (data: Buffer) => received.push(JSON.parse(data.toString('utf8'))) === 5 && resolve()));
    await call({ service: 'flows', method: 'cancel', input: {} });
    await five;
    expect(received.map((event) => (event as { payload: { flowId: string } }).payload.flowId)).toEqual(['flow-1', 'flow-2', 'flow-3', 'flow-4', 'flow-5']);
    expect(received[0]).toEqual({ name: 'flows.openUrl', payload: { flowId: 'flow-1', url: 'http://127.0.0.1:4781/oauth/authorize?n=1' } });
    socket.close();
  });

  it('accepts the token as a subprotocol and selects the events subprotocol', async () => {
    const socket = (await openSocket({ protocols: ['lab-events.v1', `lab-token.${host.token}`] })) as WebSocket;
    expect(socket.protocol).toBe('lab-events.v1');
    socket.close();
  });

  it('refuses an upgrade from another origin (403), without the token (401), to another Host (421) or path (404)', async () => {
    expect(await openSocket({ headers: { cookie, origin: 'http://evil.example' } })).toEqual({ status: 403, body: expect.stringContaining('cross-origin request refused') });
    expect(await openSocket({ headers: { origin: host.origin } })).toEqual({ status: 401, body: expect.stringContaining('open the URL the terminal printed') });
    expect(await openSocket({ protocols: ['lab-events.v1', 'lab-token.wrong'] })).toMatchObject({ status: 401 });
    expect(await openSocket({ headers: { cookie, host: `evil.example:${host.port}` } })).toEqual({ status: 421, body: expect.stringContaining('misdirected request') });
    expect(await openSocket({ headers: { cookie }, path: '/api/other' })).toEqual({ status: 404, body: 'not found\n' });
  });

  it('closes a socket that talks back', async () => {
    const socket = (await openSocket({ headers: { cookie } })) as WebSocket;
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('hello');
    expect(await closed).toBe(1003);
  });
});
