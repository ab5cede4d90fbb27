import { Skeleton, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useLabStores, useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import type { ApplicationView, MockUserView } from '../../stores/workbench-store';
import { AddUserForm } from './AddUserForm';
import { DeleteUserModal } from './DeleteUserModal';
import { UsersTable } from './UsersTable';

/** The Totango users of the mock account: disable, activate, delete, add. */
export function UsersPanel() {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const users = useWorkbench((state) => state.users);
  const applications = useWorkbench((state) => state.applications);
  const loaded = useWorkbench((state) => state.loaded);
  const refreshUsers = useWorkbench((state) => state.refreshUsers);
  const [pending, setPending] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<MockUserView | null>(null);

  const actingApps = useMemo(() => {
    const byUser = new Map<string, ApplicationView[]>();
    for (const app of applications) {
      if (app.grantType !== 'client_credentials' || app.actingUserId === null) continue;
      byUser.set(app.actingUserId, [...(byUser.get(app.actingUserId) ?? []), app]);
    }
    return byUser;
  }, [applications]);

  const setStatus = async (user: MockUserView, status: 'active' | 'disabled' | 'deleted') => {
    setPending(`${user.id}:${status}`);
    try {
      await client.users.setStatus({ userId: user.id, status });
      await refreshUsers();
      return true;
    } catch (error) {
      notifyError(error, `${status === 'active' ? 'activating' : status === 'disabled' ? 'disabling' : 'deleting'} ${user.firstName} ${user.lastName}`);
      return false;
    } finally {
      setPending(null);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        A client-credentials application acts as one of these users. Disabled or deleted, that user gets no token, and the tokens that act as them stop working.
      </Text>
      {!loaded ? (
        <Skeleton height={160} aria-label="Loading the users" />
      ) : users.length === 0 ? (
        <Text c="dimmed">The mock account has no users yet: add the first one below.</Text>
      ) : (
        <UsersTable users={users} actingApps={actingApps} pending={pending} onSetStatus={(user, status) => void setStatus(user, status)} onDelete={setToDelete} />
      )}
      <AddUserForm />
      <DeleteUserModal
        user={toDelete}
        actingApps={toDelete === null ? [] : (actingApps.get(toDelete.id) ?? [])}
        deleting={toDelete !== null && pending === `${toDelete.id}:deleted`}
        onClose={() => setToDelete(null)}
        onConfirm={() => {
          if (toDelete !== null) void setStatus(toDelete, 'deleted').then((done) => done && setToDelete(null));
        }}
      />
    </Stack>
  );
}
