import { Alert, Anchor, Select } from '@mantine/core';
import type { MockUserView } from '../../stores/workbench-store';

export function userName(user: MockUserView): string {
  return `${user.firstName} ${user.lastName}`;
}

export interface ActingUserFieldProps {
  readonly users: readonly MockUserView[];
  readonly value: string | null;
  readonly onChange: (userId: string | null) => void;
  readonly onBlur: () => void;
  readonly error?: string | undefined;
  readonly disabled?: boolean;
}

/** Client credentials' "Select a user that the application will use": the mock's active users. */
export function ActingUserField({ users, value, onChange, onBlur, error, disabled = false }: ActingUserFieldProps) {
  const active = users.filter((user) => user.status === 'active');
  if (active.length === 0) {
    return (
      <Alert color="orange" role="status" title="No active user to act as">
        A client-credentials application acts as a Totango user, and the mock account has no active one. Add or re-activate a user on the{' '}
        <Anchor href="#/mock-server">Mock server screen</Anchor>.
      </Alert>
    );
  }
  return (
    <Select
      label="Acting user"
      description="The user the application acts as. If this user is disabled or deleted, the application will not be able to access Totango."
      data={active.map((user) => ({ value: user.id, label: `${userName(user)} (${user.email})` }))}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      error={error}
      allowDeselect={false}
      disabled={disabled}
      withAsterisk
    />
  );
}
