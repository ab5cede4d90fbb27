/**
 * How the window reaches the Lab: through the Electron preload's bridge when it is there
 * (`window.totangoLab`), otherwise over browser mode's loopback HTTP and WebSocket on the
 * page's own origin, with the launch token the page was opened with (the host's cookie
 * opens the window's files, never the API). Without a token the window does not try: each
 * call fails with the message that says how to open the Lab.
 *
 * @see ../../../docs/browser-mode.md
 */
import type { BridgeOf } from '../../../shared/contract/bridge';
import { LAB_BRIDGE_KEY } from '../../../shared/contract/bridge';
import { createContractClient, type ContractTransport } from '../../../shared/contract/client';
import { createHttpTransport, type EventSocketConstructor } from '../../../shared/contract/http-transport';
import { createIpcTransport } from '../../../shared/contract/ipc-transport';
import { LAB_CONTRACT, type LabContract } from '../../../shared/contract/lab-contract';
import { httpConnection } from './http-connection';
import { missingTokenMessage, takeLaunchToken, type TokenPage } from './launch-token';
import { IPC_CONNECTION, type ConnectionSource, type LabClient } from './lab-client';

/** What the window offers to connect with: the page's own, or a test's. */
export interface LabHost extends TokenPage {
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
  const token = takeLaunchToken(host);
  if (token === undefined) return withoutToken(missingTokenMessage(host.location.origin));
  const transport = createHttpTransport({
    baseUrl: host.location.origin,
    // Called on the host: the window's fetch refuses to run with another `this`. No cookie: the token is the API's only credential.
    fetch: (url, init) => host.fetch(url, { ...init, credentials: 'omit' }),
    WebSocket: host.WebSocket,
    token,
  });
  return { client: createContractClient(LAB_CONTRACT, transport), connection: httpConnection(transport), via: 'http' };
}

/** A window opened without the launch token: every call fails with `message` (the startup error shows it), and no socket opens. */
function withoutToken(message: string): LabConnection {
  const transport: ContractTransport = {
    call: () => Promise.resolve({ ok: false, error: { code: 'forbidden', message } }),
    subscribe: () => () => {},
  };
  const connection: ConnectionSource = { current: () => ({ state: 'disconnected', error: message }), subscribe: () => () => {} };
  return { client: createContractClient(LAB_CONTRACT, transport), connection, via: 'http' };
}
