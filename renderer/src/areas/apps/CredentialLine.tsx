import { Code, Group, Stack, Text } from '@mantine/core';
import { CopyValueButton } from '../../components/CopyValueButton';
import { shortenSecret } from '../../components/secrets';

export interface CredentialLineProps {
  readonly label: string;
  readonly value: string;
  /** What the copy button copies, in a few words: "the client ID". */
  readonly what: string;
  /** A secret shows shortened and masked in screenshots; the copy button copies it whole. */
  readonly secret?: boolean;
}

/** A labelled value with a copy button: the client ID whole, a client secret shortened. */
export function CredentialLine({ label, value, what, secret = false }: CredentialLineProps) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code fz="sm" style={{ wordBreak: 'break-all' }} {...(secret ? { 'data-secret': true } : {})} data-testid={secret ? 'client-secret' : undefined}>
          {secret ? shortenSecret(value) : value}
        </Code>
        <CopyValueButton value={value} label={`Copy ${what}`} />
      </Group>
    </Stack>
  );
}
