import { Modal } from '@mantine/core';
import { useState } from 'react';
import { useLab, useWorkbench } from '../../stores/lab-stores';
import { labCallbackUrl } from './callback-url-rules';
import { RegisterApplicationForm } from './RegisterApplicationForm';
import { RegistrationResult } from './RegistrationResult';
import type { CreatedApplication } from './use-registration-form';

/** The port the Lab's loopback callback listens on when no fixed one is set (the Flows screen offers the same). */
const DEFAULT_CALLBACK_PORT = 8765;

function Registration({ onClose, onCreated }: { readonly onClose: () => void; readonly onCreated: (created: CreatedApplication | null) => void }) {
  const users = useWorkbench((state) => state.users);
  const callbackPort = useLab((state) => state.preferences?.callbackPort ?? null);
  const [created, setCreated] = useState<CreatedApplication | null>(null);
  if (created !== null) return <RegistrationResult created={created} onClose={onClose} />;
  return (
    <RegisterApplicationForm
      users={users}
      callbackUrl={labCallbackUrl(callbackPort ?? DEFAULT_CALLBACK_PORT)}
      onCreated={(result) => {
        setCreated(result);
        onCreated(result);
      }}
      onCancel={onClose}
    />
  );
}

/**
 * The form, then the success message with the secret shown once. Closing it forgets the
 * secret in the window (the Lab still holds it for the session).
 */
export function RegisterApplicationModal({ opened, onClose }: { readonly opened: boolean; readonly onClose: () => void }) {
  const [showingSecret, setShowingSecret] = useState(false);
  const close = () => {
    setShowingSecret(false);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      size="xl"
      title={showingSecret ? 'OAuth application created' : 'Register New OAuth Application'}
      // A stray click must not throw away the one showing of the secret.
      closeOnClickOutside={!showingSecret}
    >
      <Registration onClose={close} onCreated={(created) => setShowingSecret(created !== null)} />
    </Modal>
  );
}
