/**
 * The request log of the Mock server screen: `mock.requests` once on mount for what
 * came before, then every `mock.request` event. It lives as long as the screen, so
 * the log keeps filling while another tab of the screen is shown.
 */
import { useEffect, useMemo, useReducer } from 'react';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';
import { INITIAL_REQUEST_LOG, LOG_CAPACITY, requestLogReducer, type RequestLogState } from './request-log';

export interface RequestLogControls {
  readonly log: RequestLogState;
  pause(): void;
  resume(): void;
  clear(): void;
}

export function useRequestLog(): RequestLogControls {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [log, dispatch] = useReducer(requestLogReducer, INITIAL_REQUEST_LOG);
  useEffect(() => {
    let mounted = true;
    const stop = client.events.on('mock.request', (request) => dispatch({ type: 'arrived', request }));
    client.mock.requests({ limit: LOG_CAPACITY }).then(
      ({ requests }) => {
        if (mounted) dispatch({ type: 'loaded', requests });
      },
      (error: unknown) => {
        if (!mounted) return;
        dispatch({ type: 'loadFailed' });
        notifyError(error, "reading the mock's request log");
      },
    );
    return () => {
      mounted = false;
      stop();
    };
  }, [client, notifyError]);
  return useMemo(
    () => ({
      log,
      pause: () => dispatch({ type: 'pause' }),
      resume: () => dispatch({ type: 'resume' }),
      clear: () => dispatch({ type: 'clear' }),
    }),
    [log],
  );
}
