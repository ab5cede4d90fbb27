import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { describeOffset, formatClockTime, mockTimeMs } from './mock-clock';
import { callsTo, mockServerLab, renderMockServer, SAMPLE_STATUS } from './mock-server-testing';

/** A Lab whose clock moves as the screen asks. */
function clockLab() {
  const lab = mockServerLab();
  let offsetSeconds = 0;
  const clock = () => ({ now: new Date(Date.now() + offsetSeconds * 1000).toISOString(), offsetSeconds });
  lab.answer('mock.advanceClock', (input) => ((offsetSeconds += (input as { seconds: number }).seconds), clock()));
  lab.answer('mock.resetClock', () => ((offsetSeconds = 0), clock()));
  lab.answer('mock.status', () => ({ ...SAMPLE_STATUS, clock: clock() }));
  return lab;
}

describe('the mock clock', () => {
  it('moves forward by each preset with the seconds it names', async () => {
    const lab = clockLab();
    await renderMockServer(lab, 'Clock');
    expect(screen.getByTestId('clock-offset').textContent).toBe('in step with real time');
    const presets: [string, number][] = [['+1 hour', 3600], ['+1 day', 86_400], ['+25 hours', 90_000], ['+366 days', 31_622_400]];
    for (const [label, seconds] of presets) {
      fireEvent.click(screen.getByRole('button', { name: label }));
      await waitFor(() => expect(callsTo(lab, 'mock.advanceClock').at(-1)).toEqual({ seconds }));
      await waitFor(() => expect(screen.getByRole('button', { name: label }).hasAttribute('data-loading')).toBe(false));
    }
    await waitFor(() => expect(screen.getByTestId('clock-offset').textContent).toBe('368 days 2 h ahead of real time'));
    // The main process announces the move; the tab then says the clock is not real time.
    act(() => lab.emit({ name: 'mock.changed', payload: { what: 'clock' } }));
    await waitFor(() => expect(screen.getByRole('tab', { name: /Clock/ }).textContent).toContain('moved'));
  });

  it('moves by a custom amount, then back to now', async () => {
    const lab = clockLab();
    await renderMockServer(lab, 'Clock');
    expect((screen.getByRole('button', { name: 'Back to now' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Amount' }), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('combobox', { name: 'Unit' }));
    fireEvent.click(await screen.findByRole('option', { name: 'days' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move forward' }));
    await waitFor(() => expect(callsTo(lab, 'mock.advanceClock')).toEqual([{ seconds: 3 * 86_400 }]));
    await waitFor(() => expect(screen.getByTestId('clock-offset').textContent).toBe('3 days ahead of real time'));

    fireEvent.click(screen.getByRole('button', { name: 'Back to now' }));
    await waitFor(() => expect(screen.getByTestId('clock-offset').textContent).toBe('in step with real time'));
    expect(callsTo(lab, 'mock.resetClock')).toEqual([{}]);
  });

  it('shows the mock time ahead of the real time by the offset', async () => {
    const lab = mockServerLab();
    const status = (await lab.client.mock.status({})) as Awaited<ReturnType<typeof lab.client.mock.status>>;
    lab.answer('mock.status', () => ({ ...status, clock: { now: status.clock!.now, offsetSeconds: 2 * 86_400 } }));
    await renderMockServer(lab, 'Clock');
    const expected = [0, 1000, 2000].map((ago) => formatClockTime(mockTimeMs(Date.now() - ago, 2 * 86_400)));
    expect(expected).toContain(screen.getByTestId('mock-time').textContent);
    expect(screen.getByTestId('clock-offset').textContent).toBe('2 days ahead of real time');
  });
});

describe('describeOffset', () => {
  it('says the offset in days, hours and minutes, ahead or behind', () => {
    expect(describeOffset(90_000)).toBe('1 day 1 h ahead of real time');
    expect(describeOffset(-1800)).toBe('30 min behind real time');
    expect(describeOffset(45)).toBe('45 s ahead of real time');
  });
});
