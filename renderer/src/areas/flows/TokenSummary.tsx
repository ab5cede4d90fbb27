import { Badge, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CurrentToken } from '../../../../shared/contract/client-schemas';
import { areaHref } from '../../app/routing';
import { CopyValueButton } from '../../components/CopyValueButton';
import { shortenSecret } from '../../components/secrets';

function expiryWords(token: CurrentToken): string {
  if (token.expiresAt === undefined) return 'The server stated no lifetime.';
  // The Tokens screen's format: local time, with the time zone named.
  return `Expires ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(token.expiresAt))}.`;
}

/**
 * The token the flow obtained, shortened (it is a secret) with a copy button, and where
 * to go with it next. It is now the Lab's current token.
 */
export function TokenSummary({ token }: { readonly token: CurrentToken }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="flow-token-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="flow-token-title">
          The token
        </Title>
        <Group gap="xs" wrap="nowrap">
          <Code data-secret aria-label="The access token, shortened" fz="sm">
            {shortenSecret(token.accessToken)}
          </Code>
          <CopyValueButton value={token.accessToken} label="Copy the access token" />
          <Badge variant="light">{token.tokenType}</Badge>
          {token.overMutualTls ? (
            <Badge variant="outline" color="grape">
              bound to the certificate
            </Badge>
          ) : null}
        </Group>
        <Text size="sm">
          Scopes:{' '}
          {token.scopes.length === 0 ? (
            <Text span inherit c="dimmed">
              none stated
            </Text>
          ) : (
            token.scopes.map((scope) => (
              <Badge key={scope} variant="default" mr={4} tt="none">
                {scope}
              </Badge>
            ))
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {expiryWords(token)} It is now the Lab’s current token: calls and diagnostics use it.
        </Text>
        <Group gap="sm">
          <Button component="a" href={areaHref('tokens')} variant="light">
            Decode it in Tokens
          </Button>
          <Button component="a" href={areaHref('api-explorer')} variant="light">
            Call an endpoint in API explorer
          </Button>
          <Button component="a" href={areaHref('diagnostics')} variant="light">
            Run Diagnostics
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
