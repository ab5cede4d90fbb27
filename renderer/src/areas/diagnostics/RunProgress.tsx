import { Group, Progress, Text } from '@mantine/core';
import type { RunInProgress } from './diagnostics-store';

/** "12 of 29": how far the run in progress got. */
export function RunProgress({ running }: { readonly running: RunInProgress }) {
  const done = running.rows.length;
  const label = `${done} of ${running.expected}`;
  return (
    <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 200 }}>
      <Progress.Root style={{ flex: 1 }} size="lg">
        <Progress.Section
          withAria={false}
          role="progressbar"
          aria-label="Diagnostics progress"
          aria-valuemin={0}
          aria-valuemax={running.expected}
          aria-valuenow={done}
          aria-valuetext={`${label} endpoints`}
          value={running.expected === 0 ? 0 : (100 * done) / running.expected}
          animated
        />
      </Progress.Root>
      <Text size="sm" c="dimmed" data-testid="diagnostics-progress" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
    </Group>
  );
}
