import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeOf } from '../../../shared/contract/bridge';
import type { EventSocketLike } from '../../../shared/contract/http-transport';
import type { LabContract } from '../../../shared/contract/lab-contract';
import type { WireEvent, WireResult } from '../../../shared/contract/wire';
import { SAMPLE_INFO } from '../testing/fake-lab';
import { connectToLab, type LabHost } from './connect';
import { DROPPED_MESSAGE } from './http-connection';
import type { ConnectionStatus } from './lab-client';

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

function browserHost(answer: WireResult) {
  const requests: { url: string; init: RequestInit }[] = [];
  ScriptedSocket.opened = [];
  const host: LabHost = {
    location: { origin: 'http://127.0.0.1:4800' },
    fetch: (url, init) => {
      requests.push({ url, init });
      return Promise.resolve({ status: 200, text: () => Promise.resolve(JSON.stringify(answer)) });
    },
    WebSocket: ScriptedSocket,
  };
  return { host, requests };
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

  it("falls back to HTTP on the page's own origin, with the launch cookie, when there is no bridge", async () => {
    const { host, requests } = browserHost({ ok: true, value: SAMPLE_INFO });
    const { client, via } = connectToLab(host);

    expect(via).toBe('http');
    expect(await client.lab.info({})).toEqual(SAMPLE_INFO);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('http://127.0.0.1:4800/api/call');
    expect(requests[0]!.init.credentials).toBe('same-origin');
    expect(JSON.parse(String(requests[0]!.init.body))).toEqual({ service: 'lab', method: 'info', input: {} });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("reports browser mode's link: connecting, connected, disconnected while it reconnects, connected again", () => {
    vi.useFakeTimers();
    const { host } = browserHost({ ok: true, value: SAMPLE_INFO });
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
