import { Alert, Button, EmptyState, Group, Skeleton, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLabStores, useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import { CurrentTokenDetails } from './CurrentTokenDetails';
import { TokenInspectionView } from './TokenInspectionView';
import { useTokensScreen } from './tokens-store';

function InspectionSkeleton() {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Inspecting the token">
      <Skeleton height={28} width="40%" />
      <Skeleton height={120} />
      <Skeleton height={200} />
    </Stack>
  );
}

/** The current token, decoded and verified; or what to do to get one. */
export function CurrentTokenPanel() {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const token = useWorkbench((state) => state.currentToken);
  const loaded = useWorkbench((state) => state.loaded);
  const inspected = useTokensScreen((state) => state.current);
  const inspecting = useTokensScreen((state) => state.inspectingCurrent);
  const inspectCurrent = useTokensScreen((state) => state.inspectCurrent);
  const setTab = useTokensScreen((state) => state.setTab);
  const refreshToken = useWorkbench((state) => state.refreshToken);
  const [failedToken, setFailedToken] = useState<string | null>(null);
  const [forgetting, setForgetting] = useState(false);

  const inspect = () => {
    if (token === null) return;
    setFailedToken(null);
    inspectCurrent(token).catch((error: unknown) => {
      setFailedToken(token.accessToken);
      notifyError(error, 'inspecting the current token');
    });
  };
  const stale = token !== null && inspected?.token !== token.accessToken;
  useEffect(() => {
    if (stale) inspect();
    // Once per new token (`inspect` is a new function at every render).
  }, [token?.accessToken]);

  if (!loaded) return <InspectionSkeleton />;
  if (token === null) {
    return (
      <EmptyState
        title="Run a flow or paste a token"
        description="There is no current token yet. Run a flow with one of your apps to get one, or paste a token you already have."
        data-testid="tokens-empty"
      >
        <EmptyState.Actions>
          <Button onClick={() => (window.location.hash = '#/flows')}>Go to Flows</Button>
          <Button variant="light" onClick={() => setTab('paste')}>
            Paste a token
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  const forget = async () => {
    setForgetting(true);
    try {
      await client.tokens.clear({});
      await refreshToken();
    } catch (error) {
      notifyError(error, 'forgetting the current token');
    } finally {
      setForgetting(false);
    }
  };
  return (
    <Stack gap="md">
      <CurrentTokenDetails token={token} />
      <Group gap="xs">
        <Button variant="light" loading={inspecting} onClick={inspect}>
          Verify again
        </Button>
        <Button variant="subtle" color="red" loading={forgetting} onClick={() => void forget()}>
          Forget this token
        </Button>
      </Group>
      {inspected !== null && !stale ? (
        <TokenInspectionView {...inspected} />
      ) : failedToken === token.accessToken && !inspecting ? (
        <Alert color="red" variant="light" title="The token could not be inspected">
          The notification says why. Verify again once the cause is fixed.
        </Alert>
      ) : (
        <InspectionSkeleton />
      )}
    </Stack>
  );
}
