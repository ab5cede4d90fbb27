import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { callbackUrl, isCallbackPort } from './callback-url';
import { renderSettings, targetsLab } from './settings-testing';

beforeEach(() => {
  window.location.hash = '';
  window.localStorage.clear();
});

const callbackPanel = () => screen.getByRole('region', { name: 'Callback port' });

describe('the callback port', () => {
  it('shows the exact callback URL for the port typed, refuses a port out of range, and saves it in the preferences', async () => {
    const { lab } = targetsLab();
    const { stores } = await renderSettings(lab);
    await waitFor(() => expect(screen.getByTestId('callback-saved').textContent).toBe('Saved: an ephemeral port.'));
    expect(screen.getByTestId('callback-ephemeral').textContent).toContain('no URL can be registered in advance');
    expect(within(callbackPanel()).getByRole('button', { name: 'Save the callback port' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(callbackPanel()).getByRole('radio', { name: 'A fixed port' }));
    const port = within(callbackPanel()).getByRole('textbox', { name: 'Port number' });
    expect(screen.getByTestId('callback-url').textContent).toBe('http://127.0.0.1:8765/callback');
    fireEvent.change(port, { target: { value: '9123' } });
    expect(screen.getByTestId('callback-url').textContent).toBe('http://127.0.0.1:9123/callback');
    fireEvent.change(port, { target: { value: '80' } });
    expect(within(callbackPanel()).getByText('Give a whole number from 1024 to 65535.')).toBeTruthy();
    expect(screen.queryByTestId('callback-url')).toBeNull();
    expect(within(callbackPanel()).getByRole('button', { name: 'Save the callback port' }).hasAttribute('disabled')).toBe(true);

    fireEvent.change(port, { target: { value: '9123' } });
    fireEvent.click(within(callbackPanel()).getByRole('button', { name: 'Save the callback port' }));
    await waitFor(() => expect(screen.getByTestId('callback-saved').textContent).toBe('Saved: port 9123.'));
    expect(lab.calls.find((call) => call.name === 'lab.updatePreferences')?.input).toEqual({ callbackPort: 9123 });
    // Flows and Apps read the port from the Lab store.
    expect(stores.lab.getState().preferences?.callbackPort).toBe(9123);

    fireEvent.click(within(callbackPanel()).getByRole('radio', { name: 'A free port each time (ephemeral)' }));
    fireEvent.click(within(callbackPanel()).getByRole('button', { name: 'Save the callback port' }));
    await waitFor(() => expect(screen.getByTestId('callback-saved').textContent).toBe('Saved: an ephemeral port.'));
    expect(lab.calls.filter((call) => call.name === 'lab.updatePreferences').at(-1)?.input).toEqual({ callbackPort: null });
  });

  it('starts from the saved port', async () => {
    const { lab } = targetsLab();
    lab.answer('lab.preferences', () => ({ callbackPort: 8801, theme: 'light', selectedTarget: 'mock:us' }));
    await renderSettings(lab);
    await waitFor(() => expect(screen.getByTestId('callback-url').textContent).toBe('http://127.0.0.1:8801/callback'));
    expect((within(callbackPanel()).getByRole('radio', { name: 'A fixed port' }) as HTMLInputElement).checked).toBe(true);
  });

  it('knows the ports a loopback callback can use', () => {
    expect([1023, 1024, 65535, 65536, 8765.5].map(isCallbackPort)).toEqual([false, true, true, false, false]);
    expect(callbackUrl(8765)).toBe('http://127.0.0.1:8765/callback');
  });
});

describe('the theme', () => {
  it('applies and saves light, dark or the system’s', async () => {
    const { lab } = targetsLab();
    await renderSettings(lab);
    const theme = screen.getByRole('region', { name: 'Theme' });
    await waitFor(() => expect((within(theme).getByRole('radio', { name: 'Light' }) as HTMLInputElement).checked).toBe(true));
    fireEvent.click(within(theme).getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('dark'));
    expect(lab.calls.find((call) => call.name === 'lab.updatePreferences')?.input).toEqual({ theme: 'dark' });
    fireEvent.click(within(theme).getByRole('radio', { name: 'Follow the system' }));
    await waitFor(() => expect(lab.calls.filter((call) => call.name === 'lab.updatePreferences').at(-1)?.input).toEqual({ theme: 'auto' }));
    expect((within(theme).getByRole('radio', { name: 'Follow the system' }) as HTMLInputElement).checked).toBe(true);
  });
});
