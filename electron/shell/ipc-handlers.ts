/**
 * The contract over Electron IPC, main side: one `ipcMain.handle` per method of the
 * contract, on its own channel (`lab:service.method`), so the set of channels is exactly
 * the contract's. Each handler refuses a sender that is not the app's window (as
 * `forbidden` data, never a throw: Electron would keep only a message), then hands the
 * call to the dispatcher, which validates the input before any service runs and checks
 * the answer against the output schema. Events go the other way on one channel.
 *
 * @see ../../shared/contract/dispatch.ts
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { methodChannel, EVENT_CHANNEL } from '../../shared/contract/bridge';
import { methodNames, type ContractSpec } from '../../shared/contract/define';
import type { Dispatcher } from '../../shared/contract/dispatch';
import type { WireEventListener } from '../../shared/contract/events';
import { LAB_CONTRACT } from '../../shared/contract/lab-contract';
import type { WireEvent, WireResult } from '../../shared/contract/wire';

export interface ContractIpcOptions {
  /** The contract whose methods get a channel; the Lab's by default. */
  readonly contract?: ContractSpec;
  /** Told of each refused call (for the log: the channel and the sender's URL, never the payload). */
  readonly onRefused?: (channel: string, senderUrl: string | undefined) => void;
}

function senderUrl(event: IpcMainInvokeEvent): string | undefined {
  try {
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}

/** Registers a handler per contract method; returns the function that removes them all. */
export function registerContractIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatcher: Dispatcher,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  options: ContractIpcOptions = {},
): () => void {
  const channels: string[] = [];
  for (const [service, method] of methodNames(options.contract ?? LAB_CONTRACT)) {
    const channel = methodChannel(service, method);
    ipcMain.handle(channel, async (event, input: unknown): Promise<WireResult> => {
      if (!isTrustedSender(event)) {
        options.onRefused?.(channel, senderUrl(event));
        return { ok: false, error: { code: 'forbidden', message: `the call of "${service}.${method}" did not come from the Lab's window` } };
      }
      try {
        return await dispatcher.dispatch({ service, method, input }, { transport: 'ipc' });
      } catch {
        // The dispatcher answers with data; a throw here is a bug, and its message stays in the main process.
        return { ok: false, error: { code: 'unexpected', message: `the Lab failed to answer "${service}.${method}"` } };
      }
    });
    channels.push(channel);
  }
  return () => {
    for (const channel of channels.splice(0)) ipcMain.removeHandler(channel);
  };
}

/** Anything events can be subscribed on (the services' event hub). */
export interface EventSource {
  subscribe(listener: WireEventListener): () => void;
}

/** Sends every event of `hub` on the event channel (`send` targets the window); returns the unsubscribe function. */
export function forwardEvents(hub: EventSource, send: (channel: string, event: WireEvent) => void): () => void {
  return hub.subscribe((event) => send(EVENT_CHANNEL, event));
}
