/**
 * Demo mode's engine: which grant, which beat, and what each click does. Next sets up
 * the demo app, starts the real flow, reveals each step the Lab reports (one per click),
 * reads the token, and calls an API with it; a beat whose step or answer has not arrived
 * yet holds the Next button until it does.
 */
import { useCallback, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import { ContractError, type ContractErrorData } from '../../../shared/contract/wire';
import { flowProgress, PLANNED_STEPS, type FlowKind, type FlowProgress } from '../areas/flows/flow-plan';
import type { FlowRunState } from '../areas/flows/flow-run-store';
import { loopbackCallbacks } from '../areas/flows/flow-sources';
import { useApiProbe, type ApiProbe } from '../areas/flows/use-api-probe';
import { useFlowRun, useFlowRunStore } from '../areas/flows/use-flow-run';
import { useLab, useLabStores, useNotifyContractError } from '../stores/lab-stores';
import { beatsOf, revealedStepCount, type Beat } from './demo-beats';
import { ensureDemoApp, raiseApplicationLimit, type DemoSetup } from './demo-setup';

export type TokenInspection = MethodOutput<LabContract, 'tokens', 'inspect'>;

export interface Demo {
  readonly grant: FlowKind;
  readonly beats: readonly Beat[];
  readonly index: number;
  readonly beat: Beat;
  readonly busy: boolean;
  readonly setup: DemoSetup | null;
  readonly setupError: ContractErrorData | null;
  readonly run: FlowRunState;
  /** The flow as far as the presenter has revealed it (everything, once it failed). */
  readonly shown: FlowProgress;
  readonly inspection: TokenInspection | null;
  readonly probe: ApiProbe;
  /** Whether the current beat's step or answer is there. */
  readonly arrived: boolean;
  readonly canNext: boolean;
  readonly callbackUrl: string | undefined;
  next(): Promise<void>;
  reset(): void;
  chooseGrant(grant: FlowKind): void;
  raiseLimit(): Promise<void>;
  retrySetup(): Promise<void>;
}

function errorData(error: unknown): ContractErrorData {
  return error instanceof ContractError ? error.toJSON() : { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

export function useDemo(): Demo {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const preferredPort = useLab((state) => state.preferences?.callbackPort ?? null);
  const runStore = useFlowRunStore();
  const run = useFlowRun(runStore, (state) => state);
  const probe = useApiProbe();
  const [grant, setGrant] = useState<FlowKind>('client_credentials');
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const [setup, setSetup] = useState<DemoSetup | null>(null);
  const [setupError, setSetupError] = useState<ContractErrorData | null>(null);
  const [inspection, setInspection] = useState<TokenInspection | null>(null);

  const beats = beatsOf(grant);
  const beat = beats[index]!;
  const app = setup?.kind === 'ready' ? setup.app : null;
  const callbackUrl = app === null ? undefined : loopbackCallbacks(app)[0];
  const failed = run.status === 'failed';
  const full = flowProgress(grant, run.steps, run.status === 'running', run.error);
  const arrived =
    beat.kind === 'setup'
      ? app !== null
      : beat.kind === 'step'
        ? full.items.some((item) => item.name === beat.step && item.state === 'done')
        : beat.kind === 'token'
          ? inspection !== null
          : beat.kind === 'api'
            ? probe.progress.state === 'answered'
            : true;
  const revealed = revealedStepCount(grant, beats, index);
  const plan = PLANNED_STEPS[grant];
  const shownSteps = failed ? run.steps : run.steps.filter((step) => step.step !== 'failed' && plan.findIndex((planned) => planned.name === step.step) < revealed);
  const shown = flowProgress(grant, shownSteps, run.status === 'running' && beat.kind === 'step' && !arrived, failed ? run.error : null);
  const canNext = !busy && !failed && index < beats.length - 1 && arrived;

  const prepare = useCallback(async () => {
    setSetupError(null);
    try {
      setSetup(await ensureDemoApp(client, grant, preferredPort));
    } catch (error) {
      setSetupError(errorData(error));
      notifyError(error, 'setting up the demo app');
    }
  }, [client, grant, preferredPort, notifyError]);

  const next = useCallback(async () => {
    if (!canNext) return;
    const upcoming = beats[index + 1]!;
    setBusy(true);
    try {
      if (upcoming.kind === 'setup') {
        await prepare();
      } else if (upcoming.kind === 'step' && run.status === 'idle' && app !== null) {
        void runStore.getState().run({ flow: grant, targetKey: `mock:${app.region}`, useApplication: app.clientId, ...(grant === 'authorization_code' && callbackUrl !== undefined ? { redirectUri: callbackUrl } : {}) });
      } else if (upcoming.kind === 'token' && run.token !== null) {
        setInspection(await client.tokens.inspect({ token: run.token.accessToken }));
      } else if (upcoming.kind === 'api' && run.token !== null) {
        void probe.probe(run.token.scopes);
      }
      setIndex(index + 1);
    } catch (error) {
      notifyError(error, 'running the demo');
    } finally {
      setBusy(false);
    }
  }, [canNext, beats, index, prepare, run.status, run.token, app, runStore, grant, callbackUrl, client, probe, notifyError]);

  const reset = useCallback(() => {
    runStore.getState().reset();
    probe.reset();
    setIndex(0);
    setSetup(null);
    setSetupError(null);
    setInspection(null);
  }, [runStore, probe]);

  const chooseGrant = useCallback(
    (next: FlowKind) => {
      reset();
      setGrant(next);
    },
    [reset],
  );

  const raiseLimit = useCallback(async () => {
    if (setup?.kind !== 'limit') return;
    setBusy(true);
    try {
      await raiseApplicationLimit(client, setup.limit);
      await prepare();
    } catch (error) {
      notifyError(error, 'raising the application limit');
    } finally {
      setBusy(false);
    }
  }, [client, setup, prepare, notifyError]);

  const retrySetup = useCallback(async () => {
    setBusy(true);
    try {
      await prepare();
    } finally {
      setBusy(false);
    }
  }, [prepare]);

  return { grant, beats, index, beat, busy, setup, setupError, run, shown, inspection, probe, arrived, canNext, callbackUrl, next, reset, chooseGrant, raiseLimit, retrySetup };
}
