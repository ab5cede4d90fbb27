import { Anchor, Badge, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { CopyValueButton } from '../../components/CopyValueButton';
import type { ApplicationView, MockUserView } from '../../stores/workbench-store';
import { actingUser, formatDate, GRANT_TYPE_LABELS } from './application-labels';
import { formatLifetime } from './token-lifetime';

function ApplicationRow({ application, users, onOpen }: { readonly application: ApplicationView; readonly users: readonly MockUserView[]; readonly onOpen: () => void }) {
  const user = actingUser(application, users);
  const certificate = application.certificate;
  return (
    <Table.Tr data-testid="application-row" data-client-id={application.clientId}>
      <Table.Td>
        <Stack gap={2}>
          <Anchor component="button" type="button" fw={600} ta="left" onClick={onOpen} aria-label={`Details of ${application.name}`}>
            {application.name}
          </Anchor>
          <Group gap={4} wrap="nowrap">
            <Code fz="xs" aria-label="Client ID">
              {application.clientId}
            </Code>
            <CopyValueButton value={application.clientId} label={`Copy the client ID of ${application.name}`} />
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{GRANT_TYPE_LABELS[application.grantType]}</Text>
        {user ? (
          <Text size="xs" c={user.active ? 'dimmed' : 'orange'}>
            acts as {user.label}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {application.callbackUrls.length} callback URL{application.callbackUrls.length === 1 ? '' : 's'}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{application.region.toUpperCase()}</Table.Td>
      <Table.Td>
        <Tooltip label={application.scopes.join(' ')} withArrow multiline maw={320}>
          <Badge variant="light" tabIndex={0} aria-label={`${application.scopes.length} scopes: ${application.scopes.join(', ')}`}>
            {application.scopes.length}
          </Badge>
        </Tooltip>
      </Table.Td>
      <Table.Td>{formatLifetime(application.accessTokenTtlSeconds)}</Table.Td>
      <Table.Td>
        {application.mutualTls ? (
          <Stack gap={0}>
            <Text size="sm">On</Text>
            {certificate ? (
              <Text size="xs" c={certificate.expired ? 'red' : 'dimmed'}>
                {certificate.expired ? 'certificate expired' : `until ${formatDate(certificate.notAfter)}`}
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Off
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={application.secretInLab ? 'teal' : 'dimmed'}>
          {application.secretInLab ? 'Held this session' : 'Not held'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** The account's applications, as Totango's OAuth Applications list; a name opens the app's details. */
export function ApplicationsTable({ applications, users, onOpen }: { readonly applications: readonly ApplicationView[]; readonly users: readonly MockUserView[]; readonly onOpen: (clientId: string) => void }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="OAuth applications">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Application</Table.Th>
            <Table.Th>Grant type</Table.Th>
            <Table.Th>Region</Table.Th>
            <Table.Th>Scopes</Table.Th>
            <Table.Th>Token lifetime</Table.Th>
            <Table.Th>Mutual TLS</Table.Th>
            <Table.Th>Secret in the Lab</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applications.map((application) => (
            <ApplicationRow key={application.clientId} application={application} users={users} onOpen={() => onOpen(application.clientId)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
