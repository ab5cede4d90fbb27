import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useWorkbench } from '../../stores/lab-stores';
import type { CurrentTokenView } from '../../stores/workbench-store';
import { localTime } from './countdown';
import { SOURCE_LABELS } from './token-words';

function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-all' }}>
        {children}
      </Text>
    </div>
  );
}

/** Where the current token came from, where it is used, and the scopes it carries. */
export function CurrentTokenDetails({ token }: { readonly token: CurrentTokenView }) {
  const targetLabel = useWorkbench((state) => state.targets.find((target) => target.key === token.targetKey)?.label ?? token.targetKey);
  return (
    <Paper withBorder p="sm" data-testid="current-token-details">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Fact label="From">{SOURCE_LABELS[token.source]}</Fact>
          <Fact label="Target">{targetLabel}</Fact>
          <Fact label="Client ID">{token.clientId ?? 'not named in the token'}</Fact>
          <Fact label="Received">{localTime(Date.parse(token.receivedAt))}</Fact>
        </SimpleGrid>
        <Group gap={6} wrap="wrap" aria-label="Scopes of the current token" role="list">
          <Text size="xs" c="dimmed">
            Scopes
          </Text>
          {token.scopes.length === 0 ? (
            <Text size="sm">none named in the token</Text>
          ) : (
            token.scopes.map((scope) => (
              <Badge key={scope} role="listitem" variant="light" tt="none">
                {scope}
              </Badge>
            ))
          )}
          {token.overMutualTls ? (
            <Badge variant="outline" color="grape" tt="none">
              bound to a client certificate
            </Badge>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
