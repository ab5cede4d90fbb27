import { Badge, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { countdownWords, localTime, URGENCY_COLOR, urgencyOf } from './countdown';

export interface ExpiryCountdownProps {
  /** The token's `exp`, in epoch seconds. */
  readonly expiresAtEpochSeconds: number;
  /**
   * Seconds left when `measuredAtMs` (this machine's clock) was read. The Lab measures it
   * by the target's clock (the mock's can be moved), so the countdown counts from there
   * rather than from `exp` and this machine's clock.
   */
  readonly secondsLeft: number;
  readonly measuredAtMs: number;
}

/** The time to expiry, ticking every second: teal, orange under five minutes, red once expired. */
export function ExpiryCountdown({ expiresAtEpochSeconds, secondsLeft, measuredAtMs }: ExpiryCountdownProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [measuredAtMs]);
  const left = secondsLeft - Math.floor(Math.max(0, now - measuredAtMs) / 1000);
  const urgency = urgencyOf(left);
  return (
    <Group gap="sm" wrap="wrap">
      <Badge
        role="timer"
        aria-label="Time to expiry"
        data-testid="expiry-countdown"
        data-urgency={urgency}
        size="lg"
        variant={urgency === 'expired' ? 'filled' : 'light'}
        color={URGENCY_COLOR[urgency]}
        tt="none"
      >
        {countdownWords(left)}
      </Badge>
      <Text size="sm" c="dimmed">
        {urgency === 'expired' ? 'Expired at' : 'Expires at'} {localTime(expiresAtEpochSeconds * 1000)}
      </Text>
    </Group>
  );
}
