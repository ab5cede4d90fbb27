import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { EndpointId } from '../../../../shared/catalogue';
import { useLabStores, useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import { EndpointPicker } from './EndpointPicker';
import { LeastPrivilegeResult, type LeastPrivilegeView } from './LeastPrivilegeResult';

/**
 * The least-privilege recommender: tick the endpoints an integration needs, get the
 * smallest set of scopes that covers them, and warnings about the current token's wider grants.
 */
export function LeastPrivilegePanel() {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const tokenScopes = useWorkbench((state) => state.currentToken?.scopes);
  const [selected, setSelected] = useState<ReadonlySet<EndpointId>>(new Set());
  const [result, setResult] = useState<LeastPrivilegeView | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (selected.size === 0) {
      setResult(null);
      setPending(false);
      return;
    }
    let current = true;
    setPending(true);
    client.diagnostics
      .leastPrivilege({ endpointIds: [...selected] })
      .then((answer) => {
        if (current) setResult(answer);
      })
      .catch((error: unknown) => {
        if (current) notifyError(error, 'working out the least-privilege scopes');
      })
      .finally(() => {
        if (current) setPending(false);
      });
    return () => {
      current = false;
    };
    // The token's scopes change the warnings: ask again when they change.
  }, [client, selected, tokenScopes, notifyError]);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" maw={640}>
          Tick the endpoints your integration needs: the Lab names the smallest set of scopes that covers them
          {tokenScopes === undefined ? '.' : ', and warns where the current token grants more.'}
        </Text>
        <Button variant="default" size="sm" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
          Clear the ticks
        </Button>
      </Group>
      <EndpointPicker selected={selected} onChange={setSelected} />
      {pending ? (
        <Group gap="xs">
          <Loader size="xs" aria-label="Working out the scopes" />
          <Text size="sm" c="dimmed">
            Working out the scopes…
          </Text>
        </Group>
      ) : null}
      {result === null ? (
        selected.size === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing ticked yet.
          </Text>
        ) : null
      ) : (
        <LeastPrivilegeResult result={result} comparedWithToken={tokenScopes !== undefined} />
      )}
    </Stack>
  );
}
