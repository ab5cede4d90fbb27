import { Alert, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { MockStatus } from '../../../../shared/contract/mock-schemas';
import { CaCertificateButton } from './CaCertificateButton';
import { DataResetSection } from './DataResetSection';
import { RegionUrls } from './RegionUrls';
import { UrlTable, type UrlEntry } from './UrlTable';

/** Where the mock listens, its data directory and warnings; the tenant data reset. */
export function StatusPanel({ status }: { readonly status: MockStatus }) {
  const { urls } = status;
  const general: UrlEntry[] = urls === undefined ? [] : [
    { label: 'Admin API', value: urls.admin },
    { label: 'OpenAPI document', value: urls.openapi },
    { label: 'CA certificate', value: urls.caCertificate },
  ];
  if (status.dataDir !== undefined) general.push({ label: 'Data directory', value: status.dataDir });
  return (
    <Stack gap="md">
      {status.warnings.length > 0 ? (
        <Alert color="yellow" variant="light" title={status.warnings.length === 1 ? 'Warning' : `${status.warnings.length} warnings`}>
          <List size="sm">
            {status.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Paper withBorder p="md" component="section" aria-labelledby="mock-general-title">
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4" id="mock-general-title">
              The mock
            </Title>
            <CaCertificateButton />
          </Group>
          {status.account !== undefined ? (
            <Text size="sm">
              Account <strong>{status.account.name}</strong> (service ID {status.account.serviceId})
              {status.counts !== undefined ? `: ${status.counts.applications} ${status.counts.applications === 1 ? 'application' : 'applications'}, ${status.counts.users} users.` : '.'}
            </Text>
          ) : null}
          <UrlTable entries={general} caption="The mock's addresses and data directory" />
          <Text size="xs" c="dimmed">
            Trust the CA certificate to reach the HTTPS (mutual TLS) endpoints without certificate errors.
          </Text>
        </Stack>
      </Paper>
      {urls !== undefined ? (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
          <RegionUrls region="us" urls={urls.regions.us} />
          <RegionUrls region="eu" urls={urls.regions.eu} />
        </SimpleGrid>
      ) : null}
      <DataResetSection />
    </Stack>
  );
}
