import { Alert, Badge, Button, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useWorkbench } from '../../stores/lab-stores';
import { ClockPanel } from './ClockPanel';
import { FaultsPanel } from './FaultsPanel';
import { MockStateBadge } from './MockStateBadge';
import { RequestLogPanel } from './RequestLogPanel';
import { SettingsPanel } from './SettingsPanel';
import { StatusPanel } from './StatusPanel';
import { useRequestLog } from './use-request-log';
import { UsersPanel } from './UsersPanel';

const TABS = [
  { value: 'status', label: 'Status' },
  { value: 'users', label: 'Users' },
  { value: 'settings', label: 'Settings' },
  { value: 'clock', label: 'Clock' },
  { value: 'faults', label: 'Faults' },
  { value: 'log', label: 'Request log' },
] as const;
type TabValue = (typeof TABS)[number]['value'];

/**
 * The mock-server area's screen (its heading and description come from the frame): the
 * mock's state above tabs for its status and URLs, users, settings, clock, faults and the
 * live log of the requests it served.
 */
export function MockServerScreen() {
  const status = useWorkbench((state) => state.mockStatus);
  const refreshMockStatus = useWorkbench((state) => state.refreshMockStatus);
  const [tab, setTab] = useState<TabValue>('status');
  const [checking, setChecking] = useState(false);
  // Held here, not in its tab, so the log keeps filling while another tab is shown.
  const requestLog = useRequestLog();
  // The counts in the status may predate this visit: read it afresh each time the screen opens.
  useEffect(() => {
    void refreshMockStatus();
  }, [refreshMockStatus]);

  if (status === null) return <Skeleton height={320} aria-label="Reading the mock's status" />;
  const checkAgain = async () => {
    setChecking(true);
    await refreshMockStatus();
    setChecking(false);
  };
  const offset = status.clock?.offsetSeconds ?? 0;

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        <MockStateBadge state={status.state} />
        {status.state === 'external' && status.urls !== undefined ? <Text size="sm">The Lab drives the mock at {status.urls.admin}.</Text> : null}
        <Button size="xs" variant="subtle" loading={checking} onClick={() => void checkAgain()}>
          Check again
        </Button>
      </Group>
      {status.state === 'stopped' ? (
        <Alert color="red" variant="light" title="The mock does not answer">
          {status.message ?? "the mock's admin API did not answer"}. Flows and calls against the mock fail until it is back; restart the Lab, or start the mock with npm run mock.
        </Alert>
      ) : null}
      <Tabs value={tab} onChange={(value) => setTab((value as TabValue | null) ?? 'status')} keepMounted={false}>
        <Tabs.List aria-label="Mock server">
          {TABS.map(({ value, label }) => (
            <Tabs.Tab key={value} value={value} rightSection={tabBadge(value, offset, requestLog.log.paused)}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="status" pt="md">
          <StatusPanel status={status} />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="md">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <SettingsPanel settings={status.settings} />
        </Tabs.Panel>
        <Tabs.Panel value="clock" pt="md">
          <ClockPanel clock={status.clock} />
        </Tabs.Panel>
        <Tabs.Panel value="faults" pt="md">
          <FaultsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="md">
          <RequestLogPanel controls={requestLog} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** A word on a tab when its subject is out of the ordinary: the clock moved, the log paused. */
function tabBadge(tab: TabValue, offsetSeconds: number, logPaused: boolean) {
  if (tab === 'clock' && offsetSeconds !== 0) return <Badge size="xs" color="orange" variant="light">moved</Badge>;
  if (tab === 'log' && logPaused) return <Badge size="xs" color="gray" variant="light">paused</Badge>;
  return undefined;
}
