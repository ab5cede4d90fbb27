import { Button, EmptyState, Group } from '@mantine/core';
import { areaHref } from '../../app/routing';

/**
 * No app to run a flow with. The Lab holds the secret only of the apps registered in this
 * session (the mock shows a secret once), and of credentials loaded in Settings.
 */
export function FlowsEmptyState({ mockAppsWithoutSecret }: { readonly mockAppsWithoutSecret: number }) {
  const description =
    mockAppsWithoutSecret > 0
      ? `The mock holds ${mockAppsWithoutSecret === 1 ? 'an application' : `${mockAppsWithoutSecret} applications`}, but the Lab does not know ${mockAppsWithoutSecret === 1 ? 'its' : 'their'} client secret: the mock shows a secret once, to whoever registers the app. Register an app in Apps (the Lab keeps its secret for this session), or load an app’s credentials in Settings.`
      : 'Register an application on the mock in Apps (the Lab keeps its secret for this session), or load the credentials of a Totango app in Settings; then run its flow here.';
  return (
    <EmptyState title="No application to run a flow with" description={description} withIndicatorBackground icon={<span aria-hidden="true">⇄</span>}>
      <EmptyState.Actions>
        <Group gap="sm" justify="center">
          <Button component="a" href={areaHref('apps')}>
            Register an app
          </Button>
          <Button component="a" href={areaHref('settings')} variant="default">
            Load credentials
          </Button>
        </Group>
      </EmptyState.Actions>
    </EmptyState>
  );
}
