import { Button, List, Text } from '@mantine/core';
import { useState } from 'react';
import { useLabStores, useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import type { ApplicationView } from '../../stores/workbench-store';
import { ConfirmDialog } from './ConfirmDialog';

/** What deleting the application takes away, one line each (the article: tokens and certificate; the Lab: its held secret). */
export function deletionConsequences(application: ApplicationView, loadedIn: readonly string[]): string[] {
  return [
    'Every access token issued to it is revoked: the APIs refuse them from now on.',
    ...(application.certificate ? [`Its client certificate (thumbprint ${application.certificate.thumbprint.slice(0, 12)}…) is revoked.`] : []),
    ...(application.secretInLab ? ['The client secret the Lab holds for this session is forgotten.'] : []),
    ...loadedIn.map((label) => `The credentials loaded from it for ${label} stop working.`),
    'It cannot be undone: registering again gives a new client ID and secret.',
  ];
}

/** "Delete the application", after a confirmation that lists what deletion revokes. */
export function DeleteApplication({ application, onDeleted }: { readonly application: ApplicationView; readonly onDeleted: () => void }) {
  const { client, workbench } = useLabStores();
  const notifyError = useNotifyContractError();
  const targets = useWorkbench((state) => state.targets);
  const [confirming, setConfirming] = useState(false);
  const loadedIn = targets.filter((target) => target.credentials?.clientId === application.clientId).map((target) => target.label);

  const remove = async () => {
    try {
      await client.applications.remove({ clientId: application.clientId });
      await workbench.getState().refreshApplications();
      onDeleted();
    } catch (error) {
      notifyError(error, `deleting "${application.name}"`);
    }
  };

  return (
    <>
      <Button color="red" variant="light" onClick={() => setConfirming(true)}>
        Delete the application
      </Button>
      <ConfirmDialog opened={confirming} title={`Delete ${application.name}?`} confirmLabel={`Delete ${application.name}`} onConfirm={remove} onClose={() => setConfirming(false)}>
        <Text size="sm">Deleting the application also revokes what was granted to it:</Text>
        <List size="sm" spacing={4} aria-label="What deletion revokes">
          {deletionConsequences(application, loadedIn).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </ConfirmDialog>
    </>
  );
}
