import { Button } from '@mantine/core';
import { useState } from 'react';
import type { EndpointId } from '../../../../shared/catalogue';
import { useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import { useDiagnostics, useDiagnosticsStore } from './use-diagnostics';
import { WriteConfirmationModal } from './WriteConfirmationModal';

/** The selected target, and whether it is a real tenant (a Totango region or a custom URL). */
function useRunTarget(): { readonly label: string; readonly real: boolean } {
  const selected = useWorkbench((state) => state.selectedTarget);
  const target = useWorkbench((state) => state.targets.find((t) => t.key === selected));
  // Unknown counts as real: guessing the other way could write to a customer's tenant.
  const kind = target?.kind ?? (selected.startsWith('mock:') ? 'mock' : 'custom');
  return { label: target?.label ?? selected, real: kind !== 'mock' };
}

/**
 * "Run all endpoints": straight away on the mock; against a real tenant, after the dialog
 * that lists the writes and deletes to confirm one by one.
 */
export function RunButton({ size = 'sm' }: { readonly size?: 'sm' | 'md' }) {
  const store = useDiagnosticsStore();
  const running = useDiagnostics((state) => state.running !== null);
  const hasToken = useWorkbench((state) => state.currentToken !== null);
  const notifyError = useNotifyContractError();
  const target = useRunTarget();
  const [confirming, setConfirming] = useState(false);

  const run = (confirmedWrites: EndpointId[]) => {
    setConfirming(false);
    store
      .getState()
      .run(confirmedWrites)
      .catch((error: unknown) => notifyError(error, 'running the diagnostics'));
  };

  return (
    <>
      <Button size={size} loading={running} disabled={!hasToken} onClick={() => (target.real ? setConfirming(true) : run([]))}>
        Run all endpoints
      </Button>
      <WriteConfirmationModal opened={confirming} targetLabel={target.label} onCancel={() => setConfirming(false)} onConfirm={run} />
    </>
  );
}
