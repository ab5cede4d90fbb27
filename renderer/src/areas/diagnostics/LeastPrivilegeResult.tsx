import { Alert, Badge, Code, Group, List, Stack, Table, Text } from '@mantine/core';
import type { MethodOutput } from '../../../../shared/contract/define';
import type { LabContract } from '../../../../shared/contract/lab-contract';
import { CopyValueButton } from '../../components/CopyValueButton';
import { endpointById } from './endpoint-groups';

export type LeastPrivilegeView = MethodOutput<LabContract, 'diagnostics', 'leastPrivilege'>;

const WARNING_TITLE: Readonly<Record<LeastPrivilegeView['warnings'][number]['kind'], string>> = {
  admin: 'The token holds admin',
  entity_all: 'The token holds a whole entity',
  unused: 'The token holds a scope nothing needs',
};

/** The smallest set of scopes for the ticked endpoints, what the current token lacks, and its wider grants. */
export function LeastPrivilegeResult({ result, comparedWithToken }: { readonly result: LeastPrivilegeView; readonly comparedWithToken: boolean }) {
  const scopes = result.needed.map((n) => n.scope);
  return (
    <Stack gap="sm" aria-label="Least-privilege scopes" role="region">
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>The smallest set of scopes</Text>
        <Code data-testid="least-privilege-scopes">{scopes.join(' ')}</Code>
        <CopyValueButton value={scopes.join(' ')} label="Copy the scopes" />
      </Group>
      <Table withTableBorder fz="sm" aria-label="Why each scope">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Scope</Table.Th>
            <Table.Th>For</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.needed.map((need) => (
            <Table.Tr key={need.scope}>
              <Table.Td>
                <Code>{need.scope}</Code>
              </Table.Td>
              <Table.Td>{need.endpointIds.map((id) => endpointById(id)?.summary ?? id).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {comparedWithToken ? (
        result.missing.length === 0 ? (
          <Text size="sm" c="green">
            The current token covers every ticked endpoint.
          </Text>
        ) : (
          <Group gap="xs" wrap="wrap">
            <Text size="sm" c="red">
              The current token lacks:
            </Text>
            {result.missing.map((scope) => (
              <Badge key={scope} color="red" variant="light" tt="none">
                {scope}
              </Badge>
            ))}
          </Group>
        )
      ) : null}
      {result.warnings.length > 0 ? (
        <Alert color="orange" variant="light" title="Wider than needed">
          <List size="sm" spacing={4}>
            {result.warnings.map((warning) => (
              <List.Item key={`${warning.kind}:${warning.scope}`} data-warning={warning.kind}>
                <Text span fw={600} size="sm">
                  {WARNING_TITLE[warning.kind]}:{' '}
                </Text>
                {warning.message}.
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
