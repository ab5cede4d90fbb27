/**
 * An in-memory `ipcMain`/`ipcRenderer` pair in one process, faithful where the contract
 * depends on it: one handler per channel (a second registration throws), arguments and
 * answers structured-cloned both ways, a call to a channel without handler rejected, each
 * invoke carrying the window's `sender` and `senderFrame`, and `webContents.send`
 * delivered to the renderer's listeners asynchronously. `connectOverFakeIpc` wires the
 * real IPC handlers, sender check and preload bridge over it, for tests that run the
 * contract over the IPC transport.
 */
import type { IpcMain, IpcMainInvokeEvent, IpcRendererEvent, WebContents } from 'electron';
import type { BridgeOf } from '../../../shared/contract/bridge';
import type { ContractTransport } from '../../../shared/contract/client';
import type { ContractSpec } from '../../../shared/contract/define';
import type { Dispatcher } from '../../../shared/contract/dispatch';
import { createIpcTransport } from '../../../shared/contract/ipc-transport';
import { LAB_CONTRACT, type LabContract } from '../../../shared/contract/lab-contract';
import { APP_ENTRY_URL } from '../app-protocol';
import { forwardEvents, registerContractIpc, type EventSource } from '../ipc-handlers';
import { createBridge, type PreloadIpc } from '../preload-api';
import { BUILT_RENDERER } from '../renderer-location';
import { createSenderCheck } from '../sender-check';

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type RendererListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

/** Who the next invokes come from. */
export interface FakeSender {
  /** `window`: the app's window (the default); `other`: some other contents. */
  readonly contents?: 'window' | 'other';
  /** The sender frame's URL; the app's entry page by default. */
  readonly url?: string;
  /** The call comes from a subframe of the page. */
  readonly subframe?: boolean;
  /** The frame is gone (Electron's `senderFrame` is then null). */
  readonly frameGone?: boolean;
}

export interface FakeIpcPair {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly ipcRenderer: PreloadIpc;
  /** The window's contents: the `sender` of invokes by default; `send` reaches the renderer's listeners. */
  readonly webContents: WebContents;
  /** Changes who the next invokes come from. */
  setSender(sender: FakeSender): void;
  /** The channels with a handler, sorted. */
  handledChannels(): string[];
  /** How many listeners the renderer has on a channel. */
  listenerCount(channel: string): number;
}

export function createFakeIpcPair(): FakeIpcPair {
  const handlers = new Map<string, InvokeHandler>();
  const listeners = new Map<string, Set<RendererListener>>();
  const rendererEvent = {} as IpcRendererEvent;
  const webContents = {
    id: 1,
    send(channel: string, ...args: unknown[]) {
      const cloned = structuredClone(args);
      queueMicrotask(() => {
        for (const listener of [...(listeners.get(channel) ?? [])]) listener(rendererEvent, ...cloned);
      });
    },
    isDestroyed: () => false,
  } as unknown as WebContents;
  const otherContents = { id: 2 } as unknown as WebContents;
  let sender: FakeSender = {};

  const invokeEvent = (): IpcMainInvokeEvent => {
    const url = sender.url ?? APP_ENTRY_URL;
    const mainFrame = { url, parent: null };
    const frame = sender.frameGone ? null : sender.subframe ? { url, parent: mainFrame } : mainFrame;
    return { sender: sender.contents === 'other' ? otherContents : webContents, senderFrame: frame, frameId: 1, processId: 1 } as unknown as IpcMainInvokeEvent;
  };

  const ipcMain = {
    handle(channel: string, handler: InvokeHandler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>;

  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]) {
      const cloned = structuredClone(args);
      const handler = handlers.get(channel);
      if (handler === undefined) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      try {
        return structuredClone(await handler(invokeEvent(), ...cloned));
      } catch (error) {
        // Electron keeps only the message of what a handler threw.
        throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
      }
    },
    on(channel: string, listener: RendererListener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: RendererListener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  } as unknown as PreloadIpc;

  return {
    ipcMain,
    ipcRenderer,
    webContents,
    setSender: (next) => {
      sender = next;
    },
    handledChannels: () => [...handlers.keys()].sort(),
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  };
}

export interface FakeIpcConnection<C extends ContractSpec> {
  readonly pair: FakeIpcPair;
  /** What the preload would expose as `window.totangoLab`. */
  readonly bridge: BridgeOf<C>;
  /** The window's transport over that bridge (`createIpcTransport`). */
  readonly transport: ContractTransport;
  /** Removes the handlers and stops forwarding events. */
  close(): void;
}

/**
 * The contract over the fake pair, wired as `electron/main.ts` wires it: the IPC handlers
 * with the real sender check (the app's window, on the app's page), events forwarded to
 * the window, the preload's bridge, and the IPC transport over it.
 */
export function connectOverFakeIpc<C extends ContractSpec = LabContract>(options: { readonly dispatcher: Dispatcher; readonly events?: EventSource; readonly contract?: C }): FakeIpcConnection<C> {
  const pair = createFakeIpcPair();
  const contract = (options.contract ?? LAB_CONTRACT) as C;
  const isTrustedSender = createSenderCheck({ windowContents: () => pair.webContents, isAppUrl: BUILT_RENDERER.isAppUrl });
  const unregister = registerContractIpc(pair.ipcMain, options.dispatcher, isTrustedSender, { contract });
  const stopEvents = options.events === undefined ? () => {} : forwardEvents(options.events, (channel, event) => pair.webContents.send(channel, event));
  const bridge = createBridge(contract, pair.ipcRenderer);
  return {
    pair,
    bridge,
    transport: createIpcTransport(bridge),
    close: () => {
      stopEvents();
      unregister();
    },
  };
}
