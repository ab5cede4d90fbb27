import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { TargetView } from '../../contract/lab-client';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';

type CredentialsSummary = NonNullable<TargetView['credentials']>;

const AUTH_TEXT: Readonly<Record<CredentialsSummary['authMethod'], string>> = {
  client_secret_basic: 'HTTP Basic header (client_secret_basic)',
  client_secret_post: 'form body (client_secret_post)',
};

function dateOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** What is loaded for a target, never the secret itself; and the button that forgets it. */
export function CredentialsSummaryView({ target }: { readonly target: TargetView }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [forgetting, setForgetting] = useState(false);
  const credentials = target.credentials;
  if (credentials === null) {
    return (
      <Text size="sm" data-testid="credentials-summary">
        No credentials are loaded for {target.label}.{target.kind === 'mock' ? ' Running a flow with an app registered in Apps loads its credentials; or enter them below.' : ' Enter those of your Totango app below.'}
      </Text>
    );
  }
  const forget = async () => {
    setForgetting(true);
    try {
      await client.targets.forgetCredentials({ targetKey: target.key });
    } catch (error) {
      notifyError(error, `forgetting the credentials of ${target.label}`);
    } finally {
      setForgetting(false);
    }
  };
  const certificate = credentials.certificate;
  return (
    <Stack gap="xs" data-testid="credentials-summary">
      <Table fz="sm" withTableBorder aria-label={`Credentials loaded for ${target.label}`}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w="34%">Client ID</Table.Th>
            <Table.Td>{credentials.clientId}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Client secret</Table.Th>
            <Table.Td>{credentials.hasClientSecret ? 'loaded (never shown)' : 'none'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Client authentication</Table.Th>
            <Table.Td>{AUTH_TEXT[credentials.authMethod]}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Mutual TLS certificate</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>
              {certificate === null ? 'none' : `${certificate.subject}, valid until ${dateOf(certificate.notAfter)}, x5t#S256 ${certificate.thumbprint}`}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>CA to trust</Table.Th>
            <Table.Td>{credentials.hasCustomCa ? 'loaded' : 'the system’s'}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Badge variant="light" color={credentials.persisted ? 'teal' : 'gray'}>
          {credentials.persisted ? 'remembered on this computer (encrypted)' : 'for this session only'}
        </Badge>
        <Button size="xs" variant="default" color="red" onClick={() => void forget()} loading={forgetting}>
          Forget these credentials
        </Button>
      </Group>
    </Stack>
  );
}
