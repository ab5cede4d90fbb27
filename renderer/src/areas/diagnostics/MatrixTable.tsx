import { ActionIcon, Code, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { MatrixRowView } from '../../../../shared/contract/client-schemas';
import { endpointById } from './endpoint-groups';
import { MatrixRowDetails } from './MatrixRowDetails';
import { VerdictBadge } from './VerdictBadge';
import { serverAnswer, type Verdict } from './verdicts';

const ROW_TINT: Partial<Record<Verdict, string>> = {
  fail: 'var(--mantine-color-red-light)',
  mismatch: 'var(--mantine-color-orange-light)',
  error: 'var(--mantine-color-grape-light)',
};
const COLUMNS = 5;

function MatrixRow({ row, expanded, onToggle }: { readonly row: MatrixRowView; readonly expanded: boolean; readonly onToggle: () => void }) {
  const summary = endpointById(row.endpointId)?.summary ?? row.endpointId;
  const detailsId = `diagnostics-details-${row.endpointId}`;
  return (
    <Fragment>
      <Table.Tr data-verdict={row.verdict} data-endpoint={row.endpointId} style={{ background: ROW_TINT[row.verdict] }}>
        <Table.Td w={40}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Details of ${summary}`}
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            onClick={onToggle}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {summary}
            </Text>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Text span size="xs" ff="monospace" fw={700} w={52} style={{ flexShrink: 0 }}>
                {row.method}
              </Text>
              <Text span size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {row.path}
              </Text>
            </Group>
          </Stack>
        </Table.Td>
        <Table.Td>
          <Stack gap={2}>
            <Code fz="xs" style={{ overflowWrap: 'anywhere' }}>
              {row.requiredScope}
            </Code>
            {row.coveredBy === null ? (
              <>
                <Text size="xs" c="dimmed">
                  covered by none
                </Text>
                {row.fix !== undefined ? (
                  <Text size="xs" data-testid="row-fix">
                    add{' '}
                    <Text span inherit ff="monospace" fw={700}>
                      {row.fix.addScope}
                    </Text>
                  </Text>
                ) : null}
              </>
            ) : (
              <Text size="xs" c="dimmed" title={row.coveredBy.ruleText}>
                covered by{' '}
                <Text span inherit ff="monospace" c="var(--mantine-color-text)">
                  {row.coveredBy.scope}
                </Text>{' '}
                (rule: {row.coveredBy.rule})
              </Text>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Stack gap={2}>
            <Text size="xs">
              <Text span inherit c="dimmed">
                predicted{' '}
              </Text>
              {row.predicted}
            </Text>
            <Text size="xs">
              <Text span inherit c="dimmed">
                server{' '}
              </Text>
              <Text span inherit ff="monospace">
                {serverAnswer(row)}
              </Text>
            </Text>
          </Stack>
        </Table.Td>
        <Table.Td>
          <VerdictBadge verdict={row.verdict} />
        </Table.Td>
      </Table.Tr>
      {expanded ? (
        <Table.Tr id={detailsId} data-details-of={row.endpointId}>
          <Table.Td colSpan={COLUMNS}>
            <MatrixRowDetails row={row} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </Fragment>
  );
}

/** The matrix: one row per endpoint, each opening onto its cause, fix and HTTP exchange. */
export function MatrixTable({ rows }: { readonly rows: readonly MatrixRowView[] }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((before) => {
      const next = new Set(before);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md">
        No row matches these filters.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table verticalSpacing="xs" aria-label="Diagnostics matrix" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
            <Table.Th miw={200}>Endpoint</Table.Th>
            <Table.Th miw={170}>Required scope, covered by</Table.Th>
            <Table.Th>Predicted, server</Table.Th>
            <Table.Th>Verdict</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <MatrixRow key={row.endpointId} row={row} expanded={expanded.has(row.endpointId)} onToggle={() => toggle(row.endpointId)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
