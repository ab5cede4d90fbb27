import { Alert, Badge, Code, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { CopyValueButton } from '../../components/CopyValueButton';
import { HeadersTable, statusColor } from '../../components/ExchangeDetails';
import type { SentCall } from './explorer-store';

function prettyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The response's element, brought into view when an answer arrives. */
export const RESPONSE_ELEMENT_ID = 'explorer-response';

/** The Lab's causes are written lowercase (they also go into logs and the CLI); on screen, a capital and a full stop. */
function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The last answer of an endpoint: status, timing, the cause of a failure in words, body, headers, curl. */
export function ResponseView({ sent }: { readonly sent: SentCall }) {
  const { call, curl } = sent;
  const response = call.response;
  const failure = call.failure;
  return (
    <Paper withBorder p="sm" data-testid="explorer-response" id={RESPONSE_ELEMENT_ID}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Title order={3} size="h5">
              Response
            </Title>
            <Badge color={statusColor(response?.status)} variant="light" size="lg" data-testid="response-status">
              {response === undefined ? 'no response' : `${response.status} ${response.statusText}`.trim()}
            </Badge>
            <Text size="sm" c="dimmed">
              {Math.round(call.durationMs)} ms
            </Text>
          </Group>
          {curl !== null && 'command' in curl ? <CopyValueButton value={curl.command} label="Copy as curl" /> : null}
        </Group>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {call.method} {call.url}
        </Text>
        {failure !== undefined ? (
          <Alert color={response === undefined || response.status >= 500 ? 'red' : 'orange'} variant="light" title={sentence(failure.summary)} data-testid="response-failure">
            <Stack gap={4}>
              <Text size="sm">{sentence(failure.action)}</Text>
              {failure.serverDescription !== undefined ? (
                <Text size="xs" c="dimmed">
                  The server said: {failure.serverDescription}
                </Text>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <Tabs defaultValue="body" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="body">Body</Tabs.Tab>
            <Tabs.Tab value="headers">Headers</Tabs.Tab>
            <Tabs.Tab value="curl">curl</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="body" pt="xs">
            {response === undefined || response.bodyText === '' ? (
              <Text c="dimmed">No body.</Text>
            ) : (
              <Code block mah={400} style={{ overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="response-body">
                {prettyBody(response.bodyText)}
              </Code>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="headers" pt="xs">
            {response === undefined ? <Text c="dimmed">No response came.</Text> : <HeadersTable caption="Response headers" headers={response.headers} />}
          </Tabs.Panel>
          <Tabs.Panel value="curl" pt="xs">
            {curl === null ? (
              <Text c="dimmed">No request went out, so there is nothing to repeat with curl.</Text>
            ) : 'problem' in curl ? (
              <Text c="red">The curl command could not be built: {curl.problem}</Text>
            ) : (
              <Stack gap={4}>
                <Group justify="space-between">
                  <Text size="xs" c="dimmed">
                    The token is left as a shell variable; set it before running the command.
                  </Text>
                  <CopyValueButton value={curl.command} label="Copy as curl" />
                </Group>
                <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {curl.command}
                </Code>
              </Stack>
            )}
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
