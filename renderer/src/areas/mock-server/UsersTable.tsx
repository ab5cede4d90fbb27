import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ApplicationView, MockUserView } from '../../stores/workbench-store';

const STATUS_COLORS = { active: 'teal', disabled: 'orange', deleted: 'gray' } as const;

export interface UsersTableProps {
  readonly users: readonly MockUserView[];
  /** The client-credentials apps acting as each user, by user id. */
  readonly actingApps: ReadonlyMap<string, readonly ApplicationView[]>;
  /** `userId:status` of the change in flight, if any. */
  readonly pending: string | null;
  onSetStatus(user: MockUserView, status: 'active' | 'disabled'): void;
  onDelete(user: MockUserView): void;
}

/** The mock account's Totango users, with their status and what can be done to each. */
export function UsersTable({ users, actingApps, pending, onSetStatus, onDelete }: UsersTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Users of the mock account" fz="sm" verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th miw={110}>Status</Table.Th>
            <Table.Th>Acting user of</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const name = `${user.firstName} ${user.lastName}`;
            const apps = actingApps.get(user.id) ?? [];
            const busy = pending !== null;
            const toggle = user.status === 'active' ? ('disabled' as const) : ('active' as const);
            return (
              <Table.Tr key={user.id} data-testid={`user-row-${user.id}`}>
                <Table.Td>{name}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
                <Table.Td>{user.role === 'admin' ? 'Admin' : 'User'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[user.status]} aria-label={`Status: ${user.status}`}>
                    {user.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{apps.length === 0 ? <Text span c="dimmed" size="sm">none</Text> : apps.map((app) => app.name).join(', ')}</Table.Td>
                <Table.Td>
                  {user.status === 'deleted' ? (
                    <Text size="xs" c="dimmed">
                      Deleted for good
                    </Text>
                  ) : (
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button
                        size="xs"
                        variant="light"
                        color={toggle === 'disabled' ? 'orange' : 'teal'}
                        aria-label={`${toggle === 'disabled' ? 'Disable' : 'Activate'} ${name}`}
                        loading={pending === `${user.id}:${toggle}`}
                        disabled={busy && pending !== `${user.id}:${toggle}`}
                        onClick={() => onSetStatus(user, toggle)}
                      >
                        {toggle === 'disabled' ? 'Disable' : 'Activate'}
                      </Button>
                      <Button size="xs" variant="subtle" color="red" aria-label={`Delete ${name}`} disabled={busy} onClick={() => onDelete(user)}>
                        Delete
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
