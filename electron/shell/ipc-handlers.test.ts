import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, methodChannel } from '../../shared/contract/bridge';
import { methodNames } from '../../shared/contract/define';
import { createEventHub } from '../../shared/contract/events';
import { LAB_CONTRACT } from '../../shared/contract/lab-contract';
import type { WireEvent } from '../../shared/contract/wire';
import { forwardEvents, registerContractIpc } from './ipc-handlers';
import { connectOverFakeIpc, createFakeIpcPair } from './testing/fake-ipc';
import { recordingDispatcher } from './testing/recording-handlers';

const clock = { now: '2026-01-01T00:00:00.000Z', offsetSeconds: 60 };

function setup() {
  const recording = recordingDispatcher(LAB_CONTRACT, { 'mock.advanceClock': () => clock, 'mock.requests': () => ({ requests: [] }) });
  const events = createEventHub(LAB_CONTRACT);
  const connection = connectOverFakeIpc({ dispatcher: recording.dispatcher, events });
  return { ...recording, events, connection, pair: connection.pair, invoke: (channel: string, input: unknown) => connection.pair.ipcRenderer.invoke(channel, input) };
}

describe('registerContractIpc', () => {
  it('registers one handler per method of the contract, on its own channel, and nothing else', () => {
    const { pair } = setup();
    const expected = methodNames(LAB_CONTRACT).map(([service, method]) => methodChannel(service, method));
    expect(expected.length).toBeGreaterThan(50);
    expect(pair.handledChannels()).toEqual([...expected].sort());
  });

  it('removes every handler when unregistered, after which a call has no handler', async () => {
    const pair = createFakeIpcPair();
    const unregister = registerContractIpc(pair.ipcMain, recordingDispatcher(LAB_CONTRACT).dispatcher, () => true);
    unregister();
    expect(pair.handledChannels()).toEqual([]);
    await expect(pair.ipcRenderer.invoke(methodChannel('lab', 'info'), {})).rejects.toThrow("No handler registered for 'lab:lab.info'");
  });

  it('passes a valid call to the service with its validated input and the ipc transport', async () => {
    const { invoke, calls } = setup();
    await expect(invoke(methodChannel('mock', 'advanceClock'), { seconds: 60 })).resolves.toEqual({ ok: true, value: clock });
    await expect(invoke(methodChannel('mock', 'requests'), {})).resolves.toEqual({ ok: true, value: { requests: [] } });
    expect(calls).toEqual([
      { name: 'mock.advanceClock', input: { seconds: 60 }, context: { transport: 'ipc' } },
      { name: 'mock.requests', input: { limit: 200 }, context: { transport: 'ipc' } },
    ]);
  });

  it.each([
    ['a wrong type', { seconds: 'sixty' }, 'seconds', /^invalid "seconds": /],
    ['an unknown key', { seconds: 60, admin: true }, undefined, /^invalid /],
    ['no input at all', undefined, undefined, /^invalid input of "mock.advanceClock"/],
    ['a number out of range', { seconds: 1e12 }, 'seconds', /^invalid "seconds": /],
  ])('refuses %s before any service runs', async (_what, input, field, message) => {
    const { invoke, calls } = setup();
    const answer = await invoke(methodChannel('mock', 'advanceClock'), input);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } });
    if (field !== undefined) expect(answer).toMatchObject({ error: { field } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['another window', { contents: 'other' as const }],
    ['a page that is not the app', { url: 'https://evil.example/' }],
    ['a file page', { url: 'file:///etc/passwd' }],
    ['a subframe of the app', { subframe: true }],
    ['a frame already gone', { frameGone: true }],
  ])('refuses a call from %s as forbidden, before looking at the payload', async (_what, sender) => {
    const { pair, invoke, calls } = setup();
    pair.setSender(sender);
    await expect(invoke(methodChannel('mock', 'advanceClock'), { seconds: 60 })).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'the call of "mock.advanceClock" did not come from the Lab\'s window' },
    });
    await expect(invoke(methodChannel('mock', 'advanceClock'), { seconds: 'not even valid' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('tells who was refused, with the channel and the sender URL only', async () => {
    const pair = createFakeIpcPair();
    const refused: [string, string | undefined][] = [];
    registerContractIpc(pair.ipcMain, recordingDispatcher(LAB_CONTRACT).dispatcher, () => false, { onRefused: (channel, url) => refused.push([channel, url]) });
    pair.setSender({ url: 'https://evil.example/page' });
    await pair.ipcRenderer.invoke(methodChannel('tokens', 'use'), { token: 'a-secret-token' });
    expect(refused).toEqual([['lab:tokens.use', 'https://evil.example/page']]);
  });

  it('answers with data, not a throw, when the dispatcher itself fails', async () => {
    const pair = createFakeIpcPair();
    const broken = { dispatch: () => Promise.reject(new Error('secret detail')), lookup: () => undefined };
    registerContractIpc(pair.ipcMain, broken, () => true);
    await expect(pair.ipcRenderer.invoke(methodChannel('lab', 'info'), {})).resolves.toEqual({ ok: false, error: { code: 'unexpected', message: 'the Lab failed to answer "lab.info"' } });
  });
});

describe('forwardEvents', () => {
  it('sends each event of the hub on the event channel until unsubscribed', () => {
    const hub = createEventHub(LAB_CONTRACT);
    const sent: [string, WireEvent][] = [];
    const stop = forwardEvents(hub, (channel, event) => sent.push([channel, event]));
    hub.emit('mock.changed', { what: 'applications' });
    stop();
    hub.emit('mock.changed', { what: 'users' });
    expect(sent).toEqual([[EVENT_CHANNEL, { name: 'mock.changed', payload: { what: 'applications' } }]]);
  });

  it('delivers events to the window over IPC, and an event the contract does not know is never sent', async () => {
    const { events, connection } = setup();
    const received: WireEvent[] = [];
    const unsubscribe = connection.bridge.onEvent((event) => received.push(event));
    events.emit('targets.changed', { selected: 'mock' });
    (events.emit as (name: string, payload: unknown) => void)('targets.exploded', { selected: 'mock' });
    await new Promise((resolve) => setImmediate(resolve));
    unsubscribe();
    expect(received).toEqual([{ name: 'targets.changed', payload: { selected: 'mock' } }]);
    expect(connection.pair.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});
