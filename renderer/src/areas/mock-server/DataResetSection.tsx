import { Button, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';

/** What `mock.resetData` puts back to its seed, and what it leaves alone. */
export const RESET_DATA = ['accounts and their users (contacts)', 'account, user and collection attribute definitions, and collections', 'events, touchpoints, teams and SCIM users', 'the audit log of API calls'] as const;
export const KEPT_DATA = ['the OAuth applications, their secrets and certificates', "the mock account's Totango users (the Users tab)", 'the settings, the clock and the faults in force'] as const;

/** Put the tenant's data back to its seed, after a confirmation that says what goes and what stays. */
export function DataResetSection() {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [done, setDone] = useState(false);
  const reset = async () => {
    setResetting(true);
    try {
      await client.mock.resetData({});
      setConfirming(false);
      setDone(true);
    } catch (error) {
      notifyError(error, "resetting the tenant's data");
    } finally {
      setResetting(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="data-reset-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="data-reset-title">
          Tenant data
        </Title>
        <Text size="sm" c="dimmed">
          What the catalogued APIs read and write. Reset it after a test that changed it, to start again from the seed.
        </Text>
        <Group gap="sm">
          <Button variant="light" color="red" size="xs" onClick={() => (setDone(false), setConfirming(true))}>
            Reset tenant data…
          </Button>
          <Text size="sm" c="teal" role="status">
            {done ? 'The tenant data is back to its seed.' : ''}
          </Text>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Reset the tenant data?" centered>
        <Stack gap="sm">
          <Text size="sm" fw={500}>
            Put back to the seed, losing every change the APIs made:
          </Text>
          <List size="sm" aria-label="Reset">
            {RESET_DATA.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
          <Text size="sm" fw={500}>
            Not touched:
          </Text>
          <List size="sm" aria-label="Not touched">
            {KEPT_DATA.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={resetting}>
              Cancel
            </Button>
            <Button color="red" loading={resetting} onClick={() => void reset()} data-autofocus>
              Reset tenant data
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
