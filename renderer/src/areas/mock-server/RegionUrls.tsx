import { Paper, Stack, Title } from '@mantine/core';
import type { MockStatus } from '../../../../shared/contract/mock-schemas';
import { MockBehaviourBadge } from './MockBehaviourBadge';
import { UrlTable, type UrlEntry } from './UrlTable';

type RegionUrlsView = NonNullable<MockStatus['urls']>['regions']['us'];

const REGION_NAMES = { us: 'US region', eu: 'EU region' } as const;

/** A region's OAuth endpoints, as a client is configured with them: plain HTTP, then the mutual-TLS origin. */
export function RegionUrls({ region, urls }: { readonly region: 'us' | 'eu'; readonly urls: RegionUrlsView }) {
  const mock = <MockBehaviourBadge />;
  const entries: UrlEntry[] = [
    { label: 'Issuer', value: urls.issuer },
    { label: 'Metadata', value: urls.metadata },
    { label: 'Authorization endpoint', value: urls.authorization },
    { label: 'Token endpoint', value: urls.token },
    { label: 'JWKS', value: urls.jwks },
    { label: 'Introspection endpoint', value: urls.introspection, note: mock },
    { label: 'Revocation endpoint', value: urls.revocation, note: mock },
    { label: 'HTTPS (mTLS) origin', value: urls.mtls.origin },
    { label: 'mTLS token endpoint', value: urls.mtls.token },
  ];
  const id = `region-${region}-title`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={id}>
          {REGION_NAMES[region]}
        </Title>
        <UrlTable entries={entries} caption={`${REGION_NAMES[region]} endpoints`} copyPrefix={`${region.toUpperCase()} `} />
      </Stack>
    </Paper>
  );
}
