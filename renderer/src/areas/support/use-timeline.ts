/**
 * The recorder's timeline as the Support screen shows it: read once with
 * `recorder.timeline`, then kept current by `recorder.exchange` (one more exchange) and
 * `recorder.cleared` (emptied) events. Newest first.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ExchangeView } from '../../../../shared/contract/client-schemas';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';

export interface Timeline {
  /** Newest first. */
  readonly exchanges: readonly ExchangeView[];
  /** Until `recorder.timeline` answers the first time. */
  readonly loading: boolean;
  readonly clearing: boolean;
  clear(): Promise<void>;
}

/** Adds exchanges not seen yet, keeping the order they were recorded in (oldest first). */
function merged(known: readonly ExchangeView[], more: readonly ExchangeView[]): ExchangeView[] {
  const ids = new Set(known.map((exchange) => exchange.id));
  return [...known, ...more.filter((exchange) => !ids.has(exchange.id))];
}

export function useTimeline(): Timeline {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [recorded, setRecorded] = useState<readonly ExchangeView[]>([]);
  const [loading, setLoading] = useState(true);
  const [clearing, setClearing] = useState(false);

  useEffect(() => {
    let live = true;
    // Listen first, so that nothing recorded while the timeline loads is missed.
    const stops = [
      client.events.on('recorder.exchange', (exchange) => setRecorded((known) => merged(known, [exchange]))),
      client.events.on('recorder.cleared', () => setRecorded([])),
    ];
    client.recorder
      .timeline({})
      .then(({ exchanges }) => {
        // The events that came meanwhile are newer than the timeline's answer.
        if (live) setRecorded((arrived) => merged(exchanges, arrived));
      })
      .catch((error: unknown) => {
        if (live) notifyError(error, 'reading the timeline');
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
      stops.forEach((stop) => stop());
    };
  }, [client, notifyError]);

  const clear = useCallback(async () => {
    setClearing(true);
    try {
      await client.recorder.clear({});
      setRecorded([]);
    } catch (error) {
      notifyError(error, 'clearing the timeline');
    } finally {
      setClearing(false);
    }
  }, [client, notifyError]);

  const exchanges = useMemo(() => [...recorded].reverse(), [recorded]);
  return { exchanges, loading, clearing, clear };
}
