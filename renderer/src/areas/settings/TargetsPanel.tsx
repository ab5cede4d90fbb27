import { Badge, Button, Code, Group, Loader, Paper, Radio, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TargetView } from '../../contract/lab-client';
import { useLabStores, useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import { AddCustomTargetForm } from './AddCustomTargetForm';
import { TargetEndpoints } from './TargetEndpoints';

const KIND_TEXT: Readonly<Record<TargetView['kind'], string>> = { mock: 'mock', totango: 'Totango', custom: 'custom' };

function TargetItem({ target, selected, busy }: { readonly target: TargetView; readonly selected: boolean; readonly busy: boolean }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [showEndpoints, setShowEndpoints] = useState(false);
  const [removing, setRemoving] = useState(false);
  const remove = async () => {
    setRemoving(true);
    try {
      await client.targets.removeCustom({ targetKey: target.key });
    } catch (error) {
      notifyError(error, `removing ${target.label}`);
      setRemoving(false);
    }
  };
  return (
    <Paper withBorder p="sm" data-target={target.key} data-selected={selected}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Radio value={target.key} label={target.label} description={target.baseUrl || 'not answering'} disabled={busy} styles={{ description: { wordBreak: 'break-all' } }} />
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Badge variant="outline" color="gray">
              {KIND_TEXT[target.kind]}
            </Badge>
            {target.credentials === null ? (
              <Badge variant="light" color="gray">
                no credentials
              </Badge>
            ) : (
              // Client IDs are case-sensitive: shown as they are, not in an upper-case badge.
              <Text size="xs" data-testid="target-client-id">
                client <Code fz="xs">{target.credentials.clientId}</Code>
              </Text>
            )}
            <Button size="xs" variant="subtle" onClick={() => setShowEndpoints((open) => !open)} aria-expanded={showEndpoints} aria-label={`${showEndpoints ? 'Hide' : 'Show'} the endpoints of ${target.label}`}>
              {showEndpoints ? 'Hide endpoints' : 'Endpoints'}
            </Button>
            {target.kind === 'custom' ? (
              <Button size="xs" variant="subtle" color="red" onClick={() => void remove()} loading={removing} aria-label={`Remove ${target.label}`}>
                Remove
              </Button>
            ) : null}
          </Group>
        </Group>
        {showEndpoints ? <TargetEndpoints targetKey={target.key} label={target.label} /> : null}
      </Stack>
    </Paper>
  );
}

/** Where flows, calls and diagnostics go: the mock, Totango US or EU, or a custom base URL. */
export function TargetsPanel() {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const targets = useWorkbench((state) => state.targets);
  const selected = useWorkbench((state) => state.selectedTarget);
  const loaded = useWorkbench((state) => state.loaded);
  const refreshTargets = useWorkbench((state) => state.refreshTargets);
  const [selecting, setSelecting] = useState<string | null>(null);

  const select = async (targetKey: string) => {
    setSelecting(targetKey);
    try {
      await client.targets.select({ targetKey });
      // Read back before the choice stops showing, so that the old one never flashes back.
      await refreshTargets();
    } catch (error) {
      notifyError(error, 'selecting the target');
    } finally {
      setSelecting(null);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-targets-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="settings-targets-title">
          Targets
        </Title>
        <Text size="sm" c="dimmed">
          The selected target is where flows, API calls and diagnostics go. The local mock needs no network; Totango US and EU are the real regions.
        </Text>
        {!loaded && targets.length === 0 ? (
          <Stack gap="xs" role="status" aria-label="Loading the targets">
            <Skeleton height={56} />
            <Skeleton height={56} />
          </Stack>
        ) : (
          <Radio.Group value={selecting ?? selected} onChange={(key) => void select(key)} label="Target used by flows, calls and diagnostics">
            <Stack gap="xs" mt="xs">
              {targets.map((target) => (
                <TargetItem key={target.key} target={target} selected={target.key === selected} busy={selecting !== null} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {selecting === null ? null : (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">Selecting the target…</Text>
          </Group>
        )}
        <Title order={3} size="h5" mt="sm">
          Add a custom target
        </Title>
        <AddCustomTargetForm />
      </Stack>
    </Paper>
  );
}
