import { Alert, Badge, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract/define';
import type { LabContract } from '../../../../shared/contract/lab-contract';
import { ContractError } from '../../../../shared/contract/wire';
import { useLabStores } from '../../stores/lab-stores';

type ResolvedTarget = MethodOutput<LabContract, 'targets', 'resolve'>;

const SOURCE_TEXT: Readonly<Record<ResolvedTarget['source'], string>> = {
  rfc8414: 'Found in its RFC 8414 metadata',
  article: "The article's fixed paths (no metadata answered)",
};

function rows(resolved: ResolvedTarget): [string, string | undefined][] {
  return [
    ['Issuer', resolved.issuer],
    ['Authorization endpoint', resolved.authorizationEndpoint],
    ['Token endpoint', resolved.tokenEndpoint],
    ['Token endpoint (mutual TLS)', resolved.mtlsTokenEndpoint],
    ['JWKS', resolved.jwksUri],
    ['API base', resolved.apiBase],
    ['API base (mutual TLS)', resolved.mtlsApiBase],
  ];
}

/** A target's endpoints, found when shown: RFC 8414 metadata, or the article's fixed paths. */
export function TargetEndpoints({ targetKey, label }: { readonly targetKey: string; readonly label: string }) {
  const { client } = useLabStores();
  const [resolved, setResolved] = useState<ResolvedTarget | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client.targets
      .resolve({ targetKey })
      .then((answer) => live && setResolved(answer))
      .catch((cause: unknown) => live && setError(cause instanceof ContractError ? `${cause.code}: ${cause.message}` : String(cause)));
    return () => {
      live = false;
    };
  }, [client, targetKey]);

  if (error !== null) {
    return (
      <Alert color="red" title="Its endpoints could not be found">
        {error}
      </Alert>
    );
  }
  if (resolved === null) {
    return (
      <Stack gap={4} role="status" aria-label={`Finding the endpoints of ${label}`}>
        <Skeleton height={16} />
        <Skeleton height={16} />
        <Skeleton height={16} />
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge variant="light" color={resolved.source === 'rfc8414' ? 'teal' : 'gray'}>
          {resolved.source === 'rfc8414' ? 'RFC 8414' : 'article'}
        </Badge>
        <Text size="sm">{SOURCE_TEXT[resolved.source]}</Text>
      </Group>
      <Table fz="xs" withTableBorder aria-label={`Endpoints of ${label}`}>
        <Table.Tbody>
          {rows(resolved)
            .filter((row): row is [string, string] => row[1] !== undefined)
            .map(([name, url]) => (
              <Table.Tr key={name}>
                <Table.Th w="32%">{name}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-all' }}>{url}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
