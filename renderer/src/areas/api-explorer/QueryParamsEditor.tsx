import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { newQueryParam, type QueryParamDraft } from './request-draft';

export interface QueryParamsEditorProps {
  readonly params: readonly QueryParamDraft[];
  /** By parameter id. */
  readonly problems: Readonly<Record<number, string>>;
  readonly onChange: (params: readonly QueryParamDraft[]) => void;
}

/** The query string as name and value pairs, added and removed at will. */
export function QueryParamsEditor({ params, problems, onChange }: QueryParamsEditorProps) {
  const update = (id: number, change: Partial<QueryParamDraft>) => onChange(params.map((param) => (param.id === id ? { ...param, ...change } : param)));
  return (
    <Stack gap="xs">
      {params.length === 0 ? (
        <Text size="sm" c="dimmed">
          No query parameters.
        </Text>
      ) : null}
      {params.map((param, index) => {
        const shown = param.name.trim() === '' ? `${index + 1}` : `"${param.name.trim()}"`;
        return (
          <Group key={param.id} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={`Name of query parameter ${index + 1}`}
              value={param.name}
              onChange={(event) => update(param.id, { name: event.currentTarget.value })}
              error={problems[param.id]}
              w="40%"
              spellCheck={false}
            />
            <TextInput aria-label={`Value of query parameter ${shown}`} value={param.value} onChange={(event) => update(param.id, { value: event.currentTarget.value })} style={{ flex: 1 }} spellCheck={false} />
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Remove query parameter ${shown}`} onClick={() => onChange(params.filter((p) => p.id !== param.id))}>
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          </Group>
        );
      })}
      <Button variant="subtle" size="xs" onClick={() => onChange([...params, newQueryParam()])} style={{ alignSelf: 'flex-start' }}>
        Add a query parameter
      </Button>
    </Stack>
  );
}
