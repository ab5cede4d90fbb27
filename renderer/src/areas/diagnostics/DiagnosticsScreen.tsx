import { Tabs } from '@mantine/core';
import { useEffect } from 'react';
import { useNotifyContractError } from '../../stores/lab-stores';
import { LeastPrivilegePanel } from './LeastPrivilegePanel';
import { ResultsView } from './ResultsView';
import { useDiagnosticsStore } from './use-diagnostics';

/**
 * The diagnostics area's screen (its heading and description come from the frame): run
 * every endpoint and read the matrix, or work out the least-privilege scopes.
 */
export function DiagnosticsScreen() {
  const store = useDiagnosticsStore();
  const notifyError = useNotifyContractError();
  useEffect(() => {
    store
      .getState()
      .loadLast()
      .catch((error: unknown) => notifyError(error, 'reading the last diagnostics'));
  }, [store, notifyError]);

  return (
    <Tabs defaultValue="matrix">
      <Tabs.List aria-label="Diagnostics views">
        <Tabs.Tab value="matrix">Run and results</Tabs.Tab>
        <Tabs.Tab value="least-privilege">Least privilege</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="matrix" pt="md">
        <ResultsView />
      </Tabs.Panel>
      <Tabs.Panel value="least-privilege" pt="md">
        <LeastPrivilegePanel />
      </Tabs.Panel>
    </Tabs>
  );
}
