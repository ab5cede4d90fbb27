import { Alert, Button, Group, Select, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { LOG_CAPACITY, matchesFilters, SERVER_FILTERS, STATUS_FILTERS, type ServerFilter, type StatusFilter } from './request-log';
import { RequestLogTable } from './RequestLogTable';
import type { RequestLogControls } from './use-request-log';

/** The live log of what the mock served: filters, pause and resume, clear the view. */
export function RequestLogPanel({ controls }: { readonly controls: RequestLogControls }) {
  const { log, pause, resume, clear } = controls;
  const [server, setServer] = useState<ServerFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  // The Lab polls the mock's admin API itself: those rows would bury the OAuth and API calls.
  const [hideAdmin, setHideAdmin] = useState(true);
  const hidingAdmin = hideAdmin && server !== 'admin';
  const shown = log.entries.filter((request) => matchesFilters(request, server, status) && !(hidingAdmin && request.server === 'admin'));
  const filtered = server !== 'all' || status !== 'all' || hidingAdmin;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select label="Server" data={[...SERVER_FILTERS]} value={server} onChange={(value) => setServer((value as ServerFilter | null) ?? 'all')} allowDeselect={false} w={160} />
          <Select label="Status" data={[...STATUS_FILTERS]} value={status} onChange={(value) => setStatus((value as StatusFilter | null) ?? 'all')} allowDeselect={false} w={190} />
          <Switch
            label="Hide the Lab's own admin calls"
            checked={hidingAdmin}
            disabled={server === 'admin'}
            onChange={(event) => setHideAdmin(event.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Group gap="xs">
          {log.paused ? (
            <Button onClick={resume} color="teal">
              Resume
            </Button>
          ) : (
            <Button variant="default" onClick={pause}>
              Pause
            </Button>
          )}
          <Button variant="default" onClick={clear} disabled={log.entries.length === 0 && log.waiting.length === 0}>
            Clear view
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="request-log-summary">
        {log.paused ? `Paused: ${log.waiting.length} new ${log.waiting.length === 1 ? 'request waits' : 'requests wait'} to be shown. ` : 'Live: new requests appear at the top. '}
        {filtered ? `Showing ${shown.length} of ${log.entries.length}; ` : ''}
        {`${filtered ? 't' : 'T'}he view keeps the newest ${LOG_CAPACITY}. Paths never carry their query string, and no credential is logged.`}
      </Text>
      {log.loading ? (
        <Stack gap={6} aria-label="Loading the request log">
          <Skeleton height={28} />
          <Skeleton height={28} />
          <Skeleton height={28} />
        </Stack>
      ) : log.entries.length === 0 ? (
        <Alert color="blue" variant="light" title="No requests in view yet">
          Every request the mock serves appears here as it is served: run a flow from Flows, call an endpoint from the API explorer, or point your integration at the mock's URLs on the Status tab.
          <Group mt="sm">
            <Button size="xs" variant="light" onClick={() => (window.location.hash = '#/flows')}>
              Run a flow
            </Button>
          </Group>
        </Alert>
      ) : shown.length === 0 ? (
        <Text c="dimmed">No request in view matches these filters.</Text>
      ) : (
        <RequestLogTable requests={shown} />
      )}
    </Stack>
  );
}
