import { Button, Grid, Group, Kbd, Modal, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import { GRANT_LABELS, type FlowKind } from '../areas/flows/flow-plan';
import { SequenceDiagram } from '../areas/flows/SequenceDiagram';
import { litMessages } from '../areas/flows/sequence-messages';
import { useNotifyContractError } from '../stores/lab-stores';
import { DemoNarration } from './DemoNarration';
import { useDemo, type Demo } from './use-demo';
import { useFullscreen } from './use-fullscreen';

/** Controls whose own keys win: arrows move within a field or a radio group, Space presses a button. */
const OWNS_ARROWS = 'input, select, textarea, [contenteditable="true"]';
const OWNS_SPACE = `button, a, [role="radio"], [role="tab"], ${OWNS_ARROWS}`;

/** Right arrow, or Space outside a control, is Next: a presenter's clicker sends either. */
function useNextKeys(demo: Demo) {
  const { next } = demo;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const within = (selector: string) => event.target instanceof Element && event.target.closest(selector) !== null;
      if ((event.key === 'ArrowRight' && !within(OWNS_ARROWS)) || (event.key === ' ' && !within(OWNS_SPACE))) {
        event.preventDefault();
        void next();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next]);
}

function DemoBody({ demo }: { readonly demo: Demo }) {
  const messages = litMessages(demo.grant, demo.shown, demo.beat.kind === 'api' || demo.beat.kind === 'end' ? demo.probe.progress : { state: 'none' });
  const finished = demo.index === demo.beats.length - 1;
  return (
    <Grid gap="xl" align="flex-start">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder p="lg" radius="md">
          <SequenceDiagram flow={demo.grant} messages={messages} showList={false} />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          <DemoNarration demo={demo} />
          <Group gap="sm">
            {finished ? (
              <Button size="xl" onClick={demo.reset}>
                Reset
              </Button>
            ) : (
              <Button size="xl" onClick={() => void demo.next()} disabled={!demo.canNext} loading={demo.busy} aria-keyshortcuts="ArrowRight Space" rightSection={<span aria-hidden="true">→</span>}>
                Next
              </Button>
            )}
            {demo.index > 0 && !finished ? (
              <Button size="xl" variant="default" onClick={demo.reset}>
                Reset
              </Button>
            ) : null}
          </Group>
          <Text c="dimmed" size="sm">
            Step {demo.index + 1} of {demo.beats.length}. <Kbd>→</Kbd> or <Kbd>Space</Kbd> for Next; <Kbd>Esc</Kbd> leaves full screen, then demo mode.
          </Text>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/**
 * Demo mode: a narrated walkthrough of a grant against the mock, one click per step,
 * with the sequence diagram front and centre, in large type, ready for full screen.
 */
export function DemoMode({ onClose }: { readonly onClose: () => void }) {
  const notifyError = useNotifyContractError();
  const onFullscreenError = useCallback((error: unknown) => notifyError(error, 'switching full screen'), [notifyError]);
  const fullscreen = useFullscreen(onFullscreenError);
  const demo = useDemo();
  useNextKeys(demo);
  const { leave } = fullscreen;
  const close = () => {
    void leave();
    onClose();
  };
  const choosing = demo.index === 0 || demo.index === demo.beats.length - 1;
  return (
    <Modal opened onClose={close} fullScreen title={<Text fw={700} fz="xl">Demo mode: {GRANT_LABELS[demo.grant].toLowerCase()}</Text>} closeButtonProps={{ 'aria-label': 'Leave demo mode' }} transitionProps={{ duration: 0 }}>
      <Stack gap="lg" data-testid="demo-mode">
        <Group justify="space-between" wrap="wrap">
          <SegmentedControl
            size="md"
            aria-label="The grant to walk through"
            value={demo.grant}
            onChange={(value) => demo.chooseGrant(value as FlowKind)}
            disabled={!choosing}
            data={(['client_credentials', 'authorization_code'] as const).map((kind) => ({ value: kind, label: GRANT_LABELS[kind] }))}
          />
          {fullscreen.supported ? (
            <Button variant="default" onClick={() => void fullscreen.toggle()} aria-pressed={fullscreen.active}>
              {fullscreen.active ? 'Leave full screen' : 'Full screen'}
            </Button>
          ) : null}
        </Group>
        <DemoBody demo={demo} />
      </Stack>
    </Modal>
  );
}
