import { Alert, Button, EmptyState, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useWorkbench } from '../../stores/lab-stores';
import { ApplicationDrawer } from './ApplicationDrawer';
import { ApplicationsHeader } from './ApplicationsHeader';
import { ApplicationsTable } from './ApplicationsTable';
import { RegisterApplicationModal } from './RegisterApplicationModal';

function MockStopped({ message }: { readonly message: string | undefined }) {
  return (
    <Alert color="red" title="The mock Totango is not running" data-testid="mock-stopped">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">Applications are registered on the mock, so none can be listed or registered until it runs again.{message ? ` ${message}` : ''}</Text>
        <Button size="xs" variant="light" onClick={() => (window.location.hash = '#/mock-server')}>
          Open the Mock server screen
        </Button>
      </Stack>
    </Alert>
  );
}

/** The apps area: the mock account's OAuth applications, registering one, and each one's details. */
export function AppsScreen() {
  const applications = useWorkbench((state) => state.applications);
  const limit = useWorkbench((state) => state.applicationLimit);
  const users = useWorkbench((state) => state.users);
  const loaded = useWorkbench((state) => state.loaded);
  const mockState = useWorkbench((state) => state.mockStatus?.state);
  const mockMessage = useWorkbench((state) => state.mockStatus?.message);
  const [registering, setRegistering] = useState(false);
  const [openClientId, setOpenClientId] = useState<string | null>(null);
  const stopped = mockState === 'stopped';

  if (!loaded) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label="Loading the applications">
        <Skeleton height={36} width="40%" />
        <Skeleton height={120} />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {stopped ? <MockStopped message={mockMessage} /> : null}
      <ApplicationsHeader count={applications.length} limit={limit} onRegister={() => setRegistering(true)} disabled={stopped} />
      {applications.length === 0 ? (
        stopped ? null : (
          <EmptyState title="No applications yet" description="Register an OAuth application on the mock Totango, as on Totango's Settings > OAuth Applications page, then use it in the Lab to run a flow." data-testid="apps-empty">
            <EmptyState.Actions>
              <Button onClick={() => setRegistering(true)}>Register an application</Button>
            </EmptyState.Actions>
          </EmptyState>
        )
      ) : (
        <ApplicationsTable applications={applications} users={users} onOpen={setOpenClientId} />
      )}
      <RegisterApplicationModal opened={registering} onClose={() => setRegistering(false)} />
      <ApplicationDrawer clientId={openClientId} onClose={() => setOpenClientId(null)} />
    </Stack>
  );
}
