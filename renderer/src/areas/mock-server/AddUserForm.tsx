import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ChangeEvent } from 'react';
import { ContractError } from '../../../../shared/contract/wire';
import { useLabStores, useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import { checkUserDraft, EMPTY_USER_DRAFT, userInputOf, type UserDraft } from './user-form';

const ROLES = [
  { value: 'user', label: 'User' },
  { value: 'admin', label: 'Admin' },
];

/** Add an active Totango user to the mock account, checked as you type. */
export function AddUserForm() {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const users = useWorkbench((state) => state.users);
  const refreshUsers = useWorkbench((state) => state.refreshUsers);
  const [draft, setDraft] = useState<UserDraft>(EMPTY_USER_DRAFT);
  const [touched, setTouched] = useState<Partial<Record<keyof UserDraft, boolean>>>({});
  const [serverError, setServerError] = useState<{ field: string; message: string } | null>(null);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const errors = checkUserDraft(draft, users);
  const errorOf = (field: keyof UserDraft) => (touched[field] ? errors[field] : undefined) ?? (serverError?.field === field ? serverError.message : undefined);
  const text = (field: 'firstName' | 'lastName' | 'email') => ({
    value: draft[field],
    error: errorOf(field),
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setServerError(null);
      setAdded(null);
      setDraft((current) => ({ ...current, [field]: value }));
      setTouched((current) => ({ ...current, [field]: true }));
    },
    onBlur: () => setTouched((current) => ({ ...current, [field]: true })),
  });

  const add = async () => {
    setTouched({ firstName: true, lastName: true, email: true });
    if (Object.keys(errors).length > 0) return;
    setAdding(true);
    try {
      const user = await client.users.create(userInputOf(draft));
      setDraft(EMPTY_USER_DRAFT);
      setTouched({});
      setAdded(`${user.firstName} ${user.lastName} was added, active.`);
      await refreshUsers();
    } catch (error) {
      if (error instanceof ContractError && error.field !== undefined && error.field in draft) setServerError({ field: error.field, message: error.message });
      else notifyError(error, 'adding the user');
    } finally {
      setAdding(false);
    }
  };

  return (
    <Paper withBorder p="md" component="form" aria-labelledby="add-user-title" noValidate onSubmit={(event) => (event.preventDefault(), void add())}>
      <Stack gap="sm">
        <Title order={2} size="h4" id="add-user-title">
          Add a user
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="First name" required autoComplete="off" {...text('firstName')} />
          <TextInput label="Last name" required autoComplete="off" {...text('lastName')} />
          <TextInput label="Email" required type="email" autoComplete="off" {...text('email')} />
          <Select label="Role" data={ROLES} value={draft.role} onChange={(role) => setDraft((current) => ({ ...current, role: role === 'admin' ? 'admin' : 'user' }))} allowDeselect={false} />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={adding}>
            Add user
          </Button>
          <Text size="sm" c="teal" role="status">
            {added}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
