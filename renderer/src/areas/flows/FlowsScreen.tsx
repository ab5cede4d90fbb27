import { Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useLab, useWorkbench } from '../../stores/lab-stores';
import { DEMO_HREF } from '../../demo/demo-route';
import type { AdviceContext } from './flow-advice';
import { flowProgress, type FlowKind } from './flow-plan';
import type { FlowRequest } from './flow-run-store';
import { flowSources } from './flow-sources';
import { FlowApiCall } from './FlowApiCall';
import { FlowSetup } from './FlowSetup';
import { FlowsEmptyState } from './FlowsEmptyState';
import { FlowStepper } from './FlowStepper';
import { SequenceDiagram } from './SequenceDiagram';
import { litMessages } from './sequence-messages';
import { TokenSummary } from './TokenSummary';
import { useApiProbe } from './use-api-probe';
import { useFlowRun, useFlowRunStore } from './use-flow-run';

function adviceContextOf(request: FlowRequest | null, flow: FlowKind): AdviceContext {
  const redirectUri = request?.redirectUri ?? (typeof request?.callbackPort === 'number' ? `http://127.0.0.1:${request.callbackPort}/callback` : undefined);
  return { flow, mockApp: request?.targetKey.startsWith('mock:') ?? true, ...(redirectUri === undefined ? {} : { redirectUri }) };
}

/** The flows area: pick an app and a grant, run it as a stepper beside a live sequence diagram, and get the token. */
export function FlowsScreen() {
  const applications = useWorkbench((state) => state.applications);
  const targets = useWorkbench((state) => state.targets);
  const selectedTarget = useWorkbench((state) => state.selectedTarget);
  const loaded = useWorkbench((state) => state.loaded);
  const preferredPort = useLab((state) => state.preferences?.callbackPort ?? null);
  const store = useFlowRunStore();
  const { status, request, steps, consentUrl, token, error, cancelling, run, cancel } = useFlowRun(store, (state) => state);
  const probe = useApiProbe();
  const [setupGrant, setSetupGrant] = useState<FlowKind>('client_credentials');
  const sources = useMemo(() => flowSources(applications, targets), [applications, targets]);
  const { reset: resetProbe } = probe;
  useEffect(() => {
    if (status === 'running') resetProbe();
  }, [status, resetProbe]);

  if (!loaded) return <Skeleton height={320} radius="md" aria-label="Loading the applications" />;
  if (sources.length === 0 && status === 'idle') return <FlowsEmptyState mockAppsWithoutSecret={applications.filter((app) => !app.secretInLab).length} />;

  const flow = status === 'idle' || request === null ? setupGrant : request.flow;
  const running = status === 'running';
  const progress = flowProgress(flow, status === 'idle' ? [] : steps, running, error);
  const messages = litMessages(flow, progress, probe.progress);
  const selectedCredentials = targets.find((target) => target.key === selectedTarget)?.credentials?.clientId;
  const initialSource = sources.find((source) => source.targetKey === selectedTarget && source.clientId === selectedCredentials)?.value ?? null;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          Each step below says what happened and why; its HTTP exchange opens on demand. The diagram lights up as the messages go.
        </Text>
        <Button component="a" href={DEMO_HREF} variant="default">
          Present it in demo mode
        </Button>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <FlowSetup
            sources={sources}
            initialSource={initialSource}
            preferredPort={preferredPort}
            running={running}
            cancelling={cancelling}
            onRun={(next) => void run(next)}
            onCancel={() => void cancel()}
            onGrantChange={setSetupGrant}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="flow-diagram-title">
            <Title order={2} size="h4" id="flow-diagram-title" mb="sm">
              Who talks to whom
            </Title>
            <SequenceDiagram flow={flow} messages={messages} />
          </Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="flow-steps-title">
        <Title order={2} size="h4" id="flow-steps-title" mb="sm">
          Steps
        </Title>
        <FlowStepper progress={progress} running={running} consentUrl={consentUrl} adviceContext={adviceContextOf(request, flow)} />
      </Paper>
      {token === null ? null : (
        <>
          <TokenSummary token={token} />
          <FlowApiCall scopes={token.scopes} probe={probe} />
        </>
      )}
    </Stack>
  );
}
