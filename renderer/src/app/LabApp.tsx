import { Box, MantineProvider } from '@mantine/core';
import { useEffect, useState } from 'react';
import { LabStoresProvider, useLab, type LabStores } from '../stores/lab-stores';
import { createColorSchemeManager, labTheme } from '../theme/theme';
import { ThemeSync } from '../theme/ThemeSync';
import { AppFrame } from './AppFrame';
import { ContractNotices } from './ContractNotices';

function LabRoot() {
  const appState = useLab((state) => state.appState);
  const load = useLab((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  // `data-app-state` is what the end-to-end tests wait on: loading, ready or error.
  return (
    <Box data-app-state={appState} mih="100dvh">
      <ThemeSync />
      <AppFrame />
      <ContractNotices />
    </Box>
  );
}

export interface LabAppProps {
  readonly stores: LabStores;
  /** `test` turns off Mantine's transitions and portals. */
  readonly env?: 'default' | 'test';
}

/** The whole window, over stores fed by one contract client. */
export function LabApp({ stores, env = 'default' }: LabAppProps) {
  const [colorSchemeManager] = useState(createColorSchemeManager);
  return (
    <MantineProvider theme={labTheme} colorSchemeManager={colorSchemeManager} defaultColorScheme={stores.lab.getState().theme} env={env}>
      <LabStoresProvider stores={stores}>
        <LabRoot />
      </LabStoresProvider>
    </MantineProvider>
  );
}
