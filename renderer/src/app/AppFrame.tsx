import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { AREA_SCREENS } from '../areas/screens';
import { useLab } from '../stores/lab-stores';
import { AreaNavigation } from './AreaNavigation';
import { AreaPage } from './AreaPage';
import { LabHeader } from './LabHeader';
import { useAreaRoute } from './routing';
import { StartupStatus } from './StartupStatus';

/**
 * The window's frame: the header, the navigation between the areas, and the area the
 * address names. An area shows once the Lab has answered; until then the main part says
 * what the window is waiting for.
 */
export function AppFrame() {
  const { area, navigate } = useAreaRoute();
  const Screen = AREA_SCREENS[area.id];
  const appState = useLab((state) => state.appState);
  const [navigationOpened, { toggle: toggleNavigation, close: closeNavigation }] = useDisclosure(false);
  // The first area shown keeps the focus where the page put it; later ones take it.
  const firstArea = useRef(area.id);
  const navigated = useRef(false);
  useEffect(() => {
    if (area.id !== firstArea.current) navigated.current = true;
  }, [area.id]);

  return (
    <AppShell padding="lg" header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navigationOpened } }}>
      <AppShell.Header>
        <LabHeader navigationOpened={navigationOpened} onToggleNavigation={toggleNavigation} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Areas">
        <AreaNavigation
          current={area}
          onNavigate={(id) => {
            closeNavigation();
            navigate(id);
          }}
        />
      </AppShell.Navbar>
      <AppShell.Main>{appState === 'ready' ? <AreaPage area={area} focusHeading={navigated.current || area.id !== firstArea.current}>
            <Screen />
          </AreaPage> : <StartupStatus />}</AppShell.Main>
    </AppShell>
  );
}
