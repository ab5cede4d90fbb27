import { Badge, Button, Code, Collapse, Group, Loader, Stack, Text, Timeline, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { ExchangeView } from '../../../../shared/contract/client-schemas';
import { CopyValueButton } from '../../components/CopyValueButton';
import { ExchangeDetails } from '../../components/ExchangeDetails';
import { ConsentLink } from './ConsentLink';
import type { AdviceContext } from './flow-advice';
import { FlowFailure } from './FlowFailure';
import type { FlowProgress, ProgressItem, StepState } from './flow-plan';

const STATE_WORDS: Readonly<Record<StepState, string>> = { done: 'done', waiting: 'in progress', pending: 'not yet', failed: 'failed', skipped: 'not reached' };
const STATE_COLOR: Readonly<Record<StepState, string>> = { done: 'teal', waiting: 'blue', pending: 'gray', failed: 'red', skipped: 'gray' };

function Bullet({ state, index }: { readonly state: StepState; readonly index: number }) {
  if (state === 'waiting') return <Loader size={14} color="white" aria-hidden="true" />;
  return <span aria-hidden="true">{state === 'done' ? '✓' : state === 'failed' ? '✕' : index + 1}</span>;
}

/** The HTTP exchange behind a step, folded until asked for. */
function ExchangeToggle({ exchange, title }: { readonly exchange: ExchangeView; readonly title: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <Stack gap="xs">
      <Button variant="subtle" size="compact-sm" onClick={() => setOpened((now) => !now)} aria-expanded={opened} style={{ alignSelf: 'flex-start' }}>
        {opened ? 'Hide' : 'Show'} the HTTP exchange: {title.toLowerCase()}
      </Button>
      <Collapse expanded={opened}>{opened ? <ExchangeDetails exchange={exchange} /> : null}</Collapse>
    </Stack>
  );
}

export interface FlowStepperProps {
  readonly progress: FlowProgress;
  readonly running: boolean;
  readonly consentUrl: string | null;
  readonly adviceContext: AdviceContext;
}

function StepBody({ item, progress, running, consentUrl, adviceContext }: FlowStepperProps & { readonly item: ProgressItem }) {
  const failed = item.state === 'failed';
  const exchange = item.step?.exchange ?? (failed ? progress.failedStep?.exchange : undefined);
  return (
    <Stack gap="xs" mt={4}>
      <Text size="sm" c={item.step === undefined && !failed ? 'dimmed' : undefined}>
        {item.step?.explanation ?? item.pending}
      </Text>
      {item.step?.url === undefined ? null : (
        <Group gap={4} wrap="nowrap" align="flex-start">
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', flex: 1 }}>
            {item.step.url}
          </Code>
          <CopyValueButton value={item.step.url} label="Copy the authorization URL" />
        </Group>
      )}
      {item.name === 'browser-opened' && consentUrl !== null && running ? <ConsentLink url={consentUrl} /> : null}
      {failed && progress.error !== undefined ? <FlowFailure error={progress.error} context={adviceContext} /> : null}
      {exchange === undefined ? null : <ExchangeToggle exchange={exchange} title={item.title} />}
    </Stack>
  );
}

/**
 * The flow as a stepper: each step with the Lab's one-sentence explanation, its HTTP
 * exchange on demand, and, when the flow failed, the cause and the next thing to try at
 * the step where it stopped.
 */
export function FlowStepper(props: FlowStepperProps) {
  const { progress } = props;
  const lastDone = progress.items.reduce((last, item, index) => (item.state === 'done' ? index : last), -1);
  const latest = progress.failedAt !== undefined ? progress.items[progress.failedAt] : progress.items.find((item) => item.state === 'waiting') ?? progress.items[lastDone];
  return (
    <Stack gap="sm">
      <VisuallyHidden role="status" aria-live="polite">
        {latest === undefined ? '' : `${latest.title}: ${STATE_WORDS[latest.state]}`}
      </VisuallyHidden>
      <Timeline active={progress.failedAt ?? lastDone} bulletSize={26} lineWidth={2} role="list" aria-label="Steps of the flow">
        {progress.items.map((item, index) => (
          <Timeline.Item
            key={item.name}
            role="listitem"
            data-step={item.name}
            data-state={item.state}
            color={STATE_COLOR[item.state]}
            bullet={<Bullet state={item.state} index={index} />}
            lineVariant={item.state === 'done' ? 'solid' : 'dashed'}
            title={
              <Group gap="xs">
                <Text fw={600} c={item.state === 'pending' || item.state === 'skipped' ? 'dimmed' : undefined}>
                  {item.title}
                </Text>
                <Badge size="sm" variant="light" color={STATE_COLOR[item.state]}>
                  {STATE_WORDS[item.state]}
                </Badge>
              </Group>
            }
          >
            <StepBody {...props} item={item} />
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
