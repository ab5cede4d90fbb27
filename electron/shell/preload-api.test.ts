import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, LAB_BRIDGE_KEY, methodChannel } from '../../shared/contract/bridge';
import { LAB_CONTRACT } from '../../shared/contract/lab-contract';
import { createPreloadApi } from './preload-api';
import { createFakeIpcPair } from './testing/fake-ipc';

const electron = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  invoked: [] as unknown[][],
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.push([key, api]) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      electron.invoked.push(args);
      return { ok: true, value: 'answered' };
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => electron.listeners.set(channel, listener),
    removeListener: (channel: string) => electron.listeners.delete(channel),
  },
}));

/** The shape of an exposed object: service → sorted method names. */
function shapeOf(api: object): Record<string, string[] | 'function'> {
  return Object.fromEntries(Object.entries(api).map(([key, value]) => [key, typeof value === 'function' ? 'function' : Object.keys(value as object).sort()]));
}

const contractShape = {
  ...Object.fromEntries(Object.entries(LAB_CONTRACT).map(([service, spec]) => [service, Object.keys(spec.methods).sort()])),
  onEvent: 'function',
};

describe('the preload', () => {
  beforeEach(() => {
    electron.exposed.length = 0;
    electron.invoked.length = 0;
    electron.listeners.clear();
    vi.resetModules();
  });

  it(`exposes exactly the contract's methods and onEvent as window.${LAB_BRIDGE_KEY}, once`, async () => {
    await import('../preload');
    expect(electron.exposed.map(([key]) => key)).toEqual([LAB_BRIDGE_KEY]);
    const api = electron.exposed[0]![1] as object;
    expect(shapeOf(api)).toEqual(contractShape);
    for (const forbidden of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) expect(Object.hasOwn(api, forbidden)).toBe(false);
  });

  it("invokes each method on that method's own channel with the input alone", async () => {
    await import('../preload');
    const api = electron.exposed[0]![1] as { mock: { advanceClock: (input: unknown, ...rest: unknown[]) => Promise<unknown> } };
    await expect(api.mock.advanceClock({ seconds: 5 }, 'smuggled', 'arguments')).resolves.toEqual({ ok: true, value: 'answered' });
    expect(electron.invoked).toEqual([[methodChannel('mock', 'advanceClock'), { seconds: 5 }]]);
  });

  it("hands a listener the event alone, never Electron's event object, and drops what is not an event", async () => {
    await import('../preload');
    const api = electron.exposed[0]![1] as { onEvent: (listener: (...args: unknown[]) => void) => () => void };
    const received: unknown[][] = [];
    const unsubscribe = api.onEvent((...args) => received.push(args));
    const deliver = electron.listeners.get(EVENT_CHANNEL)!;
    deliver({ sender: 'the ipcRenderer' }, { name: 'mock.changed', payload: { what: 'users' } });
    deliver({ sender: 'the ipcRenderer' }, { name: 'mock.changed', payload: {}, extra: 'field' });
    deliver({ sender: 'the ipcRenderer' }, 'not an event');
    expect(received).toEqual([[{ name: 'mock.changed', payload: { what: 'users' } }]]);
    unsubscribe();
    expect(electron.listeners.has(EVENT_CHANNEL)).toBe(false);
  });
});

describe('createPreloadApi', () => {
  it('refuses a listener that is not a function', () => {
    const api = createPreloadApi(createFakeIpcPair().ipcRenderer);
    expect(() => api.onEvent('alert(1)' as unknown as () => void)).toThrow(new TypeError('invalid "listener": not a function'));
  });

  it('is frozen: the page cannot add or replace a method', () => {
    const api = createPreloadApi(createFakeIpcPair().ipcRenderer);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.lab)).toBe(true);
  });
});
