/**
 * What the preload exposes to the window: one function per method of the contract, each
 * invoking that method's own channel, and `onEvent`. Nothing else crosses: no generic
 * `invoke(channel, ...)`, no `ipcRenderer`, no Electron event object (its `sender` would
 * reach the page). The main process validates every payload; the page sees answers as
 * `WireResult` data.
 *
 * @see https://www.electronjs.org/docs/latest/tutorial/context-isolation
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, methodChannel, type BridgeOf } from '../../shared/contract/bridge';
import type { ContractSpec } from '../../shared/contract/define';
import { LAB_CONTRACT, type LabContract } from '../../shared/contract/lab-contract';
import { wireEventSchema, type WireEvent, type WireResult } from '../../shared/contract/wire';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/** The bridge of any contract (the preload uses the Lab's; tests use smaller ones). */
export function createBridge<C extends ContractSpec>(contract: C, ipcRenderer: PreloadIpc): BridgeOf<C> {
  const bridge: Record<string, unknown> = {};
  for (const [service, spec] of Object.entries(contract)) {
    const methods: Record<string, (input: unknown) => Promise<WireResult>> = {};
    for (const method of Object.keys(spec.methods)) {
      const channel = methodChannel(service, method);
      methods[method] = (input: unknown) => ipcRenderer.invoke(channel, input) as Promise<WireResult>;
    }
    bridge[service] = Object.freeze(methods);
  }
  bridge.onEvent = (listener: (event: WireEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('invalid "listener": not a function');
    const onMessage = (_event: IpcRendererEvent, message: unknown) => {
      const parsed = wireEventSchema.safeParse(message);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(EVENT_CHANNEL, onMessage);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onMessage);
    };
  };
  return Object.freeze(bridge) as BridgeOf<C>;
}

/** The Lab's bridge: `window.totangoLab`. */
export function createPreloadApi(ipcRenderer: PreloadIpc): BridgeOf<LabContract> {
  return createBridge(LAB_CONTRACT, ipcRenderer);
}
