import { Button, CloseButton, Code, Group, NavLink, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { CATALOGUE } from '../../../../shared/catalogue';
import { useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import { coverageOf } from './coverage';
import { CoverageBadge, MethodBadge } from './EndpointBadges';
import { filterGroups, type CatalogueEntry } from './endpoint-groups';
import { useExplorer } from './explorer-store';

function EndpointItem({ endpoint, scopes }: { readonly endpoint: CatalogueEntry; readonly scopes: readonly string[] | null }) {
  const notifyError = useNotifyContractError();
  const selected = useExplorer((state) => state.selectedId === endpoint.id);
  const select = useExplorer((state) => state.select);
  return (
    <NavLink
      component="button"
      type="button"
      data-endpoint={endpoint.id}
      active={selected}
      aria-current={selected ? 'true' : undefined}
      onClick={() => select(endpoint.id).catch((error: unknown) => notifyError(error, 'loading the example request'))}
      label={
        <Group gap="xs" wrap="nowrap">
          <MethodBadge method={endpoint.method} />
          <Text size="sm" fw={500}>
            {endpoint.summary}
          </Text>
        </Group>
      }
      description={
        <Stack gap={4} mt={4}>
          <Code fz="xs" style={{ wordBreak: 'break-all' }}>
            {endpoint.path}
          </Code>
          <Group gap={6} wrap="wrap">
            <Code fz="xs">{endpoint.requiredScope}</Code>
            <CoverageBadge coverage={coverageOf(scopes, endpoint.requiredScope)} />
          </Group>
        </Stack>
      }
    />
  );
}

const STICKY_TOP = 'calc(var(--app-shell-header-height, 56px) + var(--mantine-spacing-lg))';

/** The 29 endpoints by entity, each with its scope and whether the current token covers it; and the filter. */
export function EndpointList() {
  const filter = useExplorer((state) => state.filter);
  const setFilter = useExplorer((state) => state.setFilter);
  const scopes = useWorkbench((state) => state.currentToken?.scopes ?? null);
  const groups = useMemo(() => filterGroups(filter), [filter]);
  const shown = groups.reduce((count, group) => count + group.endpoints.length, 0);
  return (
    // Beside the workspace (md and up) the list stays in view and takes the window's height below the header.
    <Stack gap="xs" pos={{ base: 'static', md: 'sticky' }} top={STICKY_TOP} h={{ base: 'auto', md: `calc(100dvh - ${STICKY_TOP} - var(--mantine-spacing-lg))` }}>
      <TextInput
        label="Filter endpoints"
        description="By method, path, scope or name"
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        rightSection={filter === '' ? null : <CloseButton aria-label="Clear the filter" onClick={() => setFilter('')} />}
      />
      <Text size="xs" c="dimmed" aria-live="polite">
        {shown} of {CATALOGUE.length} endpoints
      </Text>
      {shown === 0 ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">No endpoint matches &quot;{filter}&quot;.</Text>
          <Button variant="light" size="xs" onClick={() => setFilter('')}>
            Show all endpoints
          </Button>
        </Stack>
      ) : (
        <ScrollArea.Autosize mah={{ base: '60dvh', md: '100%' }} mih={0} style={{ flex: '1 1 0' }} type="auto" offsetScrollbars>
          <Stack gap="sm" component="nav" aria-label="Endpoints">
            {groups.map((group) => (
              <Stack key={group.entity} gap={2} role="group" aria-label={group.heading}>
                <Title order={3} size="h6" c="dimmed" tt="uppercase">
                  {group.heading}
                </Title>
                {group.endpoints.map((endpoint) => (
                  <EndpointItem key={endpoint.id} endpoint={endpoint} scopes={scopes} />
                ))}
              </Stack>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
