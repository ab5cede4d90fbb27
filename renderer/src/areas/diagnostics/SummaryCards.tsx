import { Paper, SimpleGrid, Text } from '@mantine/core';
import { VERDICT_LOOK, VERDICTS, type Verdict } from './verdicts';

/** One card per verdict with its count, coloured like the badges. */
export function SummaryCards({ counts }: { readonly counts: Readonly<Record<Verdict, number>> }) {
  return (
    <SimpleGrid cols={{ base: 3, md: 5 }} spacing="sm" role="list" aria-label="Verdict counts">
      {VERDICTS.map((verdict) => {
        const look = VERDICT_LOOK[verdict];
        return (
          <Paper key={verdict} withBorder p="sm" radius="md" role="listitem" aria-label={`${look.label}: ${counts[verdict]}`} title={look.meaning}>
            <Text size="xs" tt="uppercase" fw={700} c={look.color}>
              {look.label}
            </Text>
            <Text fz={28} fw={700} lh={1.2} c={counts[verdict] > 0 ? look.color : 'dimmed'}>
              {counts[verdict]}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
