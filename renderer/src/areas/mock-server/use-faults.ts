/**
 * The faults in force: loaded on mount, reloaded when the mock says they changed, and
 * when a region served a request while any is in force (that request may have used one
 * up, and the mock announces no count-down).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FaultView } from '../../../../shared/contract/mock-schemas';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';

/** Reloads after served requests come at most this often. */
const RELOAD_AFTER_REQUESTS_MS = 400;

export interface FaultsState {
  /** Null until the first answer. */
  readonly faults: readonly FaultView[] | null;
  reload(): Promise<void>;
}

export function useFaults(): FaultsState {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [faults, setFaults] = useState<readonly FaultView[] | null>(null);
  const mounted = useRef(true);
  const inForce = useRef(false);

  const reload = useCallback(async () => {
    try {
      const answer = await client.faults.list({});
      if (!mounted.current) return;
      inForce.current = answer.faults.length > 0;
      setFaults(answer.faults);
    } catch (error) {
      if (mounted.current) notifyError(error, 'loading the faults');
    }
  }, [client, notifyError]);

  useEffect(() => {
    mounted.current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void reload();
    const stopChanged = client.events.on('mock.changed', ({ what }) => {
      if (what === 'faults') void reload();
    });
    const stopRequests = client.events.on('mock.request', ({ server }) => {
      if (server === 'admin' || !inForce.current || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void reload();
      }, RELOAD_AFTER_REQUESTS_MS);
    });
    return () => {
      mounted.current = false;
      clearTimeout(timer);
      stopChanged();
      stopRequests();
    };
  }, [client, reload]);

  return { faults, reload };
}
