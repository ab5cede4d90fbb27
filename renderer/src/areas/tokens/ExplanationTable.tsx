import { Badge, Code, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { CopyValueButton } from '../../components/CopyValueButton';
import { localTime } from './countdown';
import { splitScopeDetail, TIME_CLAIMS, type Explanation } from './token-words';

export interface ExplanationTableProps {
  /** "Header" or "Claims". */
  readonly title: string;
  /** The first column's heading: "Parameter", "Claim". */
  readonly nameHeading: string;
  readonly explanations: readonly Explanation[];
  /** The decoded JSON, for the copy button. */
  readonly json: Readonly<Record<string, unknown>>;
}

function ClaimValue({ name, value }: { readonly name: string; readonly value: unknown }) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return (
    <Stack gap={2}>
      <Code block={typeof value === 'object' && value !== null} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {text}
      </Code>
      {TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value) ? (
        <Text size="xs" c="dimmed">
          {localTime(value * 1000)}
        </Text>
      ) : null}
    </Stack>
  );
}

function Meaning({ explanation }: { readonly explanation: Explanation }) {
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Text size="sm">{explanation.explanation}</Text>
        {explanation.known ? null : (
          <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
            unknown
          </Badge>
        )}
      </Group>
      {explanation.details !== undefined && explanation.details.length > 0 ? (
        <List size="sm" spacing={2} aria-label={`What each ${explanation.name === 'scope' ? 'scope' : 'part'} allows`}>
          {explanation.details.map((detail) => {
            const { scope, meaning } = splitScopeDetail(detail);
            return (
              <List.Item key={detail}>
                <Code>{scope}</Code> {meaning}
              </List.Item>
            );
          })}
        </List>
      ) : null}
    </Stack>
  );
}

/** A JWT's header or claims: each name, its value, and what it means in plain words. */
export function ExplanationTable({ title, nameHeading, explanations, json }: ExplanationTableProps) {
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {title}
        </Title>
        <CopyValueButton value={JSON.stringify(json, null, 2)} label={`Copy the ${title.toLowerCase()} as JSON`} />
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped fz="sm" aria-label={title} verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="14%">{nameHeading}</Table.Th>
              <Table.Th w="32%">Value</Table.Th>
              <Table.Th>Meaning</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {explanations.map((explanation) => (
              <Table.Tr key={explanation.name} data-name={explanation.name}>
                <Table.Td>
                  <Code>{explanation.name}</Code>
                </Table.Td>
                <Table.Td>
                  <ClaimValue name={explanation.name} value={explanation.value} />
                </Table.Td>
                <Table.Td>
                  <Meaning explanation={explanation} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
