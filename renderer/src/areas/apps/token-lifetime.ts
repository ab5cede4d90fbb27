/**
 * The access-token expiration as the form edits it (hours and minutes) and as the
 * contract carries it (seconds). The article: "Default is 24 hours, which is the maximum
 * value"; shorter is allowed, down to the mock's minimum of one minute.
 */
import { MAX_TOKEN_LIFETIME_SECONDS, MIN_TOKEN_LIFETIME_SECONDS } from '../../../../shared/contract/mock-schemas';

export interface LifetimeParts {
  /** What the hours box holds: a number, or '' while the person is typing. */
  readonly hours: number | string;
  readonly minutes: number | string;
}

export const DEFAULT_LIFETIME: LifetimeParts = { hours: 24, minutes: 0 };

export function lifetimeParts(seconds: number): LifetimeParts {
  return { hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60) };
}

function wholeNumber(value: number | string): number | undefined {
  const n = typeof value === 'number' ? value : value.trim() === '' ? 0 : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The lifetime in seconds, or why it cannot be one. */
export function lifetimeSeconds(parts: LifetimeParts): { seconds: number } | { problem: string } {
  const hours = wholeNumber(parts.hours);
  const minutes = wholeNumber(parts.minutes);
  if (hours === undefined || minutes === undefined) return { problem: 'Enter whole hours and minutes.' };
  if (minutes > 59) return { problem: 'Minutes go from 0 to 59.' };
  const seconds = hours * 3600 + minutes * 60;
  if (seconds > MAX_TOKEN_LIFETIME_SECONDS) return { problem: 'At most 24 hours, the maximum Totango allows.' };
  if (seconds < MIN_TOKEN_LIFETIME_SECONDS) return { problem: 'At least 1 minute.' };
  return { seconds };
}

/** "24 h", "1 h 30 min", "45 min", "1 min 30 s". */
export function formatLifetime(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [hours > 0 ? `${hours} h` : '', minutes > 0 ? `${minutes} min` : '', rest > 0 ? `${rest} s` : ''].filter((p) => p !== '');
  return parts.length === 0 ? '0 s' : parts.join(' ');
}
