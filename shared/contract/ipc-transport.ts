/**
 * The window's transport over the Electron preload's bridge (`window.totangoLab`): a call
 * goes to the bridge's function for that method, events come from its `onEvent`. The
 * bridge is passed in, so this module knows no DOM and no Electron.
 *
 * @see ./bridge.ts
 */
import type { BridgeOf } from './bridge';
import type { ContractTransport } from './client';
import type { ContractSpec } from './define';
import type { WireResult } from './wire';

type BridgeMethod = (input: unknown) => Promise<WireResult>;

/** The bridge's function for `service.method`, when it has one (own properties only: nothing inherited is callable). */
function bridgeMethod(bridge: object, service: string, method: string): BridgeMethod | undefined {
  if (service === 'onEvent' || !Object.hasOwn(bridge, service)) return undefined;
  const methods: unknown = (bridge as Record<string, unknown>)[service];
  if (typeof methods !== 'object' || methods === null || !Object.hasOwn(methods, method)) return undefined;
  const fn: unknown = (methods as Record<string, unknown>)[method];
  return typeof fn === 'function' ? (fn as BridgeMethod) : undefined;
}

export function createIpcTransport<C extends ContractSpec>(bridge: BridgeOf<C>): ContractTransport {
  return {
    async call(service, method, input) {
      const fn = bridgeMethod(bridge, service, method);
      if (fn === undefined) return { ok: false, error: { code: 'unknown_method', message: `no method "${service}.${method}" on the window's bridge` } };
      return fn(input);
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
