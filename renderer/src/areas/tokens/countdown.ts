/**
 * The words and colour of a token's time to expiry, to the second: "4 min 59 s left",
 * orange under five minutes, red and "expired 3 min ago" once it has expired.
 */

/** ok: more than five minutes left; soon: under five minutes; expired: none left. */
export type ExpiryUrgency = 'ok' | 'soon' | 'expired';

/** Under this many seconds left, the countdown turns orange. */
export const SOON_SECONDS = 5 * 60;

export const URGENCY_COLOR: Readonly<Record<ExpiryUrgency, string>> = Object.freeze({ ok: 'teal', soon: 'orange', expired: 'red' });

export function urgencyOf(secondsLeft: number): ExpiryUrgency {
  if (secondsLeft <= 0) return 'expired';
  return secondsLeft < SOON_SECONDS ? 'soon' : 'ok';
}

interface DurationParts {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

function partsOf(totalSeconds: number): DurationParts {
  const s = Math.floor(Math.abs(totalSeconds));
  return { days: Math.floor(s / 86400), hours: Math.floor((s % 86400) / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
}

/** Every unit from the largest that is not zero down to seconds: "2 h 0 min 5 s". */
function toTheSecond(parts: DurationParts): string {
  const units: [number, string][] = [
    [parts.days, 'd'],
    [parts.hours, 'h'],
    [parts.minutes, 'min'],
    [parts.seconds, 's'],
  ];
  const first = units.findIndex(([value]) => value > 0);
  return units
    .slice(first === -1 ? units.length - 1 : first)
    .map(([value, unit]) => `${value} ${unit}`)
    .join(' ');
}

/** The two largest units, for a time in the past: "3 min", "2 h 5 min", "1 d 4 h". */
function roughly(parts: DurationParts): string {
  if (parts.days > 0) return parts.hours > 0 ? `${parts.days} d ${parts.hours} h` : `${parts.days} d`;
  if (parts.hours > 0) return parts.minutes > 0 ? `${parts.hours} h ${parts.minutes} min` : `${parts.hours} h`;
  if (parts.minutes > 0) return `${parts.minutes} min`;
  return `${parts.seconds} s`;
}

/** "23 h 59 min 12 s left", "expired just now", "expired 3 min ago". */
export function countdownWords(secondsLeft: number): string {
  if (secondsLeft > 0) return `${toTheSecond(partsOf(secondsLeft))} left`;
  if (secondsLeft === 0) return 'expired just now';
  return `expired ${roughly(partsOf(secondsLeft))} ago`;
}

/** A time in this machine's local time zone: "Mar 4, 2026, 10:15:00 AM GMT+1". */
export function localTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(epochMs));
}
