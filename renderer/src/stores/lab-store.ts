/**
 * The Lab as the window knows it: whether the contract answered (`appState`, which the
 * page exposes as `data-app-state` for the end-to-end tests), what the Lab is, its
 * preferences and the selected target. Fed by the contract client only.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ContractError, type ContractErrorData } from '../../../shared/contract/wire';
import type { LabClient, LabInfo, LabPreferences, TargetView, ThemePreference } from '../contract/lab-client';

export type AppState = 'loading' | 'ready' | 'error';

export interface LabStoreState {
  readonly appState: AppState;
  readonly info: LabInfo | null;
  readonly preferences: LabPreferences | null;
  /** The theme shown: the saved preference once it is known, the locally remembered one before. */
  readonly theme: ThemePreference;
  readonly selectedTarget: TargetView | null;
  /** Why the Lab could not be reached, when `appState` is `error`. */
  readonly startupError: ContractErrorData | null;
  /** Asks the Lab what it is; `ready` once it answers. Safe to call again (the retry button). */
  load(): Promise<void>;
  /** Shows the theme at once and saves it through `lab.updatePreferences`; reverts if saving fails. */
  setTheme(theme: ThemePreference): Promise<void>;
  /** Reads the selected target again (after `targets.changed`). */
  refreshTarget(): Promise<void>;
}

export interface LabStoreOptions {
  /** Where errors the person should see go (the notifications store). */
  readonly notifyError: (error: unknown, context: string) => void;
  /** The theme remembered on this device, shown until the Lab's preference arrives. */
  readonly initialTheme?: ThemePreference;
  /** How long `lab.info` may take before the window says the Lab does not answer. */
  readonly answerTimeoutMs?: number;
}

export const DEFAULT_ANSWER_TIMEOUT_MS = 15_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ContractError({ code: 'timeout', message: `the Lab did not answer "${what}" within ${Math.round(ms / 1000)} s` })), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function errorData(error: unknown): ContractErrorData {
  if (error instanceof ContractError) return error.toJSON();
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

export function createLabStore(client: LabClient, options: LabStoreOptions): StoreApi<LabStoreState> {
  const timeoutMs = options.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS;
  // A newer load or theme change wins over an older one still in flight.
  let loadGeneration = 0;
  let themeGeneration = 0;

  return createStore<LabStoreState>()((set, get) => {
    async function loadPreferences(generation: number): Promise<void> {
      try {
        const preferences = await client.lab.preferences({});
        if (generation !== loadGeneration) return;
        set(themeGeneration === 0 ? { preferences, theme: preferences.theme } : { preferences: { ...preferences, theme: get().theme } });
      } catch (error) {
        options.notifyError(error, 'reading the preferences');
      }
    }

    return {
      appState: 'loading',
      info: null,
      preferences: null,
      theme: options.initialTheme ?? 'auto',
      selectedTarget: null,
      startupError: null,

      async load() {
        const generation = ++loadGeneration;
        set({ appState: 'loading', startupError: null });
        try {
          const info = await withTimeout(client.lab.info({}), timeoutMs, 'lab.info');
          if (generation !== loadGeneration) return;
          set({ appState: 'ready', info });
        } catch (error) {
          if (generation !== loadGeneration) return;
          set({ appState: 'error', startupError: errorData(error) });
          return;
        }
        await Promise.all([loadPreferences(generation), get().refreshTarget()]);
      },

      async setTheme(theme) {
        const generation = ++themeGeneration;
        const previous = get().theme;
        set({ theme });
        try {
          const preferences = await client.lab.updatePreferences({ theme });
          if (generation === themeGeneration) set({ preferences, theme: preferences.theme });
        } catch (error) {
          if (generation === themeGeneration) set({ theme: previous });
          options.notifyError(error, 'saving the theme');
        }
      },

      async refreshTarget() {
        try {
          const { targets, selected } = await client.targets.list({});
          set({ selectedTarget: targets.find((target) => target.key === selected) ?? null });
        } catch (error) {
          options.notifyError(error, 'reading the targets');
        }
      },
    };
  });
}
