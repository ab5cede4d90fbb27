import { Code, Group, Text } from '@mantine/core';
import { CopyValueButton } from '../../components/CopyValueButton';
import { shortenSecret } from '../../components/secrets';

/** The raw token, shortened on screen (and masked in screenshots), copied whole. */
export function RawToken({ token }: { readonly token: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={500}>
        Token
      </Text>
      <Code data-secret data-testid="raw-token">
        {shortenSecret(token, 12)}
      </Code>
      <CopyValueButton value={token} label="Copy the token" />
    </Group>
  );
}
