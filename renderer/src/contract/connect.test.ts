import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeOf } from '../../../shared/contract/bridge';
import type { EventSocketLike } from '../../../shared/contract/http-transport';
import type { LabContract } from '../../../shared/contract/lab-contract';
import { ContractError, type WireEvent, type WireResult } from '../../../shared/contract/wire';
import { SAMPLE_INFO } from '../testing/fake-lab';
import { connectToLab, type LabHost } from './connect';
import { DROPPED_MESSAGE } from './http-connection';
import type { ConnectionStatus } from './lab-client';
import { TOKEN_STORAGE_KEY } from './launch-token';

/** A WebSocket the test drives: it records where it was opened and fires what the test says. */
class ScriptedSocket implements EventSocketLike {
  static opened: ScriptedSocket[] = [];
  readonly listeners = new Map<string, ((event: { data: unknown }) => void)[]>();
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    ScriptedSocket.opened.push(this);
  }
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: 'open' | 'close' | 'message', data?: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
  close(): void {}
}

const TOKEN = 'launch-token-0123456789-abcdefghijklmnopq';
const ORIGIN = 'http://127.0.0.1:4800';

/** A page as browser mode opens it: its address (`hash`), a `sessionStorage`, a history that records `replaceState`. */
function browserHost(answer: WireResult, page: { hash?: string; stored?: string; storageRefused?: boolean } = {}) {
  const requests: { url: string; init: RequestInit }[] = [];
  const replaced: (string | null | undefined)[] = [];
  const storage = new Map<string, string>(page.stored === undefined ? [] : [[TOKEN_STORAGE_KEY, page.stored]]);
  const refuse = () => {
    throw new DOMException('the storage is refused', 'SecurityError');
  };
  ScriptedSocket.opened = [];
  const host: LabHost = {
    location: { origin: ORIGIN, pathname: '/', search: '', hash: page.hash ?? '' },
    history: { replaceState: (_data, _unused, url) => void replaced.push(url) },
    sessionStorage: page.storageRefused
      ? { getItem: refuse, setItem: refuse }
      : { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    fetch: (url, init) => {
      requests.push({ url, init });
      return Promise.resolve({ status: 200, text: () => Promise.resolve(JSON.stringify(answer)) });
    },
    WebSocket: ScriptedSocket,
  };
  return { host, requests, replaced, storage };
}

describe('connectToLab', () => {
  it("uses the Electron preload's bridge when the window has one, and calls its method for the contract's", async () => {
    const received: unknown[] = [];
    const eventListeners: ((event: WireEvent) => void)[] = [];
    const bridge = {
      lab: { info: (input: unknown) => (received.push(input), Promise.resolve({ ok: true, value: { ...SAMPLE_INFO, shell: 'electron' } })) },
      onEvent: (listener: (event: WireEvent) => void) => (eventListeners.push(listener), () => {}),
    } as unknown as BridgeOf<LabContract>;
    const { host } = browserHost({ ok: false, error: { code: 'unexpected', message: 'the HTTP transport was used' } });
    const { client, connection, via } = connectToLab({ ...host, totangoLab: bridge });

    expect(via).toBe('ipc');
    expect((await client.lab.info({})).shell).toBe('electron');
    expect(received).toEqual([{}]);
    expect(connection.current()).toEqual({ state: 'connected' });
    const changes: string[] = [];
    client.events.on('targets.changed', (payload) => changes.push(payload.selected));
    eventListeners.forEach((listener) => listener({ name: 'targets.changed', payload: { selected: 'totango:eu' } }));
    expect(changes).toEqual(['totango:eu']);
  });

  it("falls back to HTTP on the page's own origin with the launch token from the address's fragment: stored, removed, sent on every call", async () => {
    const { host, requests, replaced, storage } = browserHost({ ok: true, value: SAMPLE_INFO }, { hash: `#lab-token=${TOKEN}` });
    const { client, via } = connectToLab(host);

    expect(via).toBe('http');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe(TOKEN);
    expect(replaced).toEqual(['/']);
    expect(await client.lab.info({})).toEqual(SAMPLE_INFO);
    expect(await client.lab.info({})).toEqual(SAMPLE_INFO);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.url).toBe(`${ORIGIN}/api/call`);
      expect(request.init.headers).toEqual({ 'content-type': 'application/json', 'x-lab-token': TOKEN });
      // No cookie: the host's cookie opens the window's files only.
      expect(request.init.credentials).toBe('omit');
    }
    expect(JSON.parse(String(requests[0]!.init.body))).toEqual({ service: 'lab', method: 'info', input: {} });
  });

  it('opens the event socket with the token as its subprotocol', () => {
    const { host } = browserHost({ ok: true, value: SAMPLE_INFO }, { hash: `#lab-token=${TOKEN}` });
    connectToLab(host).connection.subscribe(() => {});
    expect(ScriptedSocket.opened.map((socket) => [socket.url, socket.protocols])).toEqual([[`ws://127.0.0.1:4800/api/events`, ['lab-events.v1', `lab-token.${TOKEN}`]]]);
  });

  it('after a reload, uses the token this tab stored, leaving the address alone', async () => {
    const { host, requests, replaced } = browserHost({ ok: true, value: SAMPLE_INFO }, { hash: '#/diagnostics', stored: TOKEN });
    const { client } = connectToLab(host);
    await client.lab.info({});
    expect(replaced).toEqual([]);
    expect((requests[0]!.init.headers as Record<string, string>)['x-lab-token']).toBe(TOKEN);
  });

  it("takes the fragment's token over an older stored one (the Lab restarted, its new URL opened in the same tab)", async () => {
    const newer = `${TOKEN}-restarted`;
    const { host, requests, storage } = browserHost({ ok: true, value: SAMPLE_INFO }, { hash: `#lab-token=${newer}`, stored: TOKEN });
    await connectToLab(host).client.lab.info({});
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe(newer);
    expect((requests[0]!.init.headers as Record<string, string>)['x-lab-token']).toBe(newer);
  });

  it('still uses the token for this load when the browser refuses storage', async () => {
    const { host, requests, replaced } = browserHost({ ok: true, value: SAMPLE_INFO }, { hash: `#lab-token=${TOKEN}`, storageRefused: true });
    await connectToLab(host).client.lab.info({});
    expect(replaced).toEqual(['/']);
    expect((requests[0]!.init.headers as Record<string, string>)['x-lab-token']).toBe(TOKEN);
  });

  it.each([
    ['no fragment and nothing stored', {}],
    ['a malformed token in the fragment', { hash: '#lab-token=short' }],
    ['a malformed stored token', { stored: 'not a token' }],
    ['the storage refused', { storageRefused: true }],
  ])('without a token (%s), fails every call with the message that says to open the printed URL, and opens no socket', async (_case, page) => {
    const { host, requests } = browserHost({ ok: true, value: SAMPLE_INFO }, page);
    const { client, connection, via } = connectToLab(host);
    const message = `this window has no launch token: open the URL the terminal printed when the Lab started (${ORIGIN}/?token=…)`;

    expect(via).toBe('http');
    const error = await client.lab.info({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code: 'forbidden', message });
    expect(connection.current()).toEqual({ state: 'disconnected', error: message });
    connection.subscribe(() => {});
    client.events.on('targets.changed', () => {});
    expect(requests).toEqual([]);
    expect(ScriptedSocket.opened).toEqual([]);
  });

  it("in a real page: takes the token from window.location's fragment into window.sessionStorage and clears the address bar", async () => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', `/?mode=web#lab-token=${TOKEN}`);
    const { host, requests } = browserHost({ ok: true, value: SAMPLE_INFO });
    const page: LabHost = { ...host, location: window.location, history: window.history, sessionStorage: window.sessionStorage };
    await connectToLab(page).client.lab.info({});
    expect(window.location.hash).toBe('');
    expect(`${window.location.pathname}${window.location.search}`).toBe('/?mode=web');
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe(TOKEN);
    expect((requests[0]!.init.headers as Record<string, string>)['x-lab-token']).toBe(TOKEN);
    window.sessionStorage.clear();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("reports browser mode's link: connecting, connected, disconnected while it reconnects, connected again", () => {
    vi.useFakeTimers();
    const { host } = browserHost({ ok: true, value: SAMPLE_INFO }, { stored: TOKEN });
    const { connection } = connectToLab(host);
    const seen: ConnectionStatus[] = [];
    expect(connection.current()).toEqual({ state: 'connecting' });
    connection.subscribe((status) => seen.push(status));

    const first = ScriptedSocket.opened[0]!;
    expect(first.url).toBe('ws://127.0.0.1:4800/api/events');
    first.fire('open');
    expect(connection.current()).toEqual({ state: 'connected' });
    first.fire('close');
    expect(connection.current()).toEqual({ state: 'disconnected', error: DROPPED_MESSAGE });

    // The transport retries after its backoff; the attempt itself is part of the same reconnection.
    vi.advanceTimersByTime(250);
    const second = ScriptedSocket.opened[1]!;
    expect(second.url).toBe('ws://127.0.0.1:4800/api/events');
    expect(connection.current()).toEqual({ state: 'disconnected', error: DROPPED_MESSAGE });
    second.fire('open');
    expect(connection.current()).toEqual({ state: 'connected' });
    expect(seen).toEqual([{ state: 'connected' }, { state: 'disconnected', error: DROPPED_MESSAGE }, { state: 'connected' }]);
  });
});
