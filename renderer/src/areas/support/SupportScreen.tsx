import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ReproExportPanel } from './ReproExportPanel';
import { ReproImportPanel } from './ReproImportPanel';
import { ScenarioChecklist } from './scenarios/ScenarioChecklist';
import { TimelinePanel } from './TimelinePanel';

/**
 * The support area's screen (its heading and description come from the frame): set a
 * customer's failure up on the mock, export or import a repro bundle, export HAR, and
 * read the timeline of every HTTP exchange.
 */
export function SupportScreen() {
  return (
    <Stack gap="xl">
      <ScenarioChecklist />
      <Stack gap="sm" component="section" aria-labelledby="support-bundles-title">
        <Stack gap={2}>
          <Title order={2} size="h3" id="support-bundles-title">
            Repro bundles and HAR
          </Title>
          <Text size="sm" c="dimmed">
            Hand a failure over with everything needed to replay it, or replay one a customer or a colleague sent.
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ReproExportPanel />
          <ReproImportPanel />
        </SimpleGrid>
      </Stack>
      <TimelinePanel />
    </Stack>
  );
}
