import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { applicationCount } from './application-labels';

export interface ApplicationsHeaderProps {
  readonly count: number;
  readonly limit: number;
  readonly onRegister: () => void;
  /** The mock is not running. */
  readonly disabled: boolean;
}

/** "1 of 2 applications", as Totango counts them, and the button that registers another (the empty state has its own). */
export function ApplicationsHeader({ count, limit, onRegister, disabled }: ApplicationsHeaderProps) {
  const full = count >= limit;
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap">
      <Stack gap={2}>
        <Text fw={600} data-testid="application-count">
          {applicationCount(count, limit)}
        </Text>
        <Text size="sm" c="dimmed">
          {full ? (
            <>
              The account is at its limit, so Totango refuses another registration. The <Anchor href="#/mock-server">Mock server screen</Anchor> can raise the limit.
            </>
          ) : (
            `Totango limits an account to ${limit === 2 ? 'two applications' : `${limit} applications on this mock`}.`
          )}
        </Text>
      </Stack>
      {count > 0 ? (
        <Button onClick={onRegister} disabled={disabled}>
          Register an application
        </Button>
      ) : null}
    </Group>
  );
}
