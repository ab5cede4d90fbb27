import { Code, Group, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { CopyValueButton } from '../../components/CopyValueButton';

export interface UrlEntry {
  readonly label: string;
  readonly value: string;
  /** Shown after the label: a "mock behaviour" badge, say. */
  readonly note?: ReactNode;
}

/** `Token endpoint` → `token endpoint`; `JWKS`, `OpenAPI document` stay as they are. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]*(\s|$)/.test(label) ? `${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
}

/** Named values (URLs, a folder), each with a copy button whose label names it. */
export function UrlTable({ entries, caption, copyPrefix = '' }: { readonly entries: readonly UrlEntry[]; readonly caption: string; readonly copyPrefix?: string }) {
  return (
    <Table aria-label={caption} fz="sm" verticalSpacing={6} layout="fixed">
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.label}>
            <Table.Th w={180} fw={500} style={{ verticalAlign: 'top' }}>
              <Group gap={4}>
                {entry.label}
                {entry.note}
              </Group>
            </Table.Th>
            <Table.Td>
              <Group gap={4} wrap="nowrap" justify="space-between" align="flex-start">
                <Code style={{ wordBreak: 'break-all', background: 'transparent', padding: 0 }}>{entry.value}</Code>
                <CopyValueButton value={entry.value} label={`Copy the ${copyPrefix}${inSentence(entry.label)}`} />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
