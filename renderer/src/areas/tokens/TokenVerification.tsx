import { Alert, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { CHECK_LABELS, CHECK_STATUS_COLOR, sentence, type TokenCheck, type TokenInspection } from './token-words';

function CheckBadge({ check }: { readonly check: TokenCheck | undefined }) {
  if (check === undefined) return <Badge color="gray" variant="light">not checked</Badge>;
  return (
    <Badge color={CHECK_STATUS_COLOR[check.status]} variant={check.status === 'fail' ? 'filled' : 'light'}>
      {check.status}
    </Badge>
  );
}

/**
 * The signature and certificate-binding status, then every check the Lab ran (pass,
 * fail or skipped, with its message); or why the token was not verified.
 */
export function TokenVerification({ inspection }: { readonly inspection: TokenInspection }) {
  const verification = inspection.verification;
  if (verification === undefined) {
    return (
      <Alert color="yellow" variant="light" title="Not verified" data-testid="verification-skipped">
        <Stack gap={4}>
          <Text size="sm">{sentence(inspection.verificationSkipped ?? 'the token was decoded only')}.</Text>
          <Text size="sm" c="dimmed">
            Anyone can write a token that decodes like this one; only a signature checked against the issuer&apos;s keys shows the issuer made it.
          </Text>
        </Stack>
      </Alert>
    );
  }
  const byName = new Map(verification.checks.map((check) => [check.name, check]));
  return (
    <Stack gap="xs" data-testid="token-verification">
      <Group gap="md" wrap="wrap">
        <Title order={3} size="h5">
          {verification.valid ? 'Verified' : 'Verification failed'}
        </Title>
        <Group gap={6}>
          <Text size="sm">Signature</Text>
          <CheckBadge check={byName.get('signature')} />
        </Group>
        <Group gap={6}>
          <Text size="sm">Certificate binding</Text>
          <CheckBadge check={byName.get('cnf')} />
        </Group>
      </Group>
      <Table withTableBorder fz="sm" aria-label="Verification checks" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="20%">Check</Table.Th>
            <Table.Th w={104}>Result</Table.Th>
            <Table.Th>What the Lab found</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {verification.checks.map((check) => (
            <Table.Tr key={check.name} data-check={check.name}>
              <Table.Td>{CHECK_LABELS[check.name]}</Table.Td>
              <Table.Td>
                <CheckBadge check={check} />
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>{sentence(check.message)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
