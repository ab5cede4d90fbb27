import { Stack, Text, Title } from '@mantine/core';
import { ScenarioCard } from './ScenarioCard';
import { SCENARIOS } from './scenarios';
import { SupportAppsCleanup } from './SupportAppsCleanup';

/** The common customer failures, each set up on the mock with one button. */
export function ScenarioChecklist() {
  return (
    <Stack gap="sm" component="section" aria-labelledby="support-scenarios-title">
      <Stack gap={2}>
        <Title order={2} size="h3" id="support-scenarios-title">
          Reproduce a customer failure
        </Title>
        <Text size="sm" c="dimmed">
          Each button sets the failure up on the local mock (its own “Support · …” app, loaded in the Lab; set up again, it reuses that app while it exists) and says where to see it fail, as the customer does.
        </Text>
      </Stack>
      <Stack gap="xs" component="ul" p={0} m={0} aria-label="Customer failures">
        {SCENARIOS.map((scenario) => (
          <ScenarioCard key={scenario.id} scenario={scenario} />
        ))}
      </Stack>
      <SupportAppsCleanup />
    </Stack>
  );
}
