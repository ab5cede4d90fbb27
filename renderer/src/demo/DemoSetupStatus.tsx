import { Alert, Button, Group, Text } from '@mantine/core';
import { areaHref } from '../app/routing';
import type { Demo } from './use-demo';

/**
 * The setup beat's trouble: the mock account is full (Totango's two-app limit), or the
 * setup failed. The limit is raised only when the presenter asks.
 */
export function DemoSetupStatus({ demo }: { readonly demo: Demo }) {
  const { setup, setupError } = demo;
  if (setup?.kind === 'limit') {
    return (
      <Alert color="orange" title="The mock account is full" data-testid="demo-limit">
        <Text fz="lg">
          It holds {setup.count} of {setup.limit} applications: Totango’s own limit. In Totango your representative raises it; on the mock, the demo can raise it to{' '}
          {setup.limit + 1} and register its app. Or delete an app in Apps.
        </Text>
        <Group gap="sm" mt="sm">
          <Button size="md" onClick={() => void demo.raiseLimit()} loading={demo.busy}>
            Raise the limit to {setup.limit + 1}
          </Button>
          <Button size="md" variant="default" component="a" href={areaHref('apps')}>
            Open Apps
          </Button>
        </Group>
      </Alert>
    );
  }
  if (setupError !== null) {
    return (
      <Alert color="red" title={`The demo app could not be set up: ${setupError.code}`}>
        <Text fz="lg">{setupError.message}</Text>
        <Button size="md" mt="sm" onClick={() => void demo.retrySetup()} loading={demo.busy}>
          Try again
        </Button>
      </Alert>
    );
  }
  return null;
}
