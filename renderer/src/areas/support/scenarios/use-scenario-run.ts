/** One scenario's run as its card shows it: the steps as they are done, the notices, then the outcome or the error. */
import { useCallback, useState } from 'react';
import { ContractError } from '../../../../../shared/contract/wire';
import { useLab, useLabStores, useNotifyContractError } from '../../../stores/lab-stores';
import type { Scenario, ScenarioOutcome } from './scenarios';

export interface ScenarioRun {
  readonly status: 'idle' | 'running' | 'done' | 'failed';
  readonly steps: readonly string[];
  readonly notices: readonly string[];
  readonly outcome: ScenarioOutcome | null;
  /** Why the set-up stopped, when it failed. */
  readonly error: string | null;
}

const IDLE: ScenarioRun = { status: 'idle', steps: [], notices: [], outcome: null, error: null };

export function useScenarioRun(scenario: Scenario): { readonly run: ScenarioRun; start(): Promise<void> } {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const callbackPort = useLab((state) => state.preferences?.callbackPort ?? null);
  const [run, setRun] = useState<ScenarioRun>(IDLE);

  const start = useCallback(async () => {
    setRun({ ...IDLE, status: 'running' });
    const log = {
      step: (text: string) => setRun((now) => ({ ...now, steps: [...now.steps, text] })),
      notice: (text: string) => setRun((now) => ({ ...now, notices: [...now.notices, text] })),
    };
    try {
      const outcome = await scenario.run(client, { callbackPort }, log);
      setRun((now) => ({ ...now, status: 'done', outcome }));
    } catch (error) {
      const message = error instanceof ContractError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
      setRun((now) => ({ ...now, status: 'failed', error: message }));
      notifyError(error, `setting up “${scenario.title}”`);
    }
  }, [client, callbackPort, notifyError, scenario]);

  return { run, start };
}
