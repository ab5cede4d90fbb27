/**
 * The window's view of the contract: the typed client of `LAB_CONTRACT`, and the state of
 * the link it travels over. The IPC link of the Electron window is up as long as the
 * window lives; browser mode's WebSocket can drop and reconnect.
 */
import type { LabClientOf } from '../../../shared/contract/client';
import type { MethodOutput } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';

export type LabClient = LabClientOf<LabContract>;
export type LabInfo = MethodOutput<LabContract, 'lab', 'info'>;
export type LabPreferences = MethodOutput<LabContract, 'lab', 'preferences'>;
export type ThemePreference = LabPreferences['theme'];
export type TargetView = MethodOutput<LabContract, 'targets', 'list'>['targets'][number];

/** `disconnected` means the link dropped and is being re-established. */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionStatus {
  readonly state: ConnectionState;
  /** Why the link is down, when it is. */
  readonly error?: string;
}

export interface ConnectionSource {
  current(): ConnectionStatus;
  /** Every change of state; returns the unsubscribe function. */
  subscribe(listener: (status: ConnectionStatus) => void): () => void;
}

/** The Electron window's link: IPC to its own main process, up for the window's lifetime. */
export const IPC_CONNECTION: ConnectionSource = Object.freeze({
  current: () => ({ state: 'connected' as const }),
  subscribe: () => () => {},
});
