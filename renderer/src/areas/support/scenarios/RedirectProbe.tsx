import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ContractError } from '../../../../../shared/contract/wire';
import { useLabStores, useNotifyContractError } from '../../../stores/lab-stores';

export interface RedirectProbeProps {
  readonly labCallback: string;
  readonly buttonLabel: string;
}

/**
 * Sends the authorization request of the redirect-URI scenario with the Lab's own
 * callback. The sign-in page (a new tab in browser mode, the system browser in Electron)
 * refuses it; the Lab waits for a callback that never comes, until cancelled.
 */
export function RedirectProbe({ labCallback, buttonLabel }: RedirectProbeProps) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [waiting, setWaiting] = useState(false);
  const [ended, setEnded] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const probing = useRef(false);

  // Browser mode: the Lab asks the window to open the authorization URL.
  useEffect(
    () =>
      client.events.on('flows.openUrl', ({ url }) => {
        if (probing.current) window.open(url, '_blank', 'noopener');
      }),
    [client],
  );

  const send = async () => {
    probing.current = true;
    setWaiting(true);
    setEnded(null);
    try {
      await client.flows.authorizationCode({ targetKey: 'mock:us', redirectUri: labCallback, timeoutSeconds: 300 });
      setEnded('A callback came back: the app now registers the Lab’s callback, so the mismatch is gone.');
    } catch (error) {
      if (error instanceof ContractError && (error.code === 'cancelled' || error.code === 'timeout')) setEnded('The Lab stopped waiting: no callback came, because the mock refused to redirect to an unregistered URI.');
      else notifyError(error, 'sending the authorization request');
    } finally {
      probing.current = false;
      setWaiting(false);
    }
  };

  const cancel = async () => {
    setCancelling(true);
    try {
      await client.flows.cancel({});
    } catch (error) {
      notifyError(error, 'cancelling the authorization request');
    } finally {
      setCancelling(false);
    }
  };

  return (
    <>
      <Group>
        <Button size="xs" onClick={() => void send()} loading={waiting}>
          {buttonLabel}
        </Button>
        {waiting ? (
          <Button size="xs" variant="default" onClick={() => void cancel()} loading={cancelling}>
            Stop waiting
          </Button>
        ) : null}
      </Group>
      {waiting ? (
        <Alert color="orange" role="status">
          The sign-in page opened with redirect_uri={labCallback}: it refuses the request, so the Lab waits in vain. Read the refusal there, then stop waiting.
        </Alert>
      ) : null}
      {ended === null ? null : <Text size="sm">{ended}</Text>}
    </>
  );
}
