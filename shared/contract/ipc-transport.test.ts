import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BridgeOf } from './bridge';
import { method, service } from './define';
import { createIpcTransport } from './ipc-transport';
import type { WireEvent } from './wire';

const demo = {
  greeter: service('says hello', { greet: method('greets', z.strictObject({ name: z.string() }), z.object({ text: z.string() })) }),
};

function fakeBridge() {
  const inputs: unknown[] = [];
  const listeners = new Set<(event: WireEvent) => void>();
  const bridge: BridgeOf<typeof demo> = {
    greeter: {
      greet: async (input) => {
        inputs.push(input);
        return { ok: true, value: { text: `hello ${input.name}` } };
      },
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { bridge, inputs, listeners };
}

describe('createIpcTransport', () => {
  it("calls the bridge's function of the method with the input", async () => {
    const { bridge, inputs } = fakeBridge();
    const answer = await createIpcTransport(bridge).call('greeter', 'greet', { name: 'Maya' });
    expect(answer).toEqual({ ok: true, value: { text: 'hello Maya' } });
    expect(answer.ok && demo.greeter.methods.greet.output.safeParse(answer.value).success).toBe(true);
    expect(inputs).toEqual([{ name: 'Maya' }]);
  });

  it.each([
    ['an unknown service', 'farewell', 'greet'],
    ['an unknown method', 'greeter', 'shout'],
    ['an inherited property', 'greeter', 'toString'],
    ['a prototype', '__proto__', 'constructor'],
    ['the event subscription', 'onEvent', 'call'],
  ])('answers unknown_method for %s, calling nothing', async (_what, serviceName, methodName) => {
    const { bridge, inputs } = fakeBridge();
    await expect(createIpcTransport(bridge).call(serviceName, methodName, {})).resolves.toEqual({
      ok: false,
      error: { code: 'unknown_method', message: `no method "${serviceName}.${methodName}" on the window's bridge` },
    });
    expect(inputs).toEqual([]);
  });

  it("subscribes through the bridge's onEvent and unsubscribes", () => {
    const { bridge, listeners } = fakeBridge();
    const received: WireEvent[] = [];
    const unsubscribe = createIpcTransport(bridge).subscribe((event) => received.push(event));
    for (const listener of listeners) listener({ name: 'greeter.greeted', payload: { name: 'Maya' } });
    unsubscribe();
    expect(listeners.size).toBe(0);
    expect(received).toEqual([{ name: 'greeter.greeted', payload: { name: 'Maya' } }]);
  });
});
