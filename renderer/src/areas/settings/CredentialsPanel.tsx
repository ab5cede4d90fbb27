import { Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useWorkbench } from '../../stores/lab-stores';
import { CredentialsForm } from './CredentialsForm';
import { CredentialsSummaryView } from './CredentialsSummaryView';

/** The credentials stored per target: what is loaded, and the form that loads others. */
export function CredentialsPanel() {
  const targets = useWorkbench((state) => state.targets);
  const selected = useWorkbench((state) => state.selectedTarget);
  const [chosen, setChosen] = useState<string | null>(null);
  const target = targets.find((candidate) => candidate.key === (chosen ?? selected));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-credentials-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="settings-credentials-title">
          Stored credentials
        </Title>
        <Text size="sm" c="dimmed">
          The app a target&apos;s flows run as. The Lab shows what is loaded, never the secret or the private key.
        </Text>
        {target === undefined ? (
          <Skeleton height={120} role="status" aria-label="Loading the targets" />
        ) : (
          <>
            <Select
              label="Credentials for"
              data={targets.map((candidate) => ({ value: candidate.key, label: candidate.label }))}
              value={target.key}
              onChange={(key) => setChosen(key)}
              allowDeselect={false}
              w={360}
              maw="100%"
            />
            <CredentialsSummaryView target={target} />
            {/* A new form per target: nothing typed for one target goes to another. */}
            <CredentialsForm key={target.key} target={target} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
