import { Badge, Tooltip } from '@mantine/core';

/** Marks what the mock decides where Totango's article is silent. */
export function MockBehaviourBadge() {
  return (
    <Tooltip label="Totango's article says nothing about this: the mock's own behaviour, which may differ from Totango's." withArrow multiline w={260}>
      <Badge size="xs" variant="outline" color="gray" tabIndex={0} aria-label="Mock behaviour: Totango's article says nothing about this">
        mock behaviour
      </Badge>
    </Tooltip>
  );
}
