import { Badge } from '@mantine/core';
import type { MockStatus } from '../../../../shared/contract/mock-schemas';

const STATES = {
  embedded: { color: 'teal', label: 'Running, started by the Lab' },
  external: { color: 'blue', label: 'Running, external' },
  stopped: { color: 'red', label: 'Not reachable' },
} as const;

/** Whether the mock answers, and who started it. */
export function MockStateBadge({ state }: { readonly state: MockStatus['state'] }) {
  const { color, label } = STATES[state];
  return (
    <Badge color={color} variant="light" size="lg" data-testid="mock-state" aria-label={`Mock state: ${label}`}>
      {label}
    </Badge>
  );
}
