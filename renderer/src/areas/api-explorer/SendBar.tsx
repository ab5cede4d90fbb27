import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CatalogueRequestView } from '../../../../shared/contract/client-schemas';
import { useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import { ConfirmWriteModal } from './ConfirmWriteModal';
import type { CatalogueEntry } from './endpoint-groups';
import { useExplorer } from './explorer-store';
import { RESPONSE_ELEMENT_ID } from './ResponseView';

export interface SendBarProps {
  readonly endpoint: CatalogueEntry;
  /** The request to send, or null while the draft has a problem. */
  readonly request: CatalogueRequestView | null;
  /** The draft's first problem, when there is one. */
  readonly problem: string | undefined;
}

/** Whether the selected target is a real tenant (Totango's regions, or a custom URL that may be one). */
export function isRealTarget(targetKey: string): boolean {
  return !targetKey.startsWith('mock:');
}

/**
 * Send, with the current token, to the selected target; a write or delete against a real
 * tenant asks first. Without a token, or with a problem in the request, it says why not.
 */
export function SendBar({ endpoint, request, problem }: SendBarProps) {
  const notifyError = useNotifyContractError();
  const hasToken = useWorkbench((state) => state.currentToken !== null);
  const targetKey = useWorkbench((state) => state.selectedTarget);
  const target = useWorkbench((state) => state.targets.find((t) => t.key === state.selectedTarget));
  const sending = useExplorer((state) => state.sending[endpoint.id] === true);
  const send = useExplorer((state) => state.send);
  const [confirming, setConfirming] = useState(false);
  const targetLabel = target?.label ?? targetKey;
  const needsConfirmation = endpoint.effect !== 'read' && isRealTarget(targetKey);

  const sendNow = (confirmed: boolean) => {
    if (request === null) return;
    send(request, confirmed)
      // The answer shows below the editor: bring it into view once drawn.
      .then(() => requestAnimationFrame(() => document.getElementById(RESPONSE_ELEMENT_ID)?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })))
      .catch((error: unknown) => notifyError(error, `sending ${endpoint.method} ${endpoint.path}`));
  };
  const why = !hasToken
    ? 'There is no current token: run a flow first (or paste a token on the Tokens screen).'
    : problem !== undefined
      ? `Fix the request first: ${problem}.`
      : `Sends to ${targetLabel}${target ? ` (${target.baseUrl})` : ''} with the current token${needsConfirmation ? ', after you confirm: this is a real tenant' : ''}.`;

  return (
    <Stack gap={4}>
      <Group gap="sm" wrap="wrap">
        <Button
          onClick={() => (needsConfirmation ? setConfirming(true) : sendNow(false))}
          loading={sending}
          disabled={!hasToken || request === null}
          aria-describedby="explorer-send-why"
        >
          Send
        </Button>
        {!hasToken ? (
          <Button variant="light" onClick={() => (window.location.hash = '#/flows')}>
            Go to Flows
          </Button>
        ) : null}
      </Group>
      <Text id="explorer-send-why" size="sm" c={!hasToken || problem !== undefined ? 'orange' : 'dimmed'}>
        {why}
      </Text>
      <ConfirmWriteModal
        endpoint={confirming ? endpoint : null}
        targetLabel={targetLabel}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          sendNow(true);
        }}
      />
    </Stack>
  );
}
