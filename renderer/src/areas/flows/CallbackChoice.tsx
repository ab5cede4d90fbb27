import { Alert, Button, Radio, Select, Stack, TextInput } from '@mantine/core';
import { loopbackCallbacks } from './flow-sources';
import type { ApplicationView } from '../../stores/workbench-store';

/** Where the browser comes back: one of a mock app's callback URLs, or a port (the preference, an ephemeral one) or an exact URL. */
export type CallbackSelection = { readonly kind: 'registered'; readonly url: string | null } | { readonly kind: 'settings' } | { readonly kind: 'ephemeral' } | { readonly kind: 'exact'; readonly url: string };

export function defaultCallback(app: ApplicationView | undefined, preferredPort: number | null): CallbackSelection {
  if (app !== undefined) {
    const urls = loopbackCallbacks(app);
    return { kind: 'registered', url: urls.find((url) => new URL(url).port === String(preferredPort)) ?? urls[0] ?? null };
  }
  return preferredPort === null ? { kind: 'ephemeral' } : { kind: 'settings' };
}

const EXACT_LOOPBACK = /^http:\/\/127\.0\.0\.1:\d{4,5}(\/[^?#]*)?$/;

/** The callback part of the flow request, or why it cannot run. */
export function callbackRequest(selection: CallbackSelection, preferredPort: number | null): { redirectUri?: string; callbackPort?: number | null; error?: string } {
  switch (selection.kind) {
    case 'registered':
      return selection.url === null ? { error: 'The app has no callback URL the Lab can receive.' } : { redirectUri: selection.url };
    case 'settings':
      return { callbackPort: preferredPort };
    case 'ephemeral':
      return { callbackPort: null };
    case 'exact':
      return EXACT_LOOPBACK.test(selection.url.trim()) ? { redirectUri: selection.url.trim() } : { error: 'Give a loopback URL with a port, such as http://127.0.0.1:8765/callback.' };
  }
}

export interface CallbackChoiceProps {
  readonly app: ApplicationView | undefined;
  readonly preferredPort: number | null;
  readonly selection: CallbackSelection;
  readonly onChange: (selection: CallbackSelection) => void;
  readonly error?: string | undefined;
  readonly disabled: boolean;
}

/** The callback URL the authorization server sends the browser back to (the Lab's loopback server listens there). */
export function CallbackChoice({ app, preferredPort, selection, onChange, error, disabled }: CallbackChoiceProps) {
  if (app !== undefined) {
    const urls = loopbackCallbacks(app);
    if (urls.length === 0) {
      return (
        <Alert color="orange" title="No callback URL the Lab can receive">
          <Stack gap="xs" align="flex-start">
            <span>
              The Lab receives the browser on http://127.0.0.1 with a port. Add a callback URL such as http://127.0.0.1:{preferredPort ?? 8765}/callback to this app in Apps.
            </span>
            <Button component="a" href="#/apps" size="xs" variant="light">
              Open Apps
            </Button>
          </Stack>
        </Alert>
      );
    }
    return (
      <Select
        label="Callback URL"
        description="One of the app’s registered callback URLs: the authorization server sends the browser back to it, and the Lab listens on its port."
        data={urls}
        value={selection.kind === 'registered' ? selection.url : null}
        onChange={(url) => onChange({ kind: 'registered', url })}
        allowDeselect={false}
        disabled={disabled}
        error={error}
      />
    );
  }
  return (
    <Stack gap="xs">
      <Radio.Group label="Callback" description="The callback URL registered with the app must match exactly." value={selection.kind} onChange={(kind) => onChange(kind === 'exact' ? { kind, url: selection.kind === 'exact' ? selection.url : '' } : { kind: kind as 'settings' | 'ephemeral' })}>
        <Stack gap={6} mt={6}>
          {preferredPort === null ? null : <Radio value="settings" label={`The port from Settings: http://127.0.0.1:${preferredPort}/callback`} disabled={disabled} />}
          <Radio value="ephemeral" label="Any free port (ephemeral, for servers that accept any loopback port)" disabled={disabled} />
          <Radio value="exact" label="An exact callback URL" disabled={disabled} />
        </Stack>
      </Radio.Group>
      {selection.kind === 'exact' ? (
        <TextInput label="Exact callback URL" value={selection.url} onChange={(event) => onChange({ kind: 'exact', url: event.currentTarget.value })} disabled={disabled} error={error} />
      ) : null}
    </Stack>
  );
}
