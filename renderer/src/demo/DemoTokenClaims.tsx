import { Badge, Code, Group, List, Stack, Text } from '@mantine/core';
import { CopyValueButton } from '../components/CopyValueButton';
import { shortenSecret } from '../components/secrets';
import type { TokenInspection } from './use-demo';

/** The claims worth saying out loud, in the order a presenter would. */
const TOLD_CLAIMS = ['sub', 'totango_user', 'client_id', 'scope', 'aud', 'exp', 'iss'] as const;

/** The token, shortened, and its main claims in the Lab's plain words. */
export function DemoTokenClaims({ token, inspection }: { readonly token: string; readonly inspection: TokenInspection }) {
  const decoded = inspection.decoded;
  const verification = inspection.verification;
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap">
        <Code data-secret fz="lg" aria-label="The access token, shortened">
          {shortenSecret(token)}
        </Code>
        <CopyValueButton value={token} label="Copy the access token" />
        {verification === undefined ? null : (
          <Badge size="lg" color={verification.valid ? 'teal' : 'red'} variant="light">
            {verification.valid ? 'signature valid' : 'verification failed'}
          </Badge>
        )}
      </Group>
      {decoded.kind !== 'jwt' ? (
        <Text fz="lg">{decoded.summary}</Text>
      ) : (
        <List spacing="xs" fz="lg" aria-label="What the token holds">
          {TOLD_CLAIMS.flatMap((name) => decoded.claimExplanations.filter((claim) => claim.name === name)).map((claim) => (
            <List.Item key={claim.name}>
              <Text span inherit fw={700}>
                {claim.name}
              </Text>
              : {claim.explanation}
              {claim.details === undefined ? null : (
                <List withPadding fz="md" mt={4}>
                  {claim.details.map((detail) => (
                    <List.Item key={detail}>{detail}</List.Item>
                  ))}
                </List>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
