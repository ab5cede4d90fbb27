import { Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { ThemePreference } from '../../contract/lab-client';
import { useLab } from '../../stores/lab-stores';

const THEMES: { value: ThemePreference; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Follow the system' },
];

/** Light, dark or the system's: a Lab preference, applied at once by the Lab store. */
export function ThemePanel() {
  const theme = useLab((state) => state.theme);
  const setTheme = useLab((state) => state.setTheme);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-theme-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="settings-theme-title">
          Theme
        </Title>
        <Text size="sm" c="dimmed">
          Saved with the Lab&apos;s preferences, in this computer&apos;s data directory.
        </Text>
        <SegmentedControl aria-label="Theme" data={THEMES} value={theme} onChange={(value) => void setTheme(value as ThemePreference)} w="fit-content" />
      </Stack>
    </Paper>
  );
}
