import { Button } from '@mantine/core';
import { useLab } from '../stores/lab-stores';
import { DEMO_HREF, useDemoRoute } from './demo-route';
import { DemoMode } from './DemoMode';

/** The header's way into demo mode (`#/demo`), and demo mode itself while the address names it. */
export function DemoLauncher() {
  const { open, close } = useDemoRoute();
  const ready = useLab((state) => state.appState === 'ready');
  return (
    <>
      <Button component="a" href={DEMO_HREF} variant="default" size="xs">
        Demo mode
      </Button>
      {open && ready ? <DemoMode onClose={close} /> : null}
    </>
  );
}
