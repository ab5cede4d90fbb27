import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import type { CatalogueEntry } from './endpoint-groups';

export interface ConfirmWriteModalProps {
  readonly endpoint: CatalogueEntry | null;
  /** The real target: "Totango US", a custom URL's label. */
  readonly targetLabel: string;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
}

/** Before a write or a delete goes to a real Totango tenant: what it changes, and where. */
export function ConfirmWriteModal({ endpoint, targetLabel, onCancel, onConfirm }: ConfirmWriteModalProps) {
  const deletes = endpoint?.effect === 'delete';
  return (
    <Modal opened={endpoint !== null} onClose={onCancel} title={`${deletes ? 'Delete' : 'Write'} data on ${targetLabel}?`}>
      {endpoint === null ? null : (
        <Stack gap="sm">
          <Group gap="xs">
            <Code>
              {endpoint.method} {endpoint.path}
            </Code>
          </Group>
          <Alert color={deletes ? 'red' : 'orange'} variant="light" title="This is a real Totango tenant">
            {deletes ? 'The request deletes data' : 'The request creates or changes data'} on {targetLabel}, with the current token. It cannot be undone from the Lab.
          </Alert>
          <Text size="sm">Send it only if this tenant is one you may change (a sandbox, or your own test data).</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button color={deletes ? 'red' : 'orange'} onClick={onConfirm}>
              Send to {targetLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
