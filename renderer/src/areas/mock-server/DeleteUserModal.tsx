import { Alert, Button, Code, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { ApplicationView, MockUserView } from '../../stores/workbench-store';

export interface DeleteUserModalProps {
  /** The user to delete; the modal is closed when null. */
  readonly user: MockUserView | null;
  /** The client-credentials apps acting as that user. */
  readonly actingApps: readonly ApplicationView[];
  readonly deleting: boolean;
  onConfirm(): void;
  onClose(): void;
}

/** Deletion is final: this says so, and names the apps that stop working. */
export function DeleteUserModal({ user, actingApps, deleting, onConfirm, onClose }: DeleteUserModalProps) {
  const name = user === null ? '' : `${user.firstName} ${user.lastName}`;
  return (
    <Modal opened={user !== null} onClose={onClose} title={`Delete ${name}?`} centered>
      <Stack gap="sm">
        <Text size="sm">
          Deletion is final: a deleted user cannot be activated again, as in Totango. To stop {name} for a while, disable them instead.
        </Text>
        {actingApps.length === 0 ? (
          <Text size="sm" c="dimmed">
            No client-credentials application acts as this user.
          </Text>
        ) : (
          <Alert color="red" variant="light" title={`${actingApps.length === 1 ? 'This application stops' : `These ${actingApps.length} applications stop`} getting tokens`}>
            <Text size="sm">They act as {name}: the token endpoint refuses them, and the tokens they hold stop working.</Text>
            <List size="sm" mt="xs" aria-label="Applications acting as this user">
              {actingApps.map((app) => (
                <List.Item key={app.clientId}>
                  {app.name} <Code>{app.clientId}</Code>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={deleting}>
            Keep the user
          </Button>
          <Button color="red" loading={deleting} onClick={onConfirm} data-autofocus>
            Delete for good
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
