import { Badge, Button, Code, DataList, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { CopyValueButton } from '../../components/CopyValueButton';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';
import type { ApplicationView } from '../../stores/workbench-store';
import { formatDateTime } from './application-labels';
import { CertificateExport } from './CertificateExport';
import { ConfirmDialog } from './ConfirmDialog';

/** A mutual-TLS app's client certificate: its dates and thumbprint, export, and renewal (with what renewal breaks). */
export function CertificatePanel({ application }: { readonly application: ApplicationView }) {
  const { client, workbench } = useLabStores();
  const notifyError = useNotifyContractError();
  const [confirming, setConfirming] = useState(false);
  const certificate = application.certificate;

  const renew = async () => {
    try {
      await client.applications.renewCertificate({ clientId: application.clientId });
      await workbench.getState().refreshApplications();
    } catch (error) {
      notifyError(error, `renewing the certificate of "${application.name}"`);
    }
  };

  return (
    <Stack gap="sm" data-testid="certificate-panel">
      {certificate === null ? (
        <Text size="sm" c="dimmed">
          The mock has not issued a certificate to this application yet.
        </Text>
      ) : (
        <DataList labelWidth={130}>
          <DataList.Item>
            <DataList.ItemLabel>Expires</DataList.ItemLabel>
            <DataList.ItemValue>
              <Group gap="xs">
                <Text size="sm" data-testid="certificate-expiry" data-not-after={certificate.notAfter}>
                  {formatDateTime(certificate.notAfter, true)}
                </Text>
                {certificate.expired ? <Badge color="red">expired</Badge> : null}
              </Group>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Valid from</DataList.ItemLabel>
            <DataList.ItemValue>{formatDateTime(certificate.notBefore, true)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Thumbprint (x5t#S256)</DataList.ItemLabel>
            <DataList.ItemValue>
              <Group gap={4} wrap="nowrap">
                <Code fz="xs" style={{ wordBreak: 'break-all' }} data-testid="certificate-thumbprint">
                  {certificate.thumbprint}
                </Code>
                <CopyValueButton value={certificate.thumbprint} label="Copy the certificate thumbprint" />
              </Group>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Serial</DataList.ItemLabel>
            <DataList.ItemValue>
              <Code fz="xs">{certificate.serial}</Code>
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      )}
      {certificate?.expired ? (
        <Text size="sm" c="red">
          The certificate has expired: the application can no longer get tokens or call the APIs. Renew it, then export the new one.
        </Text>
      ) : null}
      {certificate !== null ? <CertificateExport clientId={application.clientId} name={application.name} /> : null}
      <Group>
        <Button variant="light" color="orange" onClick={() => setConfirming(true)}>
          Renew the certificate
        </Button>
      </Group>
      <ConfirmDialog opened={confirming} title={`Renew the certificate of ${application.name}?`} confirmLabel="Renew the certificate" color="orange" onConfirm={renew} onClose={() => setConfirming(false)}>
        <Text size="sm">The mock issues a new certificate and private key, valid one year. Then, at once:</Text>
        <List size="sm" spacing={4}>
          <List.Item>the old certificate{certificate ? ` (thumbprint ${certificate.thumbprint.slice(0, 12)}…)` : ''} stops working;</List.Item>
          <List.Item>every access token bound to it is refused by the APIs;</List.Item>
          <List.Item>your application needs the new certificate and key: export them after renewing.</List.Item>
        </List>
      </ConfirmDialog>
    </Stack>
  );
}
