import { Badge, Code, DataList, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { REGIONS } from '../../../../shared/regions';
import { CopyValueButton } from '../../components/CopyValueButton';
import { useWorkbench } from '../../stores/lab-stores';
import type { ApplicationView } from '../../stores/workbench-store';
import { actingUser, formatDateTime, GRANT_TYPE_LABELS } from './application-labels';
import { CallbackUrlsEditor } from './CallbackUrlsEditor';
import { CertificatePanel } from './CertificatePanel';
import { DeleteApplication } from './DeleteApplication';
import { LifetimeEditor } from './LifetimeEditor';
import { UseInLabButton } from './UseInLabButton';

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Divider />
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Details({ application, onClose }: { readonly application: ApplicationView; readonly onClose: () => void }) {
  const users = useWorkbench((state) => state.users);
  const user = actingUser(application, users);
  return (
    <Stack gap="md">
      <DataList labelWidth={130}>
        <DataList.Item>
          <DataList.ItemLabel>Client ID</DataList.ItemLabel>
          <DataList.ItemValue>
            <Group gap={4} wrap="nowrap">
              <Code fz="xs">{application.clientId}</Code>
              <CopyValueButton value={application.clientId} label="Copy the client ID" />
            </Group>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Grant type</DataList.ItemLabel>
          <DataList.ItemValue>{GRANT_TYPE_LABELS[application.grantType]}</DataList.ItemValue>
        </DataList.Item>
        {user ? (
          <DataList.Item>
            <DataList.ItemLabel>Acting user</DataList.ItemLabel>
            <DataList.ItemValue>
              <Text size="sm" c={user.active ? undefined : 'orange'}>
                {user.label}
                {user.active ? '' : ': the application gets no token until this user is active again'}
              </Text>
            </DataList.ItemValue>
          </DataList.Item>
        ) : null}
        <DataList.Item>
          <DataList.ItemLabel>Region</DataList.ItemLabel>
          <DataList.ItemValue>
            {application.region.toUpperCase()} ({REGIONS[application.region].baseUrl})
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Scopes</DataList.ItemLabel>
          <DataList.ItemValue>
            <Group gap={4}>
              {application.scopes.map((scope) => (
                <Badge key={scope} variant="outline" tt="none">
                  {scope}
                </Badge>
              ))}
            </Group>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Registered</DataList.ItemLabel>
          <DataList.ItemValue>{formatDateTime(application.createdAt)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Client secret</DataList.ItemLabel>
          <DataList.ItemValue>
            {application.secretInLab
              ? 'Held by the Lab for this session (never shown again).'
              : 'Not held by the Lab: it was shown once, to whoever registered the app. Enter it on the Settings screen to use the app here.'}
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
      {application.secretInLab ? (
        <Group>
          <UseInLabButton clientId={application.clientId} name={application.name} />
        </Group>
      ) : null}
      <Section title="Access token expiration">
        <LifetimeEditor application={application} />
      </Section>
      {application.grantType === 'authorization_code' ? (
        <Section title="Authorization callback URLs">
          <CallbackUrlsEditor application={application} />
        </Section>
      ) : null}
      {application.mutualTls ? (
        <Section title="Client certificate (mutual TLS)">
          <CertificatePanel application={application} />
        </Section>
      ) : null}
      <Section title="Delete">
        <Text size="sm">Deleting the application revokes every access token granted to it{application.mutualTls ? ', and its certificate' : ''}.</Text>
        <Group>
          <DeleteApplication application={application} onDeleted={onClose} />
        </Group>
      </Section>
    </Stack>
  );
}

/** An application's details page, as a drawer over the list. */
export function ApplicationDrawer({ clientId, onClose }: { readonly clientId: string | null; readonly onClose: () => void }) {
  const application = useWorkbench((state) => state.applications.find((a) => a.clientId === clientId));
  return (
    <Drawer opened={application !== undefined} onClose={onClose} position="right" size="lg" title={application?.name ?? ''}>
      {application ? <Details key={application.clientId} application={application} onClose={onClose} /> : null}
    </Drawer>
  );
}
