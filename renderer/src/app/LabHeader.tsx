import { Burger, Group, Text } from '@mantine/core';
import { DemoLauncher } from '../demo/DemoLauncher';
import { ThemeToggle } from '../theme/ThemeToggle';
import { useLab } from '../stores/lab-stores';
import { ConnectionBadge } from './ConnectionBadge';

export const PRODUCT_NAME = 'Totango OAuth Lab';

function SelectedTarget() {
  const target = useLab((state) => state.selectedTarget);
  if (target === null) return null;
  return (
    <Text size="sm" c="dimmed" truncate maw={360} title={target.baseUrl}>
      Target:{' '}
      <Text span inherit c="var(--mantine-color-text)" fw={600} data-testid="selected-target">
        {target.label}
      </Text>
    </Text>
  );
}

export interface LabHeaderProps {
  readonly navigationOpened: boolean;
  readonly onToggleNavigation: () => void;
}

/** The product name, the link's state, the selected target, the way into demo mode and the theme switch. */
export function LabHeader({ navigationOpened, onToggleNavigation }: LabHeaderProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={navigationOpened} onClick={onToggleNavigation} hiddenFrom="sm" size="sm" aria-label={navigationOpened ? 'Hide the navigation' : 'Show the navigation'} />
        <Text component="span" fw={700} size="lg">
          {PRODUCT_NAME}
        </Text>
        <ConnectionBadge />
      </Group>
      <Group gap="md" wrap="nowrap">
        <SelectedTarget />
        <DemoLauncher />
        <ThemeToggle />
      </Group>
    </Group>
  );
}
