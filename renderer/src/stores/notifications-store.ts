/**
 * Errors the person should see: each contract error becomes a notice with its code and
 * message (the message is the contract's own, lowercase and secret-free).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ContractError, type ContractErrorCode } from '../../../shared/contract/wire';

export interface Notice {
  readonly id: number;
  readonly code: ContractErrorCode;
  readonly message: string;
  /** What was being done, in a few words (`saving the theme`). */
  readonly context?: string;
}

export interface NotificationsState {
  readonly notices: readonly Notice[];
  /** Shows an error; anything that is not a `ContractError` shows as `unexpected`. */
  notifyError(error: unknown, context?: string): void;
  dismiss(id: number): void;
}

/** The most notices kept on screen; older ones give way. */
export const MAX_NOTICES = 4;

export function createNotificationsStore(): StoreApi<NotificationsState> {
  let nextId = 1;
  return createStore<NotificationsState>()((set) => ({
    notices: [],
    notifyError(error, context) {
      const { code, message } = error instanceof ContractError ? error : { code: 'unexpected' as const, message: error instanceof Error ? error.message : String(error) };
      const notice: Notice = { id: nextId++, code, message, ...(context === undefined ? {} : { context }) };
      set((state) => ({ notices: [...state.notices, notice].slice(-MAX_NOTICES) }));
    },
    dismiss(id) {
      set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
    },
  }));
}
