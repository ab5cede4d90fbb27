/**
 * The mock clock as the Clock tab shows it: the presets that expire what support needs
 * expired, the mock's time from its offset, and the offset in words.
 */

export const HOUR_SECONDS = 3600;
export const DAY_SECONDS = 24 * HOUR_SECONDS;
/** The contract's bound on one move: ten years either way. */
export const MAX_MOVE_SECONDS = 10 * 365 * DAY_SECONDS;

export interface ClockPreset {
  readonly label: string;
  readonly seconds: number;
  /** What moving by this much is for. */
  readonly purpose: string;
}

export const CLOCK_PRESETS: readonly ClockPreset[] = Object.freeze([
  { label: '+1 hour', seconds: HOUR_SECONDS, purpose: 'Expires authorization codes and short-lived tokens.' },
  { label: '+1 day', seconds: DAY_SECONDS, purpose: 'A day later: tokens of 24 hours are at their limit.' },
  { label: '+25 hours', seconds: 25 * HOUR_SECONDS, purpose: 'Expires a token of 24 hours, the longest Totango issues.' },
  { label: '+366 days', seconds: 366 * DAY_SECONDS, purpose: 'Expires a client certificate (valid one year).' },
]);

export const CUSTOM_UNITS = Object.freeze({ minutes: 60, hours: HOUR_SECONDS, days: DAY_SECONDS });
export type CustomUnit = keyof typeof CUSTOM_UNITS;

/** The mock's time now, in milliseconds, from its offset to real time. */
export function mockTimeMs(realNowMs: number, offsetSeconds: number): number {
  return realNowMs + offsetSeconds * 1000;
}

/** `1 day 1 h ahead`, `30 min behind`, `in step with real time`. */
export function describeOffset(offsetSeconds: number): string {
  if (offsetSeconds === 0) return 'in step with real time';
  const total = Math.abs(offsetSeconds);
  const days = Math.floor(total / DAY_SECONDS);
  const hours = Math.floor((total % DAY_SECONDS) / HOUR_SECONDS);
  const minutes = Math.floor((total % HOUR_SECONDS) / 60);
  const seconds = total % 60;
  const parts = [
    days > 0 ? `${days} ${days === 1 ? 'day' : 'days'}` : '',
    hours > 0 ? `${hours} h` : '',
    minutes > 0 ? `${minutes} min` : '',
    seconds > 0 && days === 0 ? `${seconds} s` : '',
  ].filter((part) => part !== '');
  return `${parts.join(' ')} ${offsetSeconds > 0 ? 'ahead of' : 'behind'} real time`;
}

/** A date and time to the second, in the person's locale and time zone. */
export function formatClockTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}
