import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { TargetView } from '../../contract/lab-client';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';

/**
 * "Use in the Lab": loads the app (its secret held this session, its certificate for
 * mutual TLS) as the credentials of its region's mock target, selects that target, and
 * offers the way to Flows.
 */
export function UseInLabButton({ clientId, name }: { readonly clientId: string; readonly name: string }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [loading, setLoading] = useState(false);
  const [target, setTarget] = useState<TargetView | null>(null);
  const use = async () => {
    setLoading(true);
    try {
      setTarget(await client.targets.useApplication({ clientId }));
    } catch (error) {
      notifyError(error, `loading "${name}" into the Lab`);
    } finally {
      setLoading(false);
    }
  };
  if (target !== null) {
    return (
      <Alert color="teal" role="status" title="Loaded in the Lab">
        <Group justify="space-between" gap="sm">
          <Text size="sm">
            {name} is now the credentials of {target.label}, the selected target.
          </Text>
          <Button size="xs" onClick={() => (window.location.hash = '#/flows')}>
            Go to Flows
          </Button>
        </Group>
      </Alert>
    );
  }
  return (
    <Button variant="light" loading={loading} onClick={() => void use()}>
      Use in the Lab
    </Button>
  );
}
