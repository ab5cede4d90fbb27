import { Alert, Anchor, Text } from '@mantine/core';
import type { FormLevelError } from './use-registration-form';

/** What the mock said about the whole registration: the limit (with where to raise it), or another refusal. */
export function FormLevelAlert({ error }: { readonly error: FormLevelError }) {
  if (error.code === 'application_limit_reached') {
    return (
      <Alert color="red" title="The account is at its application limit" data-testid="limit-refusal">
        <Text size="sm">{error.message}</Text>
        <Text size="sm" mt="xs">
          The <Anchor href="#/mock-server">Mock server screen</Anchor> can raise the mock&apos;s application limit.
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" title="The application was not registered">
      <Text size="sm">{error.message}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {error.code}
      </Text>
    </Alert>
  );
}
