import { Badge, Tooltip } from '@mantine/core';
import type { ConnectionState } from '../contract/lab-client';
import { useConnection } from '../stores/lab-stores';

const APPEARANCE: Readonly<Record<ConnectionState, { readonly text: string; readonly color: string }>> = {
  connecting: { text: 'Connecting', color: 'yellow' },
  connected: { text: 'Connected', color: 'teal' },
  disconnected: { text: 'Disconnected, reconnecting', color: 'red' },
};

/** The state of the link to the Lab, announced politely when it changes. */
export function ConnectionBadge() {
  const state = useConnection((connection) => connection.state);
  const lastError = useConnection((connection) => connection.lastError);
  const { text, color } = APPEARANCE[state];
  const detail = state === 'connected' ? 'The window is connected to the Lab.' : (lastError ?? 'The window is reaching the Lab.');
  return (
    <Tooltip label={detail} multiline maw={320}>
      <Badge role="status" aria-live="polite" aria-label={`Connection: ${text}`} data-connection-state={state} color={color} variant="light" size="lg" tabIndex={0}>
        {text}
      </Badge>
    </Tooltip>
  );
}
