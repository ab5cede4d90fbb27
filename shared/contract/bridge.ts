/**
 * What the Electron preload exposes to the window (`window.totangoLab`): one function per
 * method of the contract, each answering a `WireResult`, and one event subscription.
 * There is no generic `invoke(channel, ...)`: the window can call the contract and
 * nothing else.
 */
import type { ContractSpec, MethodInput, MethodName, ServiceName } from './define';
import type { WireEvent, WireResult } from './wire';

/** The global the preload defines in the window (`contextBridge.exposeInMainWorld`). */
export const LAB_BRIDGE_KEY = 'totangoLab';

/** The IPC channel of one method: `lab:service.method`. */
export function methodChannel(service: string, method: string): string {
  return `lab:${service}.${method}`;
}

/** The IPC channel events travel on, main to window. */
export const EVENT_CHANNEL = 'lab:event';

export type BridgeOf<C extends ContractSpec> = {
  readonly [S in ServiceName<C>]: {
    readonly [M in MethodName<C, S>]: (input: MethodInput<C, S, M>) => Promise<WireResult>;
  };
} & {
  /** Every event the main process publishes; returns the unsubscribe function. */
  readonly onEvent: (listener: (event: WireEvent) => void) => () => void;
};
