/**
 * How the window reaches the Lab: through the Electron preload's bridge when it is there
 * (`window.totangoLab`), otherwise over browser mode's loopback HTTP and WebSocket on the
 * page's own origin (the launch cookie authenticates both).
 */
import type { BridgeOf } from '../../../shared/contract/bridge';
import { LAB_BRIDGE_KEY } from '../../../shared/contract/bridge';
import { createContractClient } from '../../../shared/contract/client';
import { createHttpTransport, type EventSocketConstructor } from '../../../shared/contract/http-transport';
import { createIpcTransport } from '../../../shared/contract/ipc-transport';
import { LAB_CONTRACT, type LabContract } from '../../../shared/contract/lab-contract';
import { httpConnection } from './http-connection';
import { IPC_CONNECTION, type ConnectionSource, type LabClient } from './lab-client';

/** What the window offers to connect with: the page's own, or a test's. */
export interface LabHost {
  readonly location: { readonly origin: string };
  readonly fetch: (url: string, init: RequestInit) => Promise<{ readonly status: number; text(): Promise<string> }>;
  readonly WebSocket: EventSocketConstructor;
  readonly [LAB_BRIDGE_KEY]?: BridgeOf<LabContract>;
}

export interface LabConnection {
  readonly client: LabClient;
  readonly connection: ConnectionSource;
  readonly via: 'ipc' | 'http';
}

export function connectToLab(host: LabHost): LabConnection {
  const bridge = host[LAB_BRIDGE_KEY];
  if (bridge !== undefined) {
    return { client: createContractClient(LAB_CONTRACT, createIpcTransport(bridge)), connection: IPC_CONNECTION, via: 'ipc' };
  }
  const transport = createHttpTransport({
    baseUrl: host.location.origin,
    // Called on the host: the window's fetch refuses to run with another `this`.
    fetch: (url, init) => host.fetch(url, { ...init, credentials: 'same-origin' }),
    WebSocket: host.WebSocket,
  });
  return { client: createContractClient(LAB_CONTRACT, transport), connection: httpConnection(transport), via: 'http' };
}
