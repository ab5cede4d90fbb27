import { Tabs } from '@mantine/core';
import { CurrentTokenPanel } from './CurrentTokenPanel';
import { PastedTokenPanel } from './PastedTokenPanel';
import { useTokensScreen, type TokensTab } from './tokens-store';

/**
 * The tokens area: the current token (the one calls and diagnostics use) or any pasted
 * one, decoded, explained, verified, with a live countdown to expiry.
 */
export function TokensScreen() {
  const tab = useTokensScreen((state) => state.tab);
  const setTab = useTokensScreen((state) => state.setTab);
  return (
    <Tabs value={tab} onChange={(value) => setTab((value ?? 'current') as TokensTab)} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="current">Current token</Tabs.Tab>
        <Tabs.Tab value="paste">Paste a token</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="current" pt="md">
        <CurrentTokenPanel />
      </Tabs.Panel>
      <Tabs.Panel value="paste" pt="md">
        <PastedTokenPanel />
      </Tabs.Panel>
    </Tabs>
  );
}
