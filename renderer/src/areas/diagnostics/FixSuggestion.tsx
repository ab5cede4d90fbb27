import { Button, Code, Group, Stack, Text } from '@mantine/core';
import type { MatrixRowView } from '../../../../shared/contract/client-schemas';
import { CopyValueButton } from '../../components/CopyValueButton';

type ScopeFix = NonNullable<MatrixRowView['fix']>;

/** The smallest scope change that makes the row pass, the wider options, and where to make it. */
export function FixSuggestion({ fix }: { readonly fix: ScopeFix }) {
  return (
    <Stack gap={6} aria-label="The fix" role="group">
      <Text fw={600} size="sm">
        The fix
      </Text>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" data-testid="fix-text">
          Add <Code fw={700}>{fix.addScope}</Code> to the app&apos;s scopes
        </Text>
        <CopyValueButton value={fix.addScope} label={`Copy ${fix.addScope}`} />
      </Group>
      {fix.widerOptions.length > 0 ? (
        <Text size="sm" c="dimmed">
          Wider scopes would also do, and grant more than this call needs:{' '}
          {fix.widerOptions.map((scope, index) => (
            <span key={scope}>
              {index > 0 ? ', ' : ''}
              <Code>{scope}</Code>
            </span>
          ))}
          .
        </Text>
      ) : null}
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed">
          Totango sets an app&apos;s scopes when it is registered: register one with it, then get a new token.
        </Text>
        <Button size="compact-sm" variant="light" onClick={() => (window.location.hash = '#/apps')}>
          Go to Apps
        </Button>
      </Group>
    </Stack>
  );
}
