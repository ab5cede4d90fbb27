import { Accordion, Button, EmptyState, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { TimelineEntry } from './TimelineEntry';
import { useTimeline } from './use-timeline';

/** How many exchanges show at first, and how many more each "Show more" adds. */
export const TIMELINE_PAGE = 50;

/**
 * Every HTTP exchange the Lab made (flows, calls, diagnostics), newest first, each opening
 * onto its request, response, timing and curl command; and a button that empties it.
 */
export function TimelinePanel() {
  const { exchanges, loading, clearing, clear } = useTimeline();
  const [opened, setOpened] = useState<string[]>([]);
  const [shown, setShown] = useState(TIMELINE_PAGE);

  return (
    <Stack gap="sm" component="section" aria-labelledby="support-timeline-title">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3" id="support-timeline-title">
            Timeline
          </Title>
          <Text size="sm" c="dimmed">
            Every HTTP exchange of flows, API calls and diagnostics, newest first, with secrets redacted. Open one to see its request, response and curl command.
          </Text>
        </Stack>
        <Button variant="default" onClick={() => void clear()} loading={clearing} disabled={exchanges.length === 0}>
          Clear the timeline
        </Button>
      </Group>
      {loading ? (
        <Stack gap="xs" aria-label="Loading the timeline" role="status">
          <Skeleton height={44} />
          <Skeleton height={44} />
          <Skeleton height={44} />
        </Stack>
      ) : exchanges.length === 0 ? (
        <EmptyState
          title="No exchanges recorded yet"
          description="Run a flow, call an endpoint or run the diagnostics: each HTTP exchange appears here as it happens."
          data-testid="timeline-empty"
        >
          <EmptyState.Actions>
            <Button onClick={() => (window.location.hash = '#/flows')}>Go to Flows</Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <>
          <Text size="sm" data-testid="timeline-count">
            {exchanges.length === 1 ? '1 exchange' : `${exchanges.length} exchanges`}
          </Text>
          <Accordion multiple variant="separated" value={opened} onChange={setOpened} aria-label="Recorded exchanges">
            {exchanges.slice(0, shown).map((exchange) => (
              <TimelineEntry key={exchange.id} exchange={exchange} open={opened.includes(exchange.id)} />
            ))}
          </Accordion>
          {exchanges.length > shown ? (
            <Button variant="subtle" onClick={() => setShown((count) => count + TIMELINE_PAGE)}>
              Show {Math.min(TIMELINE_PAGE, exchanges.length - shown)} older exchanges
            </Button>
          ) : null}
        </>
      )}
    </Stack>
  );
}
