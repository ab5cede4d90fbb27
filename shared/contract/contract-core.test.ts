import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContractClient, type ContractTransport } from './client';
import { event, method, methodNames, eventNames, service, type ContractHandlers } from './define';
import { createDispatcher } from './dispatch';
import { createEventHub } from './events';
import { LAB_CONTRACT } from './lab-contract';
import { ContractError, type WireEvent } from './wire';

const demo = {
  greeter: service(
    'says hello',
    {
      greet: method('greets', z.strictObject({ name: z.string().min(1), times: z.number().int().default(1) }), z.object({ text: z.string() })),
      fail: method('fails', z.strictObject({}), z.object({})),
      lie: method('answers outside its schema', z.strictObject({}), z.object({ count: z.number() })),
    },
    { greeted: event('someone was greeted', z.object({ name: z.string() })) },
  ),
};

class Refused extends Error {
  constructor(readonly code: 'access_denied') {
    super('the user said no');
  }
}

function setup() {
  const hub = createEventHub(demo);
  const calls: string[] = [];
  const violations: string[] = [];
  const handlers: ContractHandlers<typeof demo> = {
    greeter: {
      greet: async ({ name, times }) => {
        calls.push(name);
        hub.emit('greeter.greeted', { name });
        return { text: `hello ${name}`.repeat(times) };
      },
      fail: async () => {
        throw new Refused('access_denied');
      },
      lie: async () => ({ count: 'three' }) as unknown as { count: number },
    },
  };
  const dispatcher = createDispatcher(demo, handlers, {
    toErrorData: (error) => (error instanceof Refused ? { code: error.code, message: error.message, oauth: { error: 'access_denied' } } : { code: 'unexpected', message: 'bug' }),
    onContractViolation: (name, problem) => violations.push(`${name}: ${problem}`),
  });
  const transport: ContractTransport = {
    call: (serviceName, methodName, input) => dispatcher.dispatch({ service: serviceName, method: methodName, input }, { transport: 'ipc' }),
    subscribe: (listener) => hub.subscribe(listener),
  };
  return { dispatcher, hub, calls, violations, client: createContractClient(demo, transport) };
}

describe('the contract machinery', () => {
  it('validates the input, applies defaults and returns the output', async () => {
    const { client, calls } = setup();
    await expect(client.greeter.greet({ name: 'Maya' })).resolves.toEqual({ text: 'hello Maya' });
    expect(calls).toEqual(['Maya']);
  });

  it('refuses invalid input before the handler runs, naming the field', async () => {
    const { dispatcher, calls } = setup();
    const answer = await dispatcher.dispatch({ service: 'greeter', method: 'greet', input: { name: '' } }, { transport: 'http' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    expect(calls).toEqual([]);
  });

  it('refuses unknown methods, inherited properties included', async () => {
    const { dispatcher } = setup();
    for (const [serviceName, methodName] of [['greeter', 'nope'], ['nope', 'greet'], ['greeter', 'constructor'], ['__proto__', 'toString']]) {
      const answer = await dispatcher.dispatch({ service: serviceName, method: methodName, input: {} }, { transport: 'http' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    await expect(dispatcher.dispatch('not a call', { transport: 'http' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('carries a thrown error as data and rebuilds it as a ContractError', async () => {
    const { client } = setup();
    const error = await client.greeter.fail({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code: 'access_denied', message: 'the user said no', oauth: { error: 'access_denied' } });
  });

  it('refuses an answer that breaks the output schema, and reports it', async () => {
    const { client, violations } = setup();
    await expect(client.greeter.lie({})).rejects.toMatchObject({ code: 'unexpected' });
    expect(violations[0]).toMatch(/^greeter\.lie: /);
  });

  it('delivers events by name, and stops after unsubscribing', async () => {
    const { client } = setup();
    const names: string[] = [];
    const off = client.events.on('greeter.greeted', (payload) => names.push(payload.name));
    await client.greeter.greet({ name: 'a' });
    off();
    await client.greeter.greet({ name: 'b' });
    expect(names).toEqual(['a']);
  });

  it('drops an event whose payload breaks its schema', () => {
    const violations: string[] = [];
    const hub = createEventHub(demo, (name) => violations.push(name));
    const seen: WireEvent[] = [];
    hub.subscribe((e) => seen.push(e));
    hub.emit('greeter.greeted', { name: 7 } as unknown as { name: string });
    expect(seen).toEqual([]);
    expect(violations).toEqual(['greeter.greeted']);
  });

  it('turns a transport failure into an "unavailable" error', async () => {
    const client = createContractClient(demo, { call: () => Promise.reject(new Error('socket closed')), subscribe: () => () => {} });
    await expect(client.greeter.greet({ name: 'x' })).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('the Lab contract', () => {
  it('names every service the window needs, each method with a summary', () => {
    expect(Object.keys(LAB_CONTRACT)).toEqual(['lab', 'mock', 'applications', 'users', 'faults', 'targets', 'flows', 'tokens', 'calls', 'diagnostics', 'recorder']);
    for (const [serviceName, methodName] of methodNames(LAB_CONTRACT)) {
      const spec = (LAB_CONTRACT as unknown as Record<string, { methods: Record<string, { summary: string }> }>)[serviceName]!.methods[methodName]!;
      expect(spec.summary.length, `${serviceName}.${methodName}`).toBeGreaterThan(10);
    }
    expect(eventNames(LAB_CONTRACT)).toEqual(expect.arrayContaining(['flows.step', 'recorder.exchange', 'mock.request', 'diagnostics.row']));
  });

  it('gives every method an input that accepts {} or names what is missing', () => {
    for (const [serviceName, methodName] of methodNames(LAB_CONTRACT)) {
      const spec = (LAB_CONTRACT as unknown as Record<string, { methods: Record<string, { input: z.ZodType }> }>)[serviceName]!.methods[methodName]!;
      const parsed = spec.input.safeParse({});
      if (!parsed.success) expect(parsed.error.issues[0]?.path.length, `${serviceName}.${methodName}`).toBeGreaterThan(0);
    }
  });
});
