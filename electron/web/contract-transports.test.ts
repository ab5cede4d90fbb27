/**
 * One suite of the contract, run over both transports the window may use: Electron IPC
 * (the real handlers, sender check, preload bridge and IPC transport over an in-memory
 * ipcMain/ipcRenderer pair) and browser mode (the real host over a real socket, with the
 * HTTP transport). The same dispatcher and event hub sit behind both, so any difference
 * in what the window sees is a difference between the transports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createContractClient, type ContractTransport, type LabClientOf } from '../../shared/contract/client';
import { createHttpTransport } from '../../shared/contract/http-transport';
import { LAB_CONTRACT, type LabContract } from '../../shared/contract/lab-contract';
import { ContractError, type ContractErrorData } from '../../shared/contract/wire';
import { connectOverFakeIpc } from '../shell/testing/fake-ipc';
import { createFakeLab, createWindowFolder, FAKE_LAB_INFO } from './testing/web-fixtures';
import { startWebHost } from './web-host';

type Kind = 'ipc' | 'http';

interface Harness {
  readonly lab: ReturnType<typeof createFakeLab>;
  readonly transport: ContractTransport;
  readonly client: LabClientOf<LabContract>;
  close(): Promise<void>;
}

async function connect(kind: Kind): Promise<Harness> {
  const lab = createFakeLab();
  if (kind === 'ipc') {
    const connection = connectOverFakeIpc({ dispatcher: lab.dispatcher, events: lab.events });
    return { lab, transport: connection.transport, client: createContractClient(LAB_CONTRACT, connection.transport), close: async () => connection.close() };
  }
  const folder = await createWindowFolder();
  const host = await startWebHost({ dispatcher: lab.dispatcher, events: lab.events, staticDir: folder.staticDir, port: 0, host: '127.0.0.1' });
  const transport = createHttpTransport({ baseUrl: host.origin, fetch, WebSocket, token: host.token });
  // Events are pushed on the socket: wait until it is open, as the window waits on its indicator.
  await new Promise<void>((resolve) => transport.onConnectionChange((state) => state === 'open' && resolve()));
  return {
    lab,
    transport,
    client: createContractClient(LAB_CONTRACT, transport),
    close: async () => {
      transport.close();
      await host.close();
      await folder.remove();
    },
  };
}

/** What the window sees of a call: the value, or the rebuilt error's data. */
async function outcome(promise: Promise<unknown>): Promise<{ value: unknown } | { error: ContractErrorData }> {
  try {
    return { value: await promise };
  } catch (error) {
    if (!(error instanceof ContractError)) throw error;
    return { error: error.toJSON() };
  }
}

describe.each<Kind>(['ipc', 'http'])('the contract over %s', (kind) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await connect(kind);
  });
  afterAll(() => harness.close());

  it('calls a method and returns its output, telling the service which transport called', async () => {
    await expect(harness.client.lab.info({})).resolves.toEqual(FAKE_LAB_INFO);
    expect(harness.lab.calls.at(-1)).toEqual({ name: 'lab.info', input: {}, context: { transport: kind } });
  });

  it('refuses invalid input as invalid_input with the field, before the service runs', async () => {
    const before = harness.lab.calls.length;
    const error = await harness.client.applications.get({ clientId: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'clientId', message: expect.stringMatching(/^invalid "clientId": /) });
    const extra = await outcome(harness.client.lab.info({ extra: true } as never));
    expect(extra).toMatchObject({ error: { code: 'invalid_input' } });
    expect(harness.lab.calls.length).toBe(before);
  });

  it('refuses an unknown service or method, inherited names included', async () => {
    for (const [service, method] of [['lab', 'nope'], ['nope', 'info'], ['lab', 'constructor'], ['__proto__', 'toString'], ['onEvent', 'call']] as const) {
      const answer = await harness.transport.call(service, method, {});
      expect(answer).toEqual({ ok: false, error: { code: 'unknown_method', message: expect.stringContaining(`no method "${service}.${method}"`) } });
    }
  });

  it('carries a thrown ServiceError across as data and rebuilds it as a ContractError', async () => {
    const notFound = await harness.client.applications.get({ clientId: 'c-404' }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(ContractError);
    expect((notFound as ContractError).toJSON()).toEqual({ code: 'not_found', message: 'no application "c-404"', field: 'clientId' });
    const refused = await harness.client.flows.clientCredentials({ scopes: ['account:read'] }).catch((e: unknown) => e);
    expect((refused as ContractError).toJSON()).toEqual({
      code: 'invalid_client',
      message: 'the token endpoint refused the client',
      oauth: { error: 'invalid_client', error_description: 'client authentication failed' },
    });
    const unanswered = await outcome(harness.client.mock.status({}));
    expect(unanswered).toEqual({ error: { code: 'unavailable', message: '"mock.status" has no answer in this test' } });
  });

  it('delivers events in the order they were emitted, to the listeners of their name only', async () => {
    const urls: string[] = [];
    const cleared: unknown[] = [];
    const stopUrls = harness.client.events.on('flows.openUrl', (payload) => urls.push(payload.flowId));
    const stopCleared = harness.client.events.on('recorder.cleared', (payload) => cleared.push(payload));
    await expect(harness.client.flows.cancel({})).resolves.toEqual({ cancelled: true });
    harness.lab.events.emit('recorder.cleared', {});
    await expect.poll(() => cleared).toEqual([{}]);
    expect(urls).toEqual(['flow-1', 'flow-2', 'flow-3', 'flow-4', 'flow-5']);
    stopUrls();
    stopCleared();
  });
});

describe('both transports', () => {
  it('give the window the same answers to the same calls', async () => {
    const calls: ((client: LabClientOf<LabContract>) => Promise<unknown>)[] = [
      (c) => c.lab.info({}),
      (c) => c.applications.get({ clientId: 'c-1' }),
      (c) => c.applications.get({ clientId: 'x'.repeat(5000) }),
      (c) => c.flows.clientCredentials({}),
      (c) => c.flows.cancel({}),
      (c) => c.mock.advanceClock({ seconds: 1.5 }),
      (c) => c.recorder.importBundle({ content: 'a bundle' }),
      (c) => c.users.list(undefined as never),
    ];
    const answers: Record<Kind, unknown[]> = { ipc: [], http: [] };
    for (const kind of ['ipc', 'http'] as const) {
      const harness = await connect(kind);
      for (const call of calls) answers[kind].push(await outcome(call(harness.client)));
      await harness.close();
    }
    expect(answers.http).toEqual(answers.ipc);
    expect(answers.ipc.map((a) => ('value' in (a as object) ? 'value' : (a as { error: ContractErrorData }).error.code))).toEqual([
      'value',
      'not_found',
      'invalid_input',
      'invalid_client',
      'value',
      'invalid_input',
      'value',
      'invalid_input',
    ]);
  });
});
