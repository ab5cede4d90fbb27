import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFETIME, formatLifetime, lifetimeParts, lifetimeSeconds } from './token-lifetime';

describe('the access-token expiration', () => {
  it('is 24 hours by default, the most Totango allows', () => {
    expect(lifetimeSeconds(DEFAULT_LIFETIME)).toEqual({ seconds: 86_400 });
    expect(lifetimeSeconds({ hours: 24, minutes: 1 })).toEqual({ problem: 'At most 24 hours, the maximum Totango allows.' });
    expect(lifetimeSeconds({ hours: 25, minutes: 0 })).toEqual({ problem: 'At most 24 hours, the maximum Totango allows.' });
  });

  it('may be shorter, down to one minute, in hours and minutes', () => {
    expect(lifetimeSeconds({ hours: 1, minutes: 30 })).toEqual({ seconds: 5_400 });
    expect(lifetimeSeconds({ hours: '', minutes: 15 })).toEqual({ seconds: 900 });
    expect(lifetimeSeconds({ hours: 0, minutes: 1 })).toEqual({ seconds: 60 });
    expect(lifetimeSeconds({ hours: 0, minutes: 0 })).toEqual({ problem: 'At least 1 minute.' });
  });

  it('refuses minutes past 59 and parts that are not whole numbers', () => {
    expect(lifetimeSeconds({ hours: 1, minutes: 60 })).toEqual({ problem: 'Minutes go from 0 to 59.' });
    expect(lifetimeSeconds({ hours: '1.5', minutes: 0 })).toEqual({ problem: 'Enter whole hours and minutes.' });
    expect(lifetimeSeconds({ hours: -1, minutes: 0 })).toEqual({ problem: 'Enter whole hours and minutes.' });
  });

  it('reads back from seconds and shows in words', () => {
    expect(lifetimeParts(5_400)).toEqual({ hours: 1, minutes: 30 });
    expect(formatLifetime(86_400)).toBe('24 h');
    expect(formatLifetime(5_400)).toBe('1 h 30 min');
    expect(formatLifetime(2_700)).toBe('45 min');
    expect(formatLifetime(90)).toBe('1 min 30 s');
  });
});
