/**
 * One flow run as the window follows it: the request sent through the contract, the
 * `flows.step` events of that flow (the first one names its id), the consent page the
 * Lab asks the window to open in browser mode (`flows.openUrl`), and how it ended: the
 * token, or the error. The Flows screen and demo mode each keep one.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CurrentToken, FlowStepView } from '../../../../shared/contract/client-schemas';
import { ContractError, type ContractErrorData } from '../../../../shared/contract/wire';
import type { LabClient } from '../../contract/lab-client';
import type { FlowKind } from './flow-plan';

export interface FlowRequest {
  readonly flow: FlowKind;
  readonly targetKey: string;
  /** A mock application the Lab holds the secret of: loaded onto its target first (`targets.useApplication`). */
  readonly useApplication?: string;
  /** A subset of the app's scopes (or more, to see them refused); absent for all of them. */
  readonly scopes?: readonly string[];
  /** Authorization code: the exact callback URL, or a loopback port (null for an ephemeral one). */
  readonly redirectUri?: string;
  readonly callbackPort?: number | null;
}

export type FlowRunStatus = 'idle' | 'running' | 'succeeded' | 'failed';

export interface FlowRunState {
  readonly status: FlowRunStatus;
  readonly request: FlowRequest | null;
  readonly flowId: string | null;
  readonly steps: readonly FlowStepView[];
  /** Browser mode: the authorization URL the window was asked to open. */
  readonly consentUrl: string | null;
  readonly token: CurrentToken | null;
  readonly error: ContractErrorData | null;
  readonly cancelling: boolean;
  run(request: FlowRequest): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

export interface FlowRunStore extends StoreApi<FlowRunState> {
  /** Follows the contract's flow events; returns the function that stops. */
  follow(): () => void;
}

export interface FlowRunOptions {
  /** Opens the consent page in a new tab (browser mode); `window.open` by default. */
  readonly openWindow?: (url: string) => void;
  readonly notifyError: (error: unknown, context?: string) => void;
}

function errorData(error: unknown): ContractErrorData {
  if (error instanceof ContractError) return error.toJSON();
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

export function openInNewTab(url: string): void {
  // Not a user gesture: a pop-up blocker may refuse it, so the screen shows the link too.
  window.open(url, '_blank', 'noopener');
}

const IDLE = { status: 'idle', request: null, flowId: null, steps: [], consentUrl: null, token: null, error: null, cancelling: false } as const;

export function createFlowRunStore(client: LabClient, options: FlowRunOptions): FlowRunStore {
  const openWindow = options.openWindow ?? openInNewTab;
  // Runs number themselves, so that a late answer of an earlier run changes nothing.
  let generation = 0;
  const finishedFlowIds = new Set<string>();

  const store = createStore<FlowRunState>()((set, get) => ({
    ...IDLE,
    async run(request) {
      const current = ++generation;
      const previous = get().flowId;
      if (previous !== null) finishedFlowIds.add(previous);
      set({ ...IDLE, status: 'running', request });
      try {
        if (request.useApplication !== undefined) await client.targets.useApplication({ clientId: request.useApplication });
        const common = { targetKey: request.targetKey, ...(request.scopes === undefined ? {} : { scopes: [...request.scopes] }) };
        const outcome =
          request.flow === 'client_credentials'
            ? await client.flows.clientCredentials(common)
            : await client.flows.authorizationCode({
                ...common,
                ...(request.redirectUri === undefined ? {} : { redirectUri: request.redirectUri }),
                ...(request.callbackPort === undefined ? {} : { callbackPort: request.callbackPort }),
              });
        if (current !== generation) return;
        set({ status: 'succeeded', flowId: outcome.flowId, steps: outcome.steps, token: outcome.token });
      } catch (error) {
        if (current !== generation) return;
        set({ status: 'failed', error: errorData(error) });
      }
    },
    async cancel() {
      set({ cancelling: true });
      try {
        await client.flows.cancel({});
      } catch (error) {
        options.notifyError(error, 'cancelling the flow');
      } finally {
        set({ cancelling: false });
      }
    },
    reset() {
      generation += 1;
      const previous = get().flowId;
      if (previous !== null) finishedFlowIds.add(previous);
      set({ ...IDLE });
    },
  }));

  /** Whether an event of `flowId` belongs to this run: its own id, or the first one while the run has none yet. */
  const ours = (flowId: string, flow: FlowKind | undefined): boolean => {
    const state = store.getState();
    if (state.request === null || finishedFlowIds.has(flowId)) return false;
    if (state.flowId !== null) return state.flowId === flowId;
    return state.status !== 'idle' && (flow === undefined || flow === state.request.flow);
  };

  const follow = () => {
    const stops = [
      client.events.on('flows.step', (step) => {
        if (!ours(step.flowId, step.flow)) return;
        store.setState((state) => {
          const known = state.steps.some((seen) => seen.step === step.step && seen.at === step.at);
          return known ? { flowId: step.flowId } : { flowId: step.flowId, steps: [...state.steps, step] };
        });
      }),
      client.events.on('flows.openUrl', ({ flowId, url }) => {
        if (store.getState().status !== 'running' || !ours(flowId, undefined)) return;
        store.setState({ flowId, consentUrl: url });
        openWindow(url);
      }),
    ];
    return () => stops.forEach((stop) => stop());
  };
  return Object.assign(store, { follow });
}
