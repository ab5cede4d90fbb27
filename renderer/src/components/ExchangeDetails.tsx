import { Badge, Button, Code, Group, Stack, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { ExchangeView } from '../../../shared/contract/client-schemas';
import { useLabStores, useNotifyContractError } from '../stores/lab-stores';
import { CopyValueButton } from './CopyValueButton';

/** The colour of an HTTP status: green for 2xx, orange for 4xx, red for 5xx or no answer. */
export function statusColor(status: number | undefined): string {
  if (status === undefined) return 'red';
  if (status < 300) return 'teal';
  if (status < 400) return 'blue';
  if (status < 500) return 'orange';
  return 'red';
}

/** HTTP headers as a two-column table, labelled for assistive technology. */
export function HeadersTable({ headers, caption }: { readonly headers: Readonly<Record<string, string>>; readonly caption: string }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <Text c="dimmed">No headers.</Text>;
  return (
    <Table striped withTableBorder fz="xs" aria-label={caption}>
      <Table.Tbody>
        {entries.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w="30%">{name}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Body({ text }: { readonly text: string | undefined }) {
  if (text === undefined || text === '') return <Text c="dimmed">No body.</Text>;
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: shown as it came
  }
  return (
    <Code block mah={320} style={{ overflow: 'auto' }}>
      {shown}
    </Code>
  );
}

/**
 * One recorded HTTP exchange (already redacted by the main process): the request, the
 * response, the timing, and "copy as curl".
 */
export function ExchangeDetails({ exchange }: { readonly exchange: ExchangeView }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [curl, setCurl] = useState<string | null>(null);
  const status = exchange.response?.status;
  const loadCurl = async () => {
    try {
      setCurl((await client.recorder.curl({ exchangeId: exchange.id })).command);
    } catch (error) {
      notifyError(error, 'building the curl command');
    }
  };
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Badge color={statusColor(status)} variant="light">
          {status === undefined ? 'no response' : `${status} ${exchange.response?.statusText ?? ''}`.trim()}
        </Badge>
        <Code>{exchange.request.method}</Code>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {exchange.request.url}
        </Text>
        <Text size="sm" c="dimmed">
          {Math.round(exchange.durationMs)} ms
        </Text>
        {exchange.clientCertificate ? (
          <Badge variant="outline" color="grape">
            client certificate
          </Badge>
        ) : null}
      </Group>
      {exchange.error ? (
        <Text c="red" size="sm">
          {exchange.error}
        </Text>
      ) : null}
      <Tabs defaultValue="request" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="request">Request</Tabs.Tab>
          <Tabs.Tab value="response">Response</Tabs.Tab>
          <Tabs.Tab value="curl">curl</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="request" pt="xs">
          <Stack gap="xs">
            <HeadersTable headers={exchange.request.headers} caption="Request headers" />
            <Body text={exchange.request.body} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="response" pt="xs">
          {exchange.response ? (
            <Stack gap="xs">
              <HeadersTable headers={exchange.response.headers} caption="Response headers" />
              <Body text={exchange.response.body} />
            </Stack>
          ) : (
            <Text c="dimmed">No response came{exchange.error ? `: ${exchange.error}` : '.'}</Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="curl" pt="xs">
          {curl === null ? (
            <Button variant="light" size="xs" onClick={() => void loadCurl()}>
              Build the curl command
            </Button>
          ) : (
            <Stack gap={4}>
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  Secrets are left as shell variables; set them before running it.
                </Text>
                <CopyValueButton value={curl} label="Copy as curl" />
              </Group>
              <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {curl}
              </Code>
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
