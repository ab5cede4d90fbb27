import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { FaultView } from '../../../../shared/contract/mock-schemas';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';
import { describeFault, describeRemaining, faultTargetLabel } from './fault-targets';

const KIND_COLORS = { error: 'red', rate_limit: 'orange', latency: 'yellow' } as const;

/** The faults in force, each removable, with how many requests each still affects. */
export function FaultList({ faults, onChanged }: { readonly faults: readonly FaultView[] | null; readonly onChanged: () => void }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (key: string, context: string, work: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await work();
      onChanged();
    } catch (error) {
      notifyError(error, context);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="faults-in-force-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="faults-in-force-title">
            Faults in force
          </Title>
          {faults !== null && faults.length > 0 ? (
            <Button size="xs" variant="light" color="red" loading={busy === 'all'} disabled={busy !== null && busy !== 'all'} onClick={() => void run('all', 'clearing the faults', () => client.faults.clearAll({}))}>
              Clear all faults
            </Button>
          ) : null}
        </Group>
        {faults === null ? (
          <Skeleton height={60} aria-label="Loading the faults" />
        ) : faults.length === 0 ? (
          <Text c="dimmed" size="sm">
            No fault is in force: the mock answers every request normally. Inject one with the form to reproduce a customer&apos;s failure.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label="Faults in force" fz="sm" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Where</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Remaining</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {faults.map((fault) => (
                  <Table.Tr key={fault.id} data-testid="fault-row">
                    <Table.Td>{faultTargetLabel(fault.target)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <Badge size="sm" variant="light" color={KIND_COLORS[fault.kind]}>
                          {fault.kind.replace('_', ' ')}
                        </Badge>
                        <Text size="sm">{describeFault(fault)}</Text>
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{describeRemaining(fault.remaining)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Clear the fault on ${faultTargetLabel(fault.target)}`}
                        loading={busy === fault.id}
                        disabled={busy !== null && busy !== fault.id}
                        onClick={() => void run(fault.id, 'clearing the fault', () => client.faults.clear({ faultId: fault.id }))}
                      >
                        Clear
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
