import { Alert, Box, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { CertificateExport } from './CertificateExport';
import { CredentialLine } from './CredentialLine';
import { UseInLabButton } from './UseInLabButton';
import type { CreatedApplication } from './use-registration-form';

/**
 * Totango's success message after "Create Application": the client ID and secret, the
 * secret shown this once; for mutual TLS, the certificate and key to export.
 */
export function RegistrationResult({ created, onClose }: { readonly created: CreatedApplication; readonly onClose: () => void }) {
  const { application, clientSecret } = created;
  return (
    <Stack gap="md" data-testid="registration-result">
      <Alert color="teal" role="status" title={`${application.name} is registered`}>
        Copy the client ID and client secret into your application&apos;s configuration.
      </Alert>
      <CredentialLine label="Client ID" value={application.clientId} what="the client ID" />
      <CredentialLine label="Client secret" value={clientSecret} what="the client secret" secret />
      <Alert color="orange" role="note" title="The client secret cannot be shown again">
        Totango stores the client secret as a password, so it cannot be restored: copy it now and store it securely. The Lab holds it for this session, so you can use this
        application here without pasting it.
      </Alert>
      {application.mutualTls ? (
        <>
          <Divider />
          <Title order={3} size="h5">
            Client certificate
          </Title>
          <Text size="sm">Requests without this certificate are refused. Export it with its private key and include it in your application.</Text>
          <CertificateExport clientId={application.clientId} name={application.name} />
        </>
      ) : null}
      <Divider />
      <Group justify="space-between" align="center" wrap="nowrap">
        <Box flex={1}>
          <UseInLabButton clientId={application.clientId} name={application.name} />
        </Box>
        <Button onClick={onClose}>Close</Button>
      </Group>
    </Stack>
  );
}
