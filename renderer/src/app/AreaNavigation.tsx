import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useLab } from '../stores/lab-stores';
import { AREAS, type Area, type AreaId } from './areas';
import { areaHref } from './routing';

function ShellSummary() {
  const info = useLab((state) => state.info);
  if (info === null) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="shell-summary">
      {info.shell === 'electron' ? 'Desktop app' : 'Browser mode'} · version {info.version}
    </Text>
  );
}

export interface AreaNavigationProps {
  readonly current: Area;
  readonly onNavigate: (id: AreaId) => void;
}

/** The navbar's content: the areas in the table's order, as links (Tab reaches them, Enter opens them), and the shell and version. */
export function AreaNavigation({ current, onNavigate }: AreaNavigationProps) {
  const follow = (id: AreaId) => (event: MouseEvent<HTMLElement>) => {
    // A plain click stays in this window; a modified one behaves as the browser wants.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    onNavigate(id);
  };
  return (
    <>
      <AppShell.Section grow component={ScrollArea}>
        {AREAS.map((area) => (
          <NavLink
            key={area.id}
            href={areaHref(area.id)}
            label={area.label}
            active={area.id === current.id}
            aria-current={area.id === current.id ? 'page' : undefined}
            onClick={follow(area.id)}
          />
        ))}
      </AppShell.Section>
      <AppShell.Section pt="sm">
        <ShellSummary />
      </AppShell.Section>
    </>
  );
}
