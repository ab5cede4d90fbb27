import { Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import type { Area } from './areas';

export interface AreaPageProps {
  readonly area: Area;
  /** Move the keyboard focus to the heading (after the person navigated here). */
  readonly focusHeading: boolean;
  /** The area's screen, below its heading and description. */
  readonly children?: ReactNode;
}

/** An area's heading and the sentence that says what it is for, above its screen. */
export function AreaPage({ area, focusHeading, children }: AreaPageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [area.id, focusHeading]);
  return (
    <Stack gap="md" component="section" aria-labelledby={`area-${area.id}-title`}>
      <div>
        <Title order={1} size="h2" id={`area-${area.id}-title`} ref={heading} tabIndex={-1}>
          {area.label}
        </Title>
        <Text c="dimmed" mt={4}>
          {area.description}
        </Text>
      </div>
      {children}
    </Stack>
  );
}
