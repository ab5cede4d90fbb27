/**
 * The contract end to end over IPC, in one process: the window's typed client, the IPC
 * transport over the preload's bridge, the fake ipcRenderer/ipcMain pair, the real IPC
 * handlers and sender check, and a real dispatcher over recording handlers.
 */
import { describe, expect, it } from 'vitest';
import { createContractClient } from '../../shared/contract/client';
import { createEventHub } from '../../shared/contract/events';
import { LAB_CONTRACT } from '../../shared/contract/lab-contract';
import { ContractError } from '../../shared/contract/wire';
import { ServiceError } from '../services/service-error';
import { connectOverFakeIpc } from './testing/fake-ipc';
import { recordingDispatcher } from './testing/recording-handlers';

const info = { name: 'Totango OAuth Lab', version: '0.1.0', shell: 'electron', dataDir: '/tmp/lab', platform: 'linux', secureStorage: { available: false, description: 'credentials stay in memory' } };

function setup() {
  const recording = recordingDispatcher(LAB_CONTRACT, {
    'lab.info': () => info,
    'applications.get': (input) => {
      throw new ServiceError('not_found', `no application "${(input as { clientId: string }).clientId}"`, { field: 'clientId' });
    },
    'faults.clearAll': () => ({ done: 'yes' }),
  });
  const events = createEventHub(LAB_CONTRACT);
  const connection = connectOverFakeIpc({ dispatcher: recording.dispatcher, events });
  return { ...recording, events, connection, client: createContractClient(LAB_CONTRACT, connection.transport) };
}

function rejection(promise: Promise<unknown>): Promise<ContractError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ContractError);
      return error as ContractError;
    },
  );
}

describe('the contract over IPC', () => {
  it('answers a call with the output of the service, which saw the ipc transport', async () => {
    const { client, calls } = setup();
    await expect(client.lab.info({})).resolves.toEqual(info);
    expect(calls).toEqual([{ name: 'lab.info', input: {}, context: { transport: 'ipc' } }]);
  });

  it("rebuilds a service's error as a ContractError with its code, message and field", async () => {
    const { client } = setup();
    const error = await rejection(client.applications.get({ clientId: 'c-404' }));
    expect(error.toJSON()).toEqual({ code: 'not_found', message: 'no application "c-404"', field: 'clientId' });
  });

  it('refuses invalid input with the field at fault, and no service runs', async () => {
    const { client, calls } = setup();
    const error = await rejection(client.applications.get({ clientId: '' }));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe('clientId');
    expect(error.message).toMatch(/^invalid "clientId": /);
    expect(calls).toEqual([]);
  });

  it('turns an answer that breaks the output schema into unexpected, and reports it', async () => {
    const { client, violations } = setup();
    const error = await rejection(client.faults.clearAll({}));
    expect(error.toJSON()).toEqual({ code: 'unexpected', message: 'the answer of "faults.clearAll" broke the contract (a bug in the Lab)' });
    expect(violations).toEqual([expect.stringMatching(/^faults\.clearAll: /)]);
  });

  it('refuses every call once the page is not the app, as forbidden', async () => {
    const { client, connection, calls } = setup();
    connection.pair.setSender({ url: 'http://127.0.0.1:8080/' });
    const error = await rejection(client.lab.info({}));
    expect(error.code).toBe('forbidden');
    expect(calls).toEqual([]);
  });

  it('says the Lab did not answer when the handlers are gone', async () => {
    const { client, connection } = setup();
    connection.close();
    const error = await rejection(client.lab.info({}));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^the Lab did not answer "lab\.info": /);
  });

  it('delivers typed events to the subscribers of that event only', async () => {
    const { client, events } = setup();
    const tokens: unknown[] = [];
    const changes: unknown[] = [];
    const stopTokens = client.events.on('tokens.changed', (payload) => tokens.push(payload));
    client.events.on('mock.changed', (payload) => changes.push(payload.what));
    events.emit('mock.changed', { what: 'clock' });
    events.emit('tokens.changed', { token: null });
    await new Promise((resolve) => setImmediate(resolve));
    stopTokens();
    events.emit('tokens.changed', { token: null });
    await new Promise((resolve) => setImmediate(resolve));
    expect(tokens).toEqual([{ token: null }]);
    expect(changes).toEqual(['clock']);
  });
});
