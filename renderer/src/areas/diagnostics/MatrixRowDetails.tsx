import { Stack, Text } from '@mantine/core';
import type { MatrixRowView } from '../../../../shared/contract/client-schemas';
import { FixSuggestion } from './FixSuggestion';
import { nextStep, whatHappened } from './row-explanations';
import { RowExchange } from './RowExchange';

/** A row opened: its cause in plain words, the scope change that fixes it, and its HTTP exchange. */
export function MatrixRowDetails({ row }: { readonly row: MatrixRowView }) {
  const next = nextStep(row);
  return (
    <Stack gap="sm" py="xs">
      <Stack gap={4}>
        <Text fw={600} size="sm">
          What happened
        </Text>
        <Text size="sm" data-testid="row-cause">
          {whatHappened(row)}
        </Text>
        {next === undefined ? null : (
          <Text size="sm">
            <Text span fw={600} size="sm">
              Next:{' '}
            </Text>
            {next}
          </Text>
        )}
        {row.cause?.serverDescription === undefined ? null : (
          <Text size="sm" c="dimmed">
            The server said: “{row.cause.serverDescription}”
          </Text>
        )}
        <Text size="xs" c="dimmed">
          The Lab&apos;s note: {row.note}
        </Text>
      </Stack>
      {row.fix === undefined ? null : <FixSuggestion fix={row.fix} />}
      <Stack gap={4}>
        <Text fw={600} size="sm">
          The HTTP exchange
        </Text>
        <RowExchange exchangeId={row.exchangeId} sent={row.verdict !== 'skipped'} />
      </Stack>
    </Stack>
  );
}
