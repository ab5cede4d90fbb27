import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useLab } from '../stores/lab-stores';

/** While the Lab has not answered: a progress line, or why it failed and a way to try again. */
export function StartupStatus() {
  const appState = useLab((state) => state.appState);
  const error = useLab((state) => state.startupError);
  const load = useLab((state) => state.load);
  if (appState === 'ready') return null;
  if (appState === 'loading') {
    return (
      <Center mih={240}>
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden="true" />
          <Text>Reaching the Lab…</Text>
        </Group>
      </Center>
    );
  }
  return (
    <Alert color="red" title="The Lab did not answer" role="alert" maw={640}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          {error?.message ?? 'no answer'} {error ? <Text span size="xs" c="dimmed">({error.code})</Text> : null}
        </Text>
        <Text size="sm">The window reaches the Lab through its main process or, in browser mode, through the local server that printed this page's address.</Text>
        <Button onClick={() => void load()}>Try again</Button>
      </Stack>
    </Alert>
  );
}
