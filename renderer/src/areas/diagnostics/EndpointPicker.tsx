import { Checkbox, Code, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { EndpointId } from '../../../../shared/catalogue';
import { ENDPOINT_GROUPS, groupHeading } from './endpoint-groups';

export interface EndpointPickerProps {
  readonly selected: ReadonlySet<EndpointId>;
  readonly onChange: (selected: ReadonlySet<EndpointId>) => void;
}

/** The 29 endpoints grouped by entity, each group with "select all of it". */
export function EndpointPicker({ selected, onChange }: EndpointPickerProps) {
  const set = (ids: readonly EndpointId[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  };
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      {ENDPOINT_GROUPS.map((group) => {
        const ids = group.endpoints.map((e) => e.id);
        const count = ids.filter((id) => selected.has(id)).length;
        const heading = groupHeading(group);
        return (
          <Paper key={group.entity} withBorder p="sm" radius="md" role="group" aria-label={heading}>
            <Stack gap={6}>
              <Checkbox
                fw={600}
                label={`${heading} (${count} of ${ids.length})`}
                aria-label={`Select all of ${group.label}`}
                checked={count === ids.length}
                indeterminate={count > 0 && count < ids.length}
                onChange={(event) => set(ids, event.currentTarget.checked)}
              />
              <Stack gap={4} pl="lg">
                {group.endpoints.map((endpoint) => (
                  <Checkbox
                    key={endpoint.id}
                    size="xs"
                    checked={selected.has(endpoint.id)}
                    onChange={(event) => set([endpoint.id], event.currentTarget.checked)}
                    aria-label={`${endpoint.summary} (${endpoint.method} ${endpoint.path})`}
                    label={
                      <Text size="sm">
                        {endpoint.summary}{' '}
                        <Code fz="xs">
                          {endpoint.method} {endpoint.path}
                        </Code>
                      </Text>
                    }
                  />
                ))}
              </Stack>
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
