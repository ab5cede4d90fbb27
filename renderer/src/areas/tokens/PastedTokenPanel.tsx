import { Button, Group, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ContractError } from '../../../../shared/contract/wire';
import { useLabStores, useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import { TokenInspectionView } from './TokenInspectionView';
import { useTokensScreen } from './tokens-store';

/** Any token, pasted: decoded and verified against the selected target, and made the current one on request. */
export function PastedTokenPanel() {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const refreshToken = useWorkbench((state) => state.refreshToken);
  const text = useTokensScreen((state) => state.pastedText);
  const setText = useTokensScreen((state) => state.setPastedText);
  const pasted = useTokensScreen((state) => state.pasted);
  const inspecting = useTokensScreen((state) => state.inspectingPasted);
  const inspectPasted = useTokensScreen((state) => state.inspectPasted);
  const setTab = useTokensScreen((state) => state.setTab);
  const [using, setUsing] = useState(false);
  const [useError, setUseError] = useState<string | null>(null);
  const empty = text.trim() === '';

  const inspect = () => inspectPasted().catch((error: unknown) => notifyError(error, 'inspecting the pasted token'));
  const use = async () => {
    setUsing(true);
    setUseError(null);
    try {
      await client.tokens.use({ token: text.trim() });
      await refreshToken();
      setTab('current');
    } catch (error) {
      if (error instanceof ContractError && error.field === 'token') setUseError(error.message);
      else notifyError(error, 'making the pasted token current');
    } finally {
      setUsing(false);
    }
  };

  return (
    <Stack gap="md">
      <Textarea
        label="Paste a token"
        description='An access token from anywhere: a JWT or an opaque one. A leading "Bearer " is fine.'
        rows={4}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setUseError(null);
        }}
        error={useError}
        spellCheck={false}
        autoComplete="off"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', wordBreak: 'break-all' } }}
        data-secret
      />
      <Group gap="xs">
        <Button onClick={() => void inspect()} loading={inspecting} disabled={empty}>
          Inspect
        </Button>
        <Button variant="light" onClick={() => void use()} loading={using} disabled={empty}>
          Use as the current token
        </Button>
        <Text size="xs" c="dimmed">
          The current token is the one the API explorer and the diagnostics call with.
        </Text>
      </Group>
      {inspecting && pasted === null ? <Skeleton height={160} aria-label="Inspecting the token" /> : null}
      {pasted !== null ? <TokenInspectionView key={pasted.inspectedAtMs} {...pasted} /> : null}
    </Stack>
  );
}
