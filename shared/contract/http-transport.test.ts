import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createFakeLab, createWindowFolder, type WindowFolder } from '../../electron/web/testing/web-fixtures';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { createContractClient } from './client';
import { createHttpTransport, type ConnectionState, type HttpTransportOptions, type Timers } from './http-transport';
import { LAB_CONTRACT } from './lab-contract';
import { ContractError } from './wire';

let folder: WindowFolder;
let lab: ReturnType<typeof createFakeLab>;

beforeAll(async () => {
  folder = await createWindowFolder();
  lab = createFakeLab();
});
afterAll(() => folder.remove());

const startHost = (options: { port?: number; token?: string } = {}) => startWebHost({ dispatcher: lab.dispatcher, events: lab.events, staticDir: folder.staticDir, port: options.port ?? 0, ...(options.token ? { token: options.token } : {}) });

function transportFor(host: WebHost, extra: Partial<HttpTransportOptions> = {}) {
  return createHttpTransport({ baseUrl: host.origin, fetch, WebSocket, token: host.token, reconnect: { initialMs: 20, maxMs: 100 }, ...extra });
}

/** Every state the transport reports, and a way to wait for the next one. */
function watchStates(transport: ReturnType<typeof createHttpTransport>) {
  const states: ConnectionState[] = [];
  const waiters: { state: ConnectionState; resolve: () => void }[] = [];
  transport.onConnectionChange((state) => {
    states.push(state);
    for (const waiter of waiters.filter((w) => w.state === state)) waiter.resolve();
  });
  return { states, next: (state: ConnectionState) => new Promise<void>((resolve) => waiters.push({ state, resolve })) };
}

describe('createHttpTransport', () => {
  it('answers a call with the host’s contract result', async () => {
    const host = await startHost();
    const transport = transportFor(host);
    await expect(transport.call('lab', 'info', {})).resolves.toMatchObject({ ok: true, value: { shell: 'browser' } });
    await expect(transport.call('lab', 'nope', {})).resolves.toEqual({ ok: false, error: { code: 'unknown_method', message: 'no method "lab.nope" in the contract' } });
    transport.close();
    await host.close();
  });

  it("calls fetch detached, as the window's fetch requires", async () => {
    const host = await startHost();
    const windowLikeFetch = function (this: unknown, url: string, init: RequestInit) {
      if (this !== undefined) throw new TypeError('Illegal invocation');
      return fetch(url, init);
    };
    const transport = transportFor(host, { fetch: windowLikeFetch });
    await expect(transport.call('lab', 'info', {})).resolves.toMatchObject({ ok: true });
    transport.close();
    await host.close();
  });

  it('sends the launch token in the X-Lab-Token header of every call and as a subprotocol of the socket', async () => {
    const seen: { callToken?: string | string[] | undefined; protocols?: string[] }[] = [];
    const recorder = createServer((request, response) => {
      seen.push({ callToken: request.headers['x-lab-token'] });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, value: null }));
    });
    recorder.on('upgrade', (request, socket) => {
      seen.push({ protocols: (request.headers['sec-websocket-protocol'] ?? '').split(',').map((protocol) => protocol.trim()) });
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
    const token = 'launch-token-of-this-test-0123456789abcdef';
    const transport = createHttpTransport({ baseUrl: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/`, fetch, WebSocket, token, reconnect: { initialMs: 10_000, maxMs: 10_000 } });
    await transport.call('lab', 'info', {});
    await transport.call('lab', 'preferences', {});
    const { next } = watchStates(transport);
    await next('closed');
    transport.close();
    recorder.close();
    expect(seen).toEqual([
      { callToken: token },
      { callToken: token },
      { protocols: ['lab-events.v1', `lab-token.${token}`] },
    ]);
  });

  it('passes a refusal of the host on as a contract error with its message', async () => {
    const host = await startHost();
    const client = createContractClient(LAB_CONTRACT, transportFor(host, { token: 'not-the-token' }));
    const error = await client.lab.info({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^the API needs the launch token in the "x-lab-token" header .*: open the URL the terminal printed/) });
    await host.close();
  });

  it('fails a call as unavailable when the Lab is gone or answers outside the contract', async () => {
    const host = await startHost();
    const client = createContractClient(LAB_CONTRACT, transportFor(host));
    await host.close();
    await expect(client.lab.info({})).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('the Lab did not answer "lab.info"') });
    const stranger = createServer((_request, response) => response.end('<html>not the Lab</html>'));
    await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
    const strangerClient = createContractClient(LAB_CONTRACT, createHttpTransport({ baseUrl: `http://127.0.0.1:${(stranger.address() as AddressInfo).port}`, fetch, WebSocket, token: 'T'.repeat(43) }));
    await expect(strangerClient.lab.info({})).rejects.toMatchObject({ code: 'unavailable', message: 'the Lab did not answer "lab.info": HTTP 200 without a contract result' });
    stranger.close();
  });

  it('reports the socket’s state and reconnects after the host comes back, with events flowing again', async () => {
    const first = await startHost();
    const transport = transportFor(first);
    const { states, next } = watchStates(transport);
    const flowIds: string[] = [];
    transport.subscribe((event) => flowIds.push((event.payload as { flowId: string }).flowId));
    await next('open');
    expect(states).toEqual(['connecting', 'open']);

    const closed = next('closed');
    await first.close();
    await closed;
    const second = await startHost({ port: first.port, token: first.token });
    await next('open');
    expect(states.slice(0, 4)).toEqual(['connecting', 'open', 'closed', 'connecting']);
    expect(states.at(-1)).toBe('open');

    lab.events.emit('flows.openUrl', { flowId: 'after-reconnect', url: 'http://127.0.0.1/' });
    await expect.poll(() => flowIds).toEqual(['after-reconnect']);
    transport.close();
    expect(transport.connectionState).toBe('closed');
    await second.close();
  });

  it('backs off, doubling up to the cap, while the socket is refused; closing stops it', async () => {
    const host = await startHost();
    const scheduled: { callback: () => void; ms: number }[] = [];
    const timers: Timers = { set: (callback, ms) => scheduled.push({ callback, ms }), clear: () => {} };
    const transport = transportFor(host, { token: 'wrong', timers, reconnect: { initialMs: 250, maxMs: 1000 } });
    const { states, next } = watchStates(transport);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await next('closed');
      scheduled.at(-1)!.callback();
    }
    await next('closed');
    expect(scheduled.map((s) => s.ms)).toEqual([250, 500, 1000, 1000, 1000]);
    expect(states).toEqual(['connecting', 'closed', 'connecting', 'closed', 'connecting', 'closed', 'connecting', 'closed', 'connecting', 'closed']);
    transport.close();
    scheduled.at(-1)!.callback();
    expect(states.at(-1)).toBe('closed');
    expect(scheduled).toHaveLength(5);
    await host.close();
  });

  it('keeps a failing listener from stopping the others', async () => {
    const host = await startHost();
    const failures: unknown[] = [];
    const transport = transportFor(host, { onListenerError: (error) => failures.push(error) });
    const { next } = watchStates(transport);
    const received: string[] = [];
    transport.subscribe(() => {
      throw new Error('listener bug');
    });
    transport.subscribe((event) => received.push(event.name));
    await next('open');
    lab.events.emit('recorder.cleared', {});
    await expect.poll(() => received).toEqual(['recorder.cleared']);
    expect(failures).toEqual([new Error('listener bug')]);
    transport.close();
    await host.close();
  });
});
