/**
 * After "Create Application": the client ID and secret, the secret shown once (shortened,
 * masked in screenshots, copied whole) with the warning; "Use in the Lab"; for mutual TLS
 * the certificate export.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appsLab, CLIENT_SECRET, renderApps } from './apps-testing';

beforeEach(() => window.localStorage.clear());
afterEach(() => vi.restoreAllMocks());

async function register(lab = appsLab(), options: { mutualTls?: boolean } = {}) {
  await renderApps(lab);
  fireEvent.click(screen.getByRole('button', { name: 'Register an application' }));
  const form = within(await screen.findByRole('form', { name: 'Register New OAuth Application' }));
  fireEvent.change(form.getByLabelText(/^Application name/), { target: { value: 'Renewals sync' } });
  if (options.mutualTls) fireEvent.click(form.getByRole('switch', { name: /^Mutual TLS/ }));
  fireEvent.click(form.getByRole('checkbox', { name: 'account:read' }));
  fireEvent.click(form.getByRole('button', { name: 'Create Application' }));
  return within(await screen.findByTestId('registration-result'));
}

describe('the registered application', () => {
  it('shows the client ID whole and the secret shortened and marked secret, each with a copy button', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const result = await register();
    expect(result.getByText('client-1')).toBeTruthy();
    const secret = result.getByTestId('client-secret');
    expect(secret.hasAttribute('data-secret')).toBe(true);
    expect(secret.textContent).toBe(`${CLIENT_SECRET.slice(0, 8)}…${CLIENT_SECRET.slice(-4)}`);
    expect(document.body.textContent).not.toContain(CLIENT_SECRET);
    expect(result.getByText('The client secret cannot be shown again')).toBeTruthy();

    fireEvent.click(result.getByRole('button', { name: 'Copy the client secret' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(CLIENT_SECRET));
    fireEvent.click(result.getByRole('button', { name: 'Copy the client ID' }));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith('client-1'));
  });

  it('shows the secret once: after Close, the list says the Lab holds it, and nothing shows it', async () => {
    const result = await register();
    fireEvent.click(result.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByTestId('registration-result')).toBeNull());
    const row = await screen.findByTestId('application-row');
    expect(within(row).getByText('Held this session')).toBeTruthy();
    expect(screen.queryByTestId('client-secret')).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Details of Renewals sync' }));
    const drawer = await screen.findByRole('dialog', { name: 'Renewals sync' });
    expect(drawer.textContent).toContain('Held by the Lab for this session (never shown again).');
    expect(drawer.textContent).not.toContain(CLIENT_SECRET.slice(0, 8));
  });

  it('loads it as the credentials of its target with Use in the Lab, and offers Flows', async () => {
    const lab = appsLab();
    const result = await register(lab);
    fireEvent.click(result.getByRole('button', { name: 'Use in the Lab' }));
    expect(await result.findByText('Renewals sync is now the credentials of Local mock (US), the selected target.')).toBeTruthy();
    expect(lab.calls.find((c) => c.name === 'targets.useApplication')?.input).toEqual({ clientId: 'client-1' });
    fireEvent.click(result.getByRole('button', { name: 'Go to Flows' }));
    expect(window.location.hash).toBe('#/flows');
  });

  it('exports the certificate and key of a mutual-TLS app, as PEM or as PKCS#12 with the password typed', async () => {
    const lab = appsLab();
    lab.answer('applications.exportCertificate', (input) => {
      const { format } = input as { format: string };
      return format === 'pem'
        ? { fileName: 'Renewals-sync.pem', mediaType: 'application/x-pem-file', encoding: 'utf8', content: '-----BEGIN CERTIFICATE-----\n' }
        : { fileName: 'Renewals-sync.p12', mediaType: 'application/x-pkcs12', encoding: 'base64', content: 'MIIB' };
    });
    const createObjectURL = vi.fn(() => 'blob:certificate');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const result = await register(lab, { mutualTls: true });

    fireEvent.click(result.getByRole('button', { name: 'Export the certificate and key' }));
    await waitFor(() => expect(downloads).toEqual(['Renewals-sync.pem']));

    fireEvent.click(result.getByRole('radio', { name: 'PKCS#12' }));
    const password = result.getByLabelText('Password of the .p12 file');
    fireEvent.change(password, { target: { value: 'abc' } });
    expect(result.getByText('At least 4 characters, to protect the private key.')).toBeTruthy();
    fireEvent.click(result.getByRole('button', { name: 'Export the certificate and key' }));
    fireEvent.change(password, { target: { value: 'correct horse' } });
    fireEvent.click(result.getByRole('button', { name: 'Export the certificate and key' }));
    await waitFor(() => expect(downloads).toEqual(['Renewals-sync.pem', 'Renewals-sync.p12']));
    expect(lab.calls.filter((c) => c.name === 'applications.exportCertificate').map((c) => c.input)).toEqual([
      { clientId: 'client-1', format: 'pem' },
      { clientId: 'client-1', format: 'pkcs12', password: 'correct horse' },
    ]);
  });
});
