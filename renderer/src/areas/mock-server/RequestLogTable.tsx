import { Badge, Code, Group, Table, Text } from '@mantine/core';
import type { MockRequestView } from '../../../../shared/contract/mock-schemas';
import { statusColor } from '../../components/ExchangeDetails';
import { SERVER_LABELS } from './request-log';

function timeOf(iso: string): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  return `${time}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

function ServerCell({ request }: { readonly request: MockRequestView }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="sm" variant="light" color={request.server === 'admin' ? 'gray' : 'blue'}>
        {SERVER_LABELS[request.server]}
      </Badge>
      {request.tls ? (
        <Badge size="sm" variant="outline" color="grape" title="Served over HTTPS (the mutual TLS port)">
          TLS
        </Badge>
      ) : null}
    </Group>
  );
}

/** The requests the mock served, newest first: one row each, nothing secret in any of them. */
export function RequestLogTable({ requests }: { readonly requests: readonly MockRequestView[] }) {
  return (
    <Table.ScrollContainer minWidth={860} maxHeight={480}>
      <Table striped highlightOnHover stickyHeader fz="xs" aria-label="Requests the mock served, newest first">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time (mock clock)</Table.Th>
            <Table.Th>Server</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th>Path</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Duration</Table.Th>
            <Table.Th>Client ID</Table.Th>
            <Table.Th>Error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((request) => (
            <Table.Tr key={request.seq} data-testid="mock-request-row">
              <Table.Td>
                <Text component="time" dateTime={request.at} title={request.at} fz="xs" ff="monospace">
                  {timeOf(request.at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <ServerCell request={request} />
              </Table.Td>
              <Table.Td>
                <Code>{request.method}</Code>
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>{request.path}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={statusColor(request.status)}>
                  {request.status}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{request.durationMs < 10 ? request.durationMs.toFixed(1) : Math.round(request.durationMs)} ms</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>{request.clientId ?? ''}</Table.Td>
              <Table.Td>{request.error === undefined ? '' : <Text span c="red" fz="xs" ff="monospace">
                    {request.error}
                  </Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
