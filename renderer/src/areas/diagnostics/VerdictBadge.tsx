import { Badge, Stack, Text } from '@mantine/core';
import { VERDICT_LOOK, type Verdict } from './verdicts';

/** The verdict of a row: pass green, fail red, mismatch orange with "worth a support ticket". */
export function VerdictBadge({ verdict }: { readonly verdict: Verdict }) {
  const look = VERDICT_LOOK[verdict];
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={look.color} variant={verdict === 'skipped' ? 'outline' : 'filled'} title={look.meaning}>
        {look.label}
      </Badge>
      {verdict === 'mismatch' ? (
        <Text size="xs" c="orange">
          worth a support ticket
        </Text>
      ) : null}
    </Stack>
  );
}
