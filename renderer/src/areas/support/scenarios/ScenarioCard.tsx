import { Alert, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { RedirectProbe } from './RedirectProbe';
import type { Scenario, ScenarioOutcome } from './scenarios';
import { useScenarioRun } from './use-scenario-run';

function NextStepView({ outcome, scenarioId }: { readonly outcome: ScenarioOutcome; readonly scenarioId: string }) {
  const { next, redirectProbe } = outcome;
  return (
    <Alert color="blue" title="Next: see the failure" data-testid={`scenario-next-${scenarioId}`}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{next.text}</Text>
        {redirectProbe !== undefined ? (
          <RedirectProbe labCallback={redirectProbe.labCallback} buttonLabel={next.button} />
        ) : next.area === undefined ? null : (
          <Button size="xs" onClick={() => (window.location.hash = `#/${next.area}`)}>
            {next.button}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** One customer failure: what the customer reports, the button that sets it up, what was done and what to do next. */
export function ScenarioCard({ scenario }: { readonly scenario: Scenario }) {
  const { run, start } = useScenarioRun(scenario);
  const titleId = `scenario-title-${scenario.id}`;
  return (
    <Paper withBorder p="sm" component="li" aria-labelledby={titleId} data-scenario={scenario.id} data-status={run.status} style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Text fw={600} id={titleId}>
              {scenario.title}
            </Text>
            <Text size="sm" c="dimmed">
              {scenario.symptom}
            </Text>
          </Stack>
          <Button variant={run.status === 'idle' ? 'light' : 'default'} onClick={() => void start()} loading={run.status === 'running'} aria-label={`Set up: ${scenario.title}`} style={{ flexShrink: 0 }}>
            {run.status === 'idle' ? 'Set up' : 'Set up again'}
          </Button>
        </Group>
        {run.steps.length === 0 ? null : (
          <List size="sm" spacing={2} aria-label={`What was done for ${scenario.title}`}>
            {run.steps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        )}
        {run.notices.map((notice) => (
          <Alert key={notice} color="yellow" title="The mock's settings changed">
            {notice}
          </Alert>
        ))}
        {run.error === null ? null : (
          <Alert color="red" title="The set-up stopped">
            {run.error}
          </Alert>
        )}
        {run.outcome === null ? null : (
          <>
            <Text size="sm" data-testid={`scenario-result-${scenario.id}`}>
              {run.outcome.result}
            </Text>
            <NextStepView outcome={run.outcome} scenarioId={scenario.id} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
