import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { areaHref } from '../../app/routing';
import { statusColor } from '../../components/ExchangeDetails';
import { endpointLabel, probeEndpoint, type ApiProbe } from './use-api-probe';

/** The last, optional message of the diagram: one read call with the token just obtained. */
export function FlowApiCall({ scopes, probe }: { readonly scopes: readonly string[]; readonly probe: ApiProbe }) {
  const endpoint = probeEndpoint(scopes);
  const { progress, result } = probe;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="flow-api-title">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4" id="flow-api-title">
          Use the token
        </Title>
        {endpoint === undefined ? (
          <Text size="sm" c="dimmed">
            The token covers no endpoint that only reads; try the writes in API explorer.
          </Text>
        ) : (
          <>
            <Text size="sm">
              Call {endpoint.summary.toLowerCase()} ({endpointLabel(endpoint)}, needs {endpoint.requiredScope}) with the token: the last two messages of the diagram.
            </Text>
            <Button variant="light" onClick={() => void probe.probe(scopes)} loading={progress.state === 'sending'}>
              Call the API with the token
            </Button>
          </>
        )}
        {result === null ? null : (
          <Stack gap={4}>
            <Group gap="xs">
              <Badge color={statusColor(result.response?.status)} variant="light">
                {result.response === undefined ? 'no response' : `${result.response.status} ${result.response.statusText}`.trim()}
              </Badge>
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {result.method} {result.url}
              </Text>
              <Text size="sm" c="dimmed">
                {Math.round(result.durationMs)} ms
              </Text>
            </Group>
            {result.failure === undefined ? null : (
              <Text size="sm" c="red">
                {result.failure.summary} {result.failure.action}
              </Text>
            )}
            <Button component="a" href={areaHref('api-explorer')} variant="subtle" size="compact-sm">
              Read the whole answer in API explorer
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
