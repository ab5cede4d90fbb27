import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MockSettingsView } from '../../../../shared/contract/mock-schemas';
import { callsTo, mockServerLab, renderMockServer, SAMPLE_SETTINGS } from './mock-server-testing';

function settingsLab() {
  const lab = mockServerLab();
  let settings: MockSettingsView = { ...SAMPLE_SETTINGS };
  lab.answer('mock.updateSettings', (changes) => (settings = { ...settings, ...(changes as Partial<MockSettingsView>) }));
  return lab;
}

const save = () => screen.getByRole('button', { name: 'Save settings' }) as HTMLButtonElement;

describe('the mock settings', () => {
  it('saves only what changed: the application limit raised to 3', async () => {
    const lab = settingsLab();
    await renderMockServer(lab, 'Settings');
    const limit = screen.getByRole('textbox', { name: 'Application limit' }) as HTMLInputElement;
    expect(limit.value).toBe('2');
    expect(save().disabled).toBe(true);
    fireEvent.change(limit, { target: { value: '3' } });
    fireEvent.click(save());
    await waitFor(() => expect(callsTo(lab, 'mock.updateSettings')).toEqual([{ applicationLimit: 3 }]));
    expect(await screen.findByText('Saved: the mock uses these settings from now on.')).toBeTruthy();
    expect(save().disabled).toBe(true);
  });

  it('refuses a limit outside 1 to 100 before sending anything', async () => {
    const lab = settingsLab();
    await renderMockServer(lab, 'Settings');
    fireEvent.change(screen.getByRole('textbox', { name: 'Application limit' }), { target: { value: '101' } });
    expect(await screen.findByText('A whole number from 1 to 100')).toBeTruthy();
    expect(save().disabled).toBe(true);
    fireEvent.submit(save().closest('form')!);
    expect(callsTo(lab, 'mock.updateSettings')).toEqual([]);
  });

  it('requires PKCE and switches the signing algorithm, marked as mock behaviour', async () => {
    const lab = settingsLab();
    await renderMockServer(lab, 'Settings');
    expect(screen.getAllByLabelText("Mock behaviour: Totango's article says nothing about this")).toHaveLength(3);
    fireEvent.click(screen.getByRole('switch', { name: 'Require PKCE' }));
    fireEvent.click(screen.getByRole('radio', { name: 'ES256' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Authorization-code lifetime (seconds)' }), { target: { value: '120' } });
    fireEvent.click(save());
    await waitFor(() => expect(callsTo(lab, 'mock.updateSettings')).toEqual([{ pkceRequired: true, signingAlgorithm: 'ES256', authorizationCodeTtlSeconds: 120 }]));
  });
});
