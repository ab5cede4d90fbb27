import { Loader, Stack, Text, Title } from '@mantine/core';
import { ConsentLink } from '../areas/flows/ConsentLink';
import { FlowFailure } from '../areas/flows/FlowFailure';
import { endpointLabel } from '../areas/flows/use-api-probe';
import { useWorkbench } from '../stores/lab-stores';
import { narrate } from './demo-narration';
import { DemoSetupStatus } from './DemoSetupStatus';
import { DemoTokenClaims } from './DemoTokenClaims';
import type { Demo } from './use-demo';

/** What the presenter reads out at the current beat, with what the beat shows: the consent link, the token, a failure. */
export function DemoNarration({ demo }: { readonly demo: Demo }) {
  const users = useWorkbench((state) => state.users);
  const { beat, run, grant, arrived } = demo;
  const app = demo.setup?.kind === 'ready' ? demo.setup.app : null;
  const probeResult = demo.probe.result;
  const narration = narrate(beat, {
    grant,
    app,
    how: demo.setup?.kind === 'ready' ? demo.setup.how : null,
    users,
    arrived,
    callbackUrl: demo.callbackUrl,
    authorizationUrl: run.consentUrl,
    apiCall:
      demo.probe.endpoint === null
        ? undefined
        : { endpoint: endpointLabel(demo.probe.endpoint), scope: demo.probe.endpoint.requiredScope, status: probeResult?.response?.status },
  });
  const labSays = beat.kind === 'step' ? run.steps.find((step) => step.step === beat.step)?.explanation : undefined;
  const waitingForConsent = grant === 'authorization_code' && run.status === 'running' && run.consentUrl !== null && (beat.kind === 'step' && (beat.step === 'browser-opened' || beat.step === 'callback-received'));
  return (
    <Stack gap="md" aria-live="polite" data-testid="demo-narration">
      <Title order={2} fz="2rem" lh={1.2}>
        {narration.title}
      </Title>
      {narration.lines.map((line) => (
        <Text key={line} fz="1.35rem" lh={1.45}>
          {line}
        </Text>
      ))}
      {!arrived && !demo.busy && run.status === 'running' ? <Loader size="sm" aria-label="Waiting for the flow" /> : null}
      {labSays === undefined || !arrived ? null : (
        <Text fz="lg" c="dimmed">
          The Lab reports: {labSays}
        </Text>
      )}
      {waitingForConsent && run.consentUrl !== null ? <ConsentLink url={run.consentUrl} size="lg" /> : null}
      {beat.kind === 'setup' ? <DemoSetupStatus demo={demo} /> : null}
      {beat.kind === 'token' && demo.inspection !== null && run.token !== null ? <DemoTokenClaims token={run.token.accessToken} inspection={demo.inspection} /> : null}
      {run.status === 'failed' && run.error !== null ? <FlowFailure error={run.error} context={{ flow: grant, mockApp: true, ...(demo.callbackUrl === undefined ? {} : { redirectUri: demo.callbackUrl }) }} /> : null}
    </Stack>
  );
}
