import { Button, Code, Group, NumberInput, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CopyValueButton } from '../../components/CopyValueButton';
import { useLab, useLabStores, useNotifyContractError } from '../../stores/lab-stores';
import { callbackUrl, isCallbackPort, MAX_CALLBACK_PORT, MIN_CALLBACK_PORT } from './callback-url';

type PortMode = 'ephemeral' | 'fixed';

/** The loopback port of the authorization-code callback, and the exact URL to register in Totango. */
export function CallbackPortPanel() {
  const stores = useLabStores();
  const notifyError = useNotifyContractError();
  const saved = useLab((state) => state.preferences?.callbackPort ?? null);
  const loaded = useLab((state) => state.preferences !== null);
  const [mode, setMode] = useState<PortMode>('ephemeral');
  const [port, setPort] = useState<number | string>(8765);
  const [saving, setSaving] = useState(false);

  // The saved preference, once it is known (and after it changes elsewhere).
  useEffect(() => {
    setMode(saved === null ? 'ephemeral' : 'fixed');
    if (saved !== null) setPort(saved);
  }, [saved]);

  const fixedPort = mode === 'fixed' && isCallbackPort(port) ? port : null;
  const wanted = mode === 'ephemeral' ? null : (fixedPort ?? undefined);
  const changed = wanted !== undefined && wanted !== saved;
  const portError = mode === 'fixed' && wanted === undefined ? `Give a whole number from ${MIN_CALLBACK_PORT} to ${MAX_CALLBACK_PORT}.` : null;

  const save = async () => {
    if (wanted === undefined) return;
    setSaving(true);
    try {
      const preferences = await stores.client.lab.updatePreferences({ callbackPort: wanted });
      // Flows and Apps read the port from the Lab store.
      stores.lab.setState({ preferences });
    } catch (error) {
      notifyError(error, 'saving the callback port');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-callback-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="settings-callback-title">
          Callback port
        </Title>
        <Text size="sm" c="dimmed">
          The authorization-code flow brings the browser back to the Lab on 127.0.0.1. Totango compares callback URLs exactly, so an app registered in Totango needs a fixed port.
        </Text>
        <Radio.Group value={mode} onChange={(value) => setMode(value as PortMode)} label="Which port the Lab listens on">
          <Stack gap="xs" mt="xs">
            <Radio value="ephemeral" label="A free port each time (ephemeral)" disabled={!loaded} />
            <Radio value="fixed" label="A fixed port" disabled={!loaded} />
          </Stack>
        </Radio.Group>
        {mode === 'fixed' ? (
          <NumberInput label="Port number" value={port} onChange={setPort} min={MIN_CALLBACK_PORT} max={MAX_CALLBACK_PORT} allowDecimal={false} allowNegative={false} error={portError} w={200} />
        ) : null}
        {fixedPort !== null ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Register this callback URL in Totango
            </Text>
            <Group gap="xs">
              <Code data-testid="callback-url">{callbackUrl(fixedPort)}</Code>
              <CopyValueButton value={callbackUrl(fixedPort)} label="Copy the callback URL" />
            </Group>
          </Stack>
        ) : mode === 'ephemeral' ? (
          <Text size="sm" data-testid="callback-ephemeral">
            Each flow listens on another free port, at http://127.0.0.1:PORT/callback: no URL can be registered in advance. Choose a fixed port for an app registered in Totango.
          </Text>
        ) : null}
        <Group>
          <Button onClick={() => void save()} loading={saving} disabled={!changed}>
            Save the callback port
          </Button>
          <Text size="sm" c="dimmed" data-testid="callback-saved">
            {!loaded ? 'Reading the preferences…' : saved === null ? 'Saved: an ephemeral port.' : `Saved: port ${saved}.`}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
