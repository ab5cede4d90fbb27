import { Button } from '@mantine/core';
import { useState } from 'react';
import { saveFile } from '../../components/save-file';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';

/** Saves the mock CA's certificate, to trust the mock's HTTPS endpoints. */
export function CaCertificateButton() {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [saving, setSaving] = useState(false);
  const download = async () => {
    setSaving(true);
    try {
      saveFile(await client.mock.caCertificate({}));
    } catch (error) {
      notifyError(error, "downloading the mock's CA certificate");
    } finally {
      setSaving(false);
    }
  };
  return (
    <Button variant="light" size="xs" loading={saving} onClick={() => void download()}>
      Download the CA certificate
    </Button>
  );
}
