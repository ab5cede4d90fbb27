import { Loader, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ExchangeView } from '../../../../shared/contract/client-schemas';
import { ExchangeDetails } from '../../components/ExchangeDetails';
import { useNotifyContractError } from '../../stores/lab-stores';
import { useDiagnosticsStore } from './use-diagnostics';

type Lookup = { readonly state: 'loading' } | { readonly state: 'found'; readonly exchange: ExchangeView } | { readonly state: 'gone' };

/** The recorded HTTP exchange behind a row: request, response, timing, copy as curl. */
export function RowExchange({ exchangeId, sent }: { readonly exchangeId: string | undefined; readonly sent: boolean }) {
  const store = useDiagnosticsStore();
  const notifyError = useNotifyContractError();
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  useEffect(() => {
    if (exchangeId === undefined) return;
    let current = true;
    setLookup({ state: 'loading' });
    store
      .getState()
      .exchange(exchangeId)
      .then((exchange) => {
        if (current) setLookup(exchange === undefined ? { state: 'gone' } : { state: 'found', exchange });
      })
      .catch((error: unknown) => {
        if (current) setLookup({ state: 'gone' });
        notifyError(error, 'reading the HTTP exchange');
      });
    return () => {
      current = false;
    };
  }, [exchangeId, store, notifyError]);

  if (exchangeId === undefined) {
    return (
      <Text size="sm" c="dimmed">
        {sent ? 'No HTTP exchange was recorded for this call.' : 'No request was sent.'}
      </Text>
    );
  }
  if (lookup.state === 'loading') {
    return (
      <Group gap="xs">
        <Loader size="xs" aria-label="Loading the HTTP exchange" />
        <Text size="sm" c="dimmed">
          Reading the timeline…
        </Text>
      </Group>
    );
  }
  if (lookup.state === 'gone') {
    return (
      <Text size="sm" c="dimmed">
        This exchange is no longer on the timeline (it was cleared): run the diagnostics again to see it.
      </Text>
    );
  }
  return <ExchangeDetails exchange={lookup.exchange} />;
}
