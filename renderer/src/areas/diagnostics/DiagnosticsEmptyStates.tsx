import { Button, EmptyState } from '@mantine/core';
import { RunButton } from './RunButton';

/** No current token: diagnostics have nothing to call with; Flows gets one. */
export function NoTokenState() {
  return (
    <EmptyState
      title="No token to run with"
      description="Diagnostics call every catalogued endpoint with the current access token. Get one first: run a flow with one of your apps."
      data-testid="diagnostics-no-token"
    >
      <EmptyState.Actions>
        <Button onClick={() => (window.location.hash = '#/flows')}>Go to Flows</Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

/** A token, but no run yet. */
export function NotRunState() {
  return (
    <EmptyState
      title="Not run yet"
      description="Run all endpoints calls each of the 29 catalogued Totango endpoints with the current token and shows, for each, whether its scopes let it through and what to add when they do not."
      data-testid="diagnostics-not-run"
    >
      <EmptyState.Actions>
        <RunButton size="md" />
      </EmptyState.Actions>
    </EmptyState>
  );
}
