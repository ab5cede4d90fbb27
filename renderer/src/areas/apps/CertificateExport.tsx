import { Button, Group, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ContractError } from '../../../../shared/contract/wire';
import { saveFile } from '../../components/save-file';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';

type CertificateFormat = 'pem' | 'pkcs12';

const FORMAT_HELP: Readonly<Record<CertificateFormat, string>> = {
  pem: 'The certificate and its private key, unencrypted, in one PEM file: keep it as safe as a password.',
  pkcs12: 'The certificate and its private key in a PKCS#12 (.p12) file, protected by the password you choose.',
};

/** Exports an mTLS app's client certificate with its key, as PEM or PKCS#12, through a download or save dialog. */
export function CertificateExport({ clientId, name }: { readonly clientId: string; readonly name: string }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [format, setFormat] = useState<CertificateFormat>('pem');
  const [password, setPassword] = useState('');
  const [passwordTouched, setPasswordTouched] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();
  const [exporting, setExporting] = useState(false);
  const passwordProblem = format === 'pkcs12' && password.length < 4 ? 'At least 4 characters, to protect the private key.' : undefined;

  const exportCertificate = async () => {
    if (passwordProblem !== undefined) {
      setPasswordTouched(true);
      return;
    }
    setExporting(true);
    try {
      saveFile(await client.applications.exportCertificate(format === 'pem' ? { clientId, format } : { clientId, format, password }));
    } catch (error) {
      if (error instanceof ContractError && error.field === 'password') setServerError(error.message);
      else notifyError(error, `exporting the certificate of "${name}"`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="xs" role="group" aria-label="Export the certificate and key">
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          aria-label="Certificate format"
          value={format}
          onChange={(value) => setFormat(value === 'pkcs12' ? 'pkcs12' : 'pem')}
          data={[
            { value: 'pem', label: 'PEM' },
            { value: 'pkcs12', label: 'PKCS#12' },
          ]}
        />
        {format === 'pkcs12' ? (
          <PasswordInput
            label="Password of the .p12 file"
            w={240}
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setServerError(undefined);
            }}
            onBlur={() => setPasswordTouched(true)}
            error={serverError ?? (passwordTouched || password.length > 0 ? passwordProblem : undefined)}
            autoComplete="new-password"
          />
        ) : null}
        <Button variant="light" loading={exporting} onClick={() => void exportCertificate()}>
          Export the certificate and key
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {FORMAT_HELP[format]}
      </Text>
    </Stack>
  );
}
