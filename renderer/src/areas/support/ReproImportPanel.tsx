import { Alert, Button, FileInput, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract/define';
import type { LabContract } from '../../../../shared/contract/lab-contract';
import { ContractError } from '../../../../shared/contract/wire';
import { CopyValueButton } from '../../components/CopyValueButton';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';

export type ImportedApp = MethodOutput<LabContract, 'recorder', 'importBundle'>;

/** What the import did, and the app it recreated, with the way into the Lab's flows. */
function ImportResult({ imported }: { readonly imported: ImportedApp }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [using, setUsing] = useState(false);
  const useInLab = async () => {
    setUsing(true);
    try {
      await client.targets.useApplication({ clientId: imported.clientId });
      window.location.hash = '#/flows';
    } catch (error) {
      notifyError(error, 'loading the imported app');
    } finally {
      setUsing(false);
    }
  };
  return (
    <Alert color="teal" title="Bundle imported" data-testid="import-result">
      <Stack gap="xs">
        <Group gap="xs">
          <Text size="sm">
            Recreated on the local mock ({imported.region.toUpperCase()}) as client ID <strong data-testid="imported-client-id">{imported.clientId}</strong>
          </Text>
          <CopyValueButton value={imported.clientId} label="Copy the imported app's client ID" />
        </Group>
        {imported.actingUserId === undefined ? null : <Text size="sm">Acting user: {imported.actingUserId}</Text>}
        {imported.notes.length === 0 ? (
          <Text size="sm">The mock needed no other change.</Text>
        ) : (
          <List size="sm" aria-label="What the import did">
            {imported.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        )}
        <Text size="sm">Its client secret is held for this session: run the customer&apos;s flow with it to replay the failure.</Text>
        <Group>
          <Button onClick={() => void useInLab()} loading={using}>
            Use in the Lab
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Reads a repro bundle file and recreates its app (and acting user) on the local mock. */
export function ReproImportPanel() {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [file, setFile] = useState<File | null>(null);
  const [importing, setImporting] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportedApp | null>(null);

  const importFile = async (chosen: File | null) => {
    setFile(chosen);
    setFieldError(null);
    setImported(null);
    if (chosen === null) return;
    setImporting(true);
    try {
      const content = await chosen.text();
      setImported(await client.recorder.importBundle({ content }));
    } catch (error) {
      if (error instanceof ContractError && error.field === 'content') setFieldError(error.message);
      else notifyError(error, 'importing the repro bundle');
    } finally {
      setImporting(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="support-import-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="support-import-title">
          Import
        </Title>
        <Text size="sm">
          Choose a repro bundle: the Lab recreates its app on the local mock (with a new client ID and secret), its acting user and that user&apos;s status, and loads it, ready to replay the customer&apos;s failure.
        </Text>
        <FileInput
          label="Repro bundle file"
          placeholder="Choose a .json repro bundle"
          accept="application/json,.json"
          value={file}
          onChange={(chosen) => void importFile(chosen)}
          error={fieldError}
          disabled={importing}
          clearable
          fileInputProps={{ 'aria-label': 'Repro bundle file to import' }}
        />
        {importing ? (
          <Text size="sm" role="status">
            Importing the bundle…
          </Text>
        ) : null}
        {imported === null ? null : <ImportResult imported={imported} />}
      </Stack>
    </Paper>
  );
}
