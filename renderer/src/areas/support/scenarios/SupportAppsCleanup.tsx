import { Alert, Button, Code, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useLabStores, useNotifyContractError, useWorkbench } from '../../../stores/lab-stores';
import { DEFAULT_APPLICATION_LIMIT, isSupportApp, limitBeforeScenarios, removeSupportApps, type SupportCleanup } from './support-apps';

function cleanupSummary({ removed, limit, previousLimit }: SupportCleanup): string {
  const apps = removed.length === 0 ? 'No support app was left to remove' : `Removed ${removed.length} support ${removed.length === 1 ? 'app' : 'apps'}`;
  const limitText = limit === previousLimit ? `the application limit stays ${limit}` : `the application limit is back to ${limit} (it was ${previousLimit})`;
  return `${apps}; ${limitText}.`;
}

/** Removes every "Support · …" app the scenarios registered and puts the application limit back, once confirmed. */
export function SupportAppsCleanup() {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const applications = useWorkbench((state) => state.applications);
  const currentLimit = useWorkbench((state) => state.applicationLimit);
  const refreshApplications = useWorkbench((state) => state.refreshApplications);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const supportApps = applications.filter(isSupportApp);
  const restoreTo = limitBeforeScenarios() ?? DEFAULT_APPLICATION_LIMIT;

  const remove = async () => {
    setRemoving(true);
    try {
      setSummary(cleanupSummary(await removeSupportApps(client)));
      setConfirming(false);
    } catch (error) {
      notifyError(error, 'removing the support apps');
    } finally {
      setRemoving(false);
      void refreshApplications();
    }
  };

  return (
    <Stack gap="xs" align="flex-start">
      <Group gap="sm">
        <Button
          variant="default"
          color="red"
          onClick={() => {
            setConfirming(true);
            void refreshApplications();
          }}
        >
          Remove the support apps
        </Button>
        <Text size="sm" c="dimmed">
          Deletes every “Support · …” app and puts the application limit back to {restoreTo}.
        </Text>
      </Group>
      {summary === null ? null : (
        <Text size="sm" role="status" data-testid="support-cleanup-result">
          {summary}
        </Text>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Remove the support apps?" centered>
        <Stack gap="sm">
          {supportApps.length === 0 ? (
            <Text size="sm">No “Support · …” app is on the mock account now.</Text>
          ) : (
            <Alert color="red" variant="light" title={`${supportApps.length === 1 ? 'This app is' : `These ${supportApps.length} apps are`} deleted`}>
              <Text size="sm">Their tokens stop working, as when an app is deleted in Totango.</Text>
              <List size="sm" mt="xs" aria-label="Support apps to remove">
                {supportApps.map((app) => (
                  <List.Item key={app.clientId}>
                    {app.name} <Code>{app.clientId}</Code>
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Text size="sm">
            The application limit goes {currentLimit === restoreTo ? `on being ${restoreTo}` : `from ${currentLimit} back to ${restoreTo}`}
            {limitBeforeScenarios() === null ? ' (Totango’s limit: the Lab does not know what it was before the checklist raised it).' : ', what it was before the checklist raised it.'}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={removing}>
              Keep them
            </Button>
            <Button color="red" loading={removing} onClick={() => void remove()} data-autofocus>
              Remove and restore the limit
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
