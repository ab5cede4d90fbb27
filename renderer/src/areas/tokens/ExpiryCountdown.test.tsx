import { MantineProvider } from '@mantine/core';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countdownWords, urgencyOf } from './countdown';
import { ExpiryCountdown } from './ExpiryCountdown';

describe('countdownWords', () => {
  it('counts to the second while time is left, then says how long ago it expired', () => {
    expect(countdownWords(86_399)).toBe('23 h 59 min 59 s left');
    expect(countdownWords(7_205)).toBe('2 h 0 min 5 s left');
    expect(countdownWords(299)).toBe('4 min 59 s left');
    expect(countdownWords(9)).toBe('9 s left');
    expect(countdownWords(0)).toBe('expired just now');
    expect(countdownWords(-42)).toBe('expired 42 s ago');
    expect(countdownWords(-185)).toBe('expired 3 min ago');
    expect(countdownWords(-(2 * 3600 + 5 * 60))).toBe('expired 2 h 5 min ago');
  });

  it('is urgent under five minutes, and expired from zero', () => {
    expect([urgencyOf(301), urgencyOf(300), urgencyOf(299), urgencyOf(1), urgencyOf(0), urgencyOf(-1)]).toEqual(['ok', 'ok', 'soon', 'soon', 'expired', 'expired']);
  });
});

describe('ExpiryCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-04T10:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks every second, turns orange under five minutes and red once expired', () => {
    const exp = Math.floor(Date.now() / 1000) + 301;
    render(
      <MantineProvider env="test">
        <ExpiryCountdown expiresAtEpochSeconds={exp} secondsLeft={301} measuredAtMs={Date.now()} />
      </MantineProvider>,
    );
    const timer = screen.getByRole('timer', { name: 'Time to expiry' });
    expect(timer.textContent).toBe('5 min 1 s left');
    expect(timer.getAttribute('data-urgency')).toBe('ok');
    expect(timer.getAttribute('style')).toContain('teal');

    act(() => vi.advanceTimersByTime(1000));
    expect(timer.textContent).toBe('5 min 0 s left');
    act(() => vi.advanceTimersByTime(1000));
    expect(timer.textContent).toBe('4 min 59 s left');
    expect(timer.getAttribute('data-urgency')).toBe('soon');
    expect(timer.getAttribute('style')).toContain('orange');
    expect(screen.getByText(/^Expires at /)).toBeTruthy();

    act(() => vi.advanceTimersByTime(299_000));
    expect(timer.textContent).toBe('expired just now');
    expect(timer.getAttribute('data-urgency')).toBe('expired');
    expect(timer.getAttribute('style')).toContain('red');
    act(() => vi.advanceTimersByTime(185_000));
    expect(timer.textContent).toBe('expired 3 min ago');
    expect(screen.getByText(/^Expired at /)).toBeTruthy();
  });

  it("counts from the Lab's measure (the mock's clock may be moved), not from exp and this machine's clock", () => {
    // exp says a day is left by this machine's clock; the mock's clock was moved forward: 90 s are left.
    const exp = Math.floor(Date.now() / 1000) + 86_400;
    render(
      <MantineProvider env="test">
        <ExpiryCountdown expiresAtEpochSeconds={exp} secondsLeft={90} measuredAtMs={Date.now() - 10_000} />
      </MantineProvider>,
    );
    expect(screen.getByRole('timer').textContent).toBe('1 min 20 s left');
  });
});
