import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { FileExport } from '../../../../shared/contract/mock-schemas';
import { saveFile } from '../../components/save-file';
import { useLabStores, useNotifyContractError, useWorkbench } from '../../stores/lab-stores';

type Exporting = 'bundle' | 'har' | null;

/**
 * Files for whoever looks at the ticket next: a repro bundle of one app (its
 * configuration, its exchanges on the timeline, its token decoded and its last
 * diagnostics; nothing of another app, no secret) and the whole timeline as HAR.
 */
export function ReproExportPanel() {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const applications = useWorkbench((state) => state.applications);
  const [clientId, setClientId] = useState<string | null>(null);
  const [exporting, setExporting] = useState<Exporting>(null);

  const exportFile = async (what: Exclude<Exporting, null>, produce: () => Promise<FileExport>, context: string) => {
    setExporting(what);
    try {
      saveFile(await produce());
    } catch (error) {
      notifyError(error, context);
    } finally {
      setExporting(null);
    }
  };

  const appChoices = applications.map((app) => ({ value: app.clientId, label: `${app.name} (${app.region.toUpperCase()}, ${app.clientId})` }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="support-export-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="support-export-title">
          Export
        </Title>
        <Text size="sm">
          A repro bundle describes one app: its configuration (grant, scopes, token lifetime, mutual TLS, callback URLs, acting user), its exchanges on the timeline, the current token decoded if it was issued to this app, and the last diagnostics if they ran with its token. Nothing of another app goes in; if nothing of this app was recorded, the bundle holds its configuration and says so.
        </Text>
        <Text size="sm" fw={600} data-testid="bundle-no-secret">
          It holds no secret: no client secret, no private key, no usable token (only its decoded claims); every exchange is redacted. Response bodies stay in: look through the file before you attach it to a ticket.
        </Text>
        <Select
          label="Application to describe"
          description="Leave empty for the app of the current token (or, with no token, the app loaded for the selected target)."
          placeholder="The app of the current token"
          data={appChoices}
          value={clientId}
          onChange={setClientId}
          clearable
          searchable
          nothingFoundMessage="No application of that name"
        />
        <Group>
          <Button
            onClick={() => void exportFile('bundle', () => client.recorder.exportBundle(clientId === null ? {} : { clientId }), 'exporting the repro bundle')}
            loading={exporting === 'bundle'}
            disabled={exporting !== null && exporting !== 'bundle'}
          >
            Export repro bundle
          </Button>
          <Button variant="light" onClick={() => void exportFile('har', () => client.recorder.exportHar({}), 'exporting the HAR file')} loading={exporting === 'har'} disabled={exporting !== null && exporting !== 'har'}>
            Export HAR
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          HAR 1.2 is the whole timeline (every app&apos;s exchanges), secrets redacted: browsers&apos; developer tools and HAR viewers open it.
        </Text>
      </Stack>
    </Paper>
  );
}
