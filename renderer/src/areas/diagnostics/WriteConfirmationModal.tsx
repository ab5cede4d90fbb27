import { Alert, Badge, Button, Checkbox, Code, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CATALOGUE, type EndpointId } from '../../../../shared/catalogue';

/** The endpoints that change a tenant's data: what a run against a real region asks about. */
export const WRITE_ENDPOINTS = CATALOGUE.filter((endpoint) => endpoint.effect !== 'read');
const READ_COUNT = CATALOGUE.length - WRITE_ENDPOINTS.length;

export interface WriteConfirmationModalProps {
  readonly opened: boolean;
  /** The real target the run goes to: `Totango US`, a custom URL's label. */
  readonly targetLabel: string;
  readonly onCancel: () => void;
  readonly onConfirm: (confirmedWrites: EndpointId[]) => void;
}

/**
 * Before a run against a real tenant: reads run freely; each write or delete runs only
 * if its box is ticked (none is, at first). The unticked ones come back "skipped".
 */
export function WriteConfirmationModal({ opened, targetLabel, onCancel, onConfirm }: WriteConfirmationModalProps) {
  const [ticked, setTicked] = useState<ReadonlySet<EndpointId>>(new Set());
  useEffect(() => {
    if (opened) setTicked(new Set());
  }, [opened]);
  const toggle = (id: EndpointId, on: boolean) =>
    setTicked((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const confirmed = WRITE_ENDPOINTS.map((e) => e.id).filter((id) => ticked.has(id));

  return (
    <Modal opened={opened} onClose={onCancel} title={`Run the diagnostics against ${targetLabel}?`} size="lg">
      <Stack gap="sm">
        <Text size="sm">
          {targetLabel} is treated as a real Totango tenant. The {READ_COUNT} reads run freely. Writes and deletes change the tenant&apos;s data: tick the ones you want to run;
          the others are skipped and not sent.
        </Text>
        <Alert color="orange" variant="light" title="Writes create, change or delete real data">
          Each ticked endpoint sends its example request to {targetLabel}.
        </Alert>
        <ScrollArea.Autosize mah={320} type="auto">
          <Stack gap={6} role="group" aria-label="Writes and deletes to run">
            {WRITE_ENDPOINTS.map((endpoint) => (
              <Checkbox
                key={endpoint.id}
                checked={ticked.has(endpoint.id)}
                onChange={(event) => toggle(endpoint.id, event.currentTarget.checked)}
                aria-label={`Run ${endpoint.summary} (${endpoint.method} ${endpoint.path})`}
                label={
                  <Group gap={6} wrap="wrap">
                    <Badge size="xs" variant="light" color={endpoint.effect === 'delete' ? 'red' : 'orange'}>
                      {endpoint.effect}
                    </Badge>
                    <Text size="sm">{endpoint.summary}</Text>
                    <Code fz="xs">
                      {endpoint.method} {endpoint.path}
                    </Code>
                  </Group>
                }
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button onClick={() => onConfirm(confirmed)}>
            {confirmed.length === 0 ? 'Run the reads only' : `Run the reads and ${confirmed.length} ${confirmed.length === 1 ? 'write' : 'writes'}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
