import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  readonly opened: boolean;
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly color?: string;
  /** The change itself; the dialog shows its progress and closes when it ends. */
  readonly onConfirm: () => Promise<void>;
  readonly onClose: () => void;
}

/** Asks before a change that cannot be undone, saying what it breaks. */
export function ConfirmDialog({ opened, title, children, confirmLabel, color = 'red', onConfirm, onClose }: ConfirmDialogProps) {
  const [working, setWorking] = useState(false);
  const confirm = async () => {
    setWorking(true);
    try {
      await onConfirm();
    } finally {
      setWorking(false);
      onClose();
    }
  };
  return (
    <Modal opened={opened} onClose={() => !working && onClose()} title={title} size="md" closeOnClickOutside={!working}>
      <Stack gap="md">
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={working} data-autofocus>
            Cancel
          </Button>
          <Button color={color} loading={working} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
