import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CallbackChoice, callbackRequest, defaultCallback, type CallbackSelection } from './CallbackChoice';
import { GRANT_LABELS, type FlowKind } from './flow-plan';
import type { FlowRequest } from './flow-run-store';
import { grantsOf, sourceGroups, type FlowSource } from './flow-sources';
import { ScopeChoice, requestedScopes, type ScopeSelection } from './ScopeChoice';

export interface FlowSetupProps {
  readonly sources: readonly FlowSource[];
  /** The source to start with: the selected target's. */
  readonly initialSource: string | null;
  readonly preferredPort: number | null;
  readonly running: boolean;
  readonly cancelling: boolean;
  readonly onRun: (request: FlowRequest) => void;
  readonly onCancel: () => void;
  /** The grant chosen, for the diagram shown before the flow runs. */
  readonly onGrantChange: (grant: FlowKind) => void;
}

/** Pick the app (and with it the target), the grant, the scopes and the callback; run or cancel. */
export function FlowSetup({ sources, initialSource, preferredPort, running, cancelling, onRun, onCancel, onGrantChange }: FlowSetupProps) {
  const [sourceValue, setSourceValue] = useState<string | null>(initialSource ?? sources[0]?.value ?? null);
  const source = sources.find((candidate) => candidate.value === sourceValue);
  const grants = grantsOf(source);
  const [chosenGrant, setChosenGrant] = useState<FlowKind>('client_credentials');
  const grant = grants.includes(chosenGrant) ? chosenGrant : grants[0]!;
  const [scopes, setScopes] = useState<ScopeSelection>({ ticked: source?.app?.scopes ?? [], typed: '' });
  const [callback, setCallback] = useState<CallbackSelection>(() => defaultCallback(source?.app, preferredPort));
  const [errors, setErrors] = useState<{ scopes?: string; callback?: string }>({});

  // Another app (or the same one registered anew): its scopes and callback URLs, once per change.
  const appKey = source?.app === undefined ? source?.value : `${source.value}|${source.app.scopes.join(' ')}|${source.app.callbackUrls.join(' ')}`;
  useEffect(() => {
    setScopes({ ticked: source?.app?.scopes ?? [], typed: '' });
    setCallback(defaultCallback(source?.app, preferredPort));
    setErrors({});
  }, [appKey]);
  useEffect(() => onGrantChange(grant), [grant, onGrantChange]);
  // The chosen source went away (the app was deleted): fall back to the first.
  useEffect(() => {
    if (source === undefined && sources.length > 0) setSourceValue(sources[0]!.value);
  }, [source, sources]);

  const run = () => {
    if (source === undefined) return;
    const scopePart = requestedScopes(source.app?.scopes, scopes);
    const callbackPart = grant === 'authorization_code' ? callbackRequest(callback, preferredPort) : {};
    setErrors({ ...(scopePart.error === undefined ? {} : { scopes: scopePart.error }), ...(callbackPart.error === undefined ? {} : { callback: callbackPart.error }) });
    if (scopePart.error !== undefined || callbackPart.error !== undefined) return;
    onRun({
      flow: grant,
      targetKey: source.targetKey,
      ...(source.useApplication ? { useApplication: source.clientId } : {}),
      ...(scopePart.scopes === undefined ? {} : { scopes: scopePart.scopes }),
      ...(callbackPart.redirectUri === undefined ? {} : { redirectUri: callbackPart.redirectUri }),
      ...(callbackPart.callbackPort === undefined ? {} : { callbackPort: callbackPart.callbackPort }),
    });
  };

  const blocked = grant === 'authorization_code' && source?.app !== undefined && callback.kind === 'registered' && callback.url === null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="flow-setup-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="flow-setup-title">
          Set up the flow
        </Title>
        <Select
          label="Application"
          description={source === undefined ? undefined : `Runs against ${source.targetLabel}; client ID ${source.clientId}`}
          data={sourceGroups(sources)}
          value={sourceValue}
          onChange={setSourceValue}
          allowDeselect={false}
          disabled={running}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="flow-grant-label">
            Grant type
          </Text>
          <SegmentedControl
            aria-labelledby="flow-grant-label"
            value={grant}
            onChange={(value) => setChosenGrant(value as FlowKind)}
            disabled={running}
            data={(['authorization_code', 'client_credentials'] as const).map((kind) => ({ value: kind, label: GRANT_LABELS[kind], disabled: !grants.includes(kind) }))}
          />
          {source?.app !== undefined ? (
            <Text size="xs" c="dimmed">
              The app is registered for {GRANT_LABELS[source.app.grantType].toLowerCase()}: a Totango app has one grant type.
            </Text>
          ) : null}
        </Stack>
        <ScopeChoice appScopes={source?.app?.scopes} selection={scopes} onChange={setScopes} error={errors.scopes} disabled={running} />
        {grant === 'authorization_code' ? <CallbackChoice app={source?.app} preferredPort={preferredPort} selection={callback} onChange={setCallback} error={errors.callback} disabled={running} /> : null}
        <Group gap="sm">
          <Button onClick={run} loading={running} disabled={source === undefined || blocked}>
            Run the flow
          </Button>
          {running && grant === 'authorization_code' ? (
            <Button variant="default" onClick={onCancel} loading={cancelling}>
              Cancel
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
