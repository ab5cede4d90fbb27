import { SimpleGrid, Stack } from '@mantine/core';
import { CallbackPortPanel } from './CallbackPortPanel';
import { CredentialsPanel } from './CredentialsPanel';
import { TargetsPanel } from './TargetsPanel';
import { ThemePanel } from './ThemePanel';

/**
 * The settings area's screen (its heading and description come from the frame): the
 * targets and their stored credentials, the callback port and the theme.
 */
export function SettingsScreen() {
  return (
    <Stack gap="lg">
      <TargetsPanel />
      <CredentialsPanel />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <CallbackPortPanel />
        <ThemePanel />
      </SimpleGrid>
    </Stack>
  );
}
