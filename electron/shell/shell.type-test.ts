/**
 * Type-level tests of the Electron side of the contract: compiling this file is the
 * assertion (nothing runs). The preload's bridge, the services' handlers and the window's
 * client over IPC all derive from LAB_CONTRACT.
 * @see ../../shared/contract/contract.type-test.ts
 */
import type { BridgeOf } from '../../shared/contract/bridge';
import { createContractClient, type LabClientOf } from '../../shared/contract/client';
import type { Equal, Expect } from '../../shared/contract/contract.type-test';
import type { ContractHandlers } from '../../shared/contract/define';
import { createIpcTransport } from '../../shared/contract/ipc-transport';
import { LAB_CONTRACT, type LabContract } from '../../shared/contract/lab-contract';
import type { RunningLab } from '../boot/start-lab';
import type { LabServices } from '../services/lab-services';
import { createPreloadApi, type createBridge, type PreloadIpc } from './preload-api';
import type { connectOverFakeIpc } from './testing/fake-ipc';

export type ShellChecks = [
  // What the preload exposes is exactly the contract's bridge.
  Expect<Equal<ReturnType<typeof createPreloadApi>, BridgeOf<LabContract>>>,
  Expect<Equal<ReturnType<typeof createBridge<LabContract>>, BridgeOf<LabContract>>>,
  // The services implement the contract's handlers, the ones the IPC handlers dispatch to.
  Expect<Equal<LabServices['handlers'], ContractHandlers<LabContract>>>,
  Expect<Equal<RunningLab['services']['handlers'], ContractHandlers<LabContract>>>,
  // The fake IPC pair gives the browser-mode suite the same bridge the preload gives the window.
  Expect<Equal<ReturnType<typeof connectOverFakeIpc<LabContract>>['bridge'], BridgeOf<LabContract>>>,
];

/** Never called: the window's client over the preload's bridge is the contract's client. */
export function compileOnly(bridge: BridgeOf<LabContract>, ipcRenderer: PreloadIpc): LabClientOf<LabContract> {
  const client = createContractClient(LAB_CONTRACT, createIpcTransport(bridge));
  void client.mock.advanceClock({ seconds: 60 }).then((clock) => clock.offsetSeconds satisfies number);
  // @ts-expect-error the input of mock.advanceClock is { seconds: number }
  void client.mock.advanceClock({ minutes: 1 });
  const api = createPreloadApi(ipcRenderer);
  // @ts-expect-error the bridge has no generic invoke
  void api.invoke('lab:lab.info', {});
  // @ts-expect-error the preload takes an ipcRenderer, not a channel list
  createPreloadApi(['lab:lab.info']);
  return client;
}
