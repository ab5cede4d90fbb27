import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../../shared/contract/wire';
import type { TargetView } from '../../contract/lab-client';
import { SAMPLE_INFO } from '../../testing/fake-lab';
import { readFileBase64 } from './read-file';
import { renderSettings, targetsLab } from './settings-testing';

beforeEach(() => {
  window.location.hash = '';
});

const SECRET = 'a-client-secret-nobody-may-see';
const panel = () => screen.getByRole('region', { name: 'Stored credentials' });
const form = () => within(panel()).getByRole('form', { name: 'Credentials for Local mock (US)' });
const field = (label: string) => within(form()).getByLabelText(label, { exact: false, selector: 'input, textarea' }) as HTMLInputElement;

/** A Lab whose setCredentials answers as the service does, and whose targets then list the summary. */
function credentialsLab(secureStorage = SAMPLE_INFO.secureStorage) {
  const { lab, targets, selected } = targetsLab();
  lab.answer('lab.info', () => ({ ...SAMPLE_INFO, secureStorage }));
  let summary: TargetView['credentials'] = null;
  lab.answer('targets.setCredentials', (input) => {
    const { clientId, authMethod, clientSecret, certificate, caPem, remember } = input as { clientId: string; authMethod: 'client_secret_basic' | 'client_secret_post'; clientSecret?: string; certificate?: unknown; caPem?: string; remember: boolean };
    summary = {
      clientId,
      authMethod,
      hasClientSecret: clientSecret !== undefined,
      certificate: certificate === undefined ? null : { subject: 'CN=partner', thumbprint: 'thumb', notAfter: '2027-11-29T00:00:00Z' },
      hasCustomCa: caPem !== undefined,
      persisted: remember,
    };
    return summary;
  });
  lab.answer('targets.list', () => ({ selected: selected(), targets: targets().map((target) => (target.key === 'mock:us' ? { ...target, credentials: summary } : target)) }));
  return lab;
}

describe('the credentials form', () => {
  it('sends a PKCS#12 file as base64 with its password, hides the secret, and shows what is loaded without it', async () => {
    const lab = credentialsLab();
    const { stores } = await renderSettings(lab);
    await within(panel()).findByRole('form', { name: 'Credentials for Local mock (US)' });
    expect(field('Client secret').type).toBe('password');
    expect(field('Client secret').closest('[data-secret]')).not.toBeNull();

    fireEvent.change(field('Client ID'), { target: { value: 'partner-client' } });
    fireEvent.change(field('Client secret'), { target: { value: SECRET } });
    fireEvent.click(within(form()).getByRole('radio', { name: 'Form body (client_secret_post)' }));
    fireEvent.click(within(form()).getByRole('radio', { name: 'PKCS#12 file' }));
    const bytes = new Uint8Array([0x30, 0x82, 0xff, 0x00, 0x01]);
    fireEvent.change(within(form()).getByLabelText('PKCS#12 file to load'), { target: { files: [new File([bytes], 'partner.p12', { type: 'application/x-pkcs12' })] } });
    fireEvent.change(field('PKCS#12 password'), { target: { value: 'p12-pass' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Load credentials' }));

    await waitFor(() => expect(lab.calls.some((call) => call.name === 'targets.setCredentials')).toBe(true));
    expect(lab.calls.find((call) => call.name === 'targets.setCredentials')?.input).toEqual({
      targetKey: 'mock:us',
      clientId: 'partner-client',
      authMethod: 'client_secret_post',
      clientSecret: SECRET,
      certificate: { kind: 'pkcs12', pkcs12Base64: 'MIL/AAE=', password: 'p12-pass' },
      remember: false,
    });
    await waitFor(() => expect(field('Client secret').value).toBe(''));
    expect(field('PKCS#12 password').value).toBe('');

    await stores.workbench.getState().refreshTargets();
    const summary = await within(panel()).findByRole('table', { name: 'Credentials loaded for Local mock (US)' });
    expect(summary.textContent).toContain('partner-client');
    expect(summary.textContent).toContain('loaded (never shown)');
    expect(summary.textContent).toContain('CN=partner');
    expect(document.body.textContent).not.toContain(SECRET);
    expect(within(panel()).getByText('for this session only')).toBeTruthy();
  });

  it('says what is missing before sending anything', async () => {
    const lab = credentialsLab();
    await renderSettings(lab);
    await within(panel()).findByRole('form', { name: 'Credentials for Local mock (US)' });
    fireEvent.click(within(form()).getByRole('radio', { name: 'PEM' }));
    fireEvent.click(within(form()).getByRole('button', { name: 'Load credentials' }));
    expect(await within(form()).findByText('Give the client ID Totango showed when the app was registered.')).toBeTruthy();
    expect(within(form()).getByText('Paste the certificate, from -----BEGIN CERTIFICATE----- on.')).toBeTruthy();
    expect(lab.calls.some((call) => call.name === 'targets.setCredentials')).toBe(false);
  });

  it('shows a wrong PKCS#12 password next to the password field', async () => {
    const lab = credentialsLab();
    lab.answer('targets.setCredentials', () => {
      throw new ContractError({ code: 'certificate', message: 'wrong "password" for the PKCS#12 file' });
    });
    await renderSettings(lab);
    await within(panel()).findByRole('form', { name: 'Credentials for Local mock (US)' });
    fireEvent.change(field('Client ID'), { target: { value: 'partner-client' } });
    fireEvent.click(within(form()).getByRole('radio', { name: 'PKCS#12 file' }));
    fireEvent.change(within(form()).getByLabelText('PKCS#12 file to load'), { target: { files: [new File([new Uint8Array([1])], 'p.p12')] } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Load credentials' }));
    const message = await within(form()).findByText('wrong "password" for the PKCS#12 file');
    expect(field('PKCS#12 password').closest('.mantine-PasswordInput-root')?.contains(message)).toBe(true);
  });

  it('keeps "remember" off and says why when secure storage is unavailable', async () => {
    await renderSettings(credentialsLab());
    await within(panel()).findByRole('form', { name: 'Credentials for Local mock (US)' });
    const remember = within(form()).getByRole('checkbox', { name: 'Remember on this computer (encrypted)' }) as HTMLInputElement;
    expect(remember.disabled).toBe(true);
    expect(form().textContent).toContain(`Not available: ${SAMPLE_INFO.secureStorage.description}.`);
  });

  it('sends "remember" when secure storage is available and the person asks for it', async () => {
    const lab = credentialsLab({ available: true, description: "encrypted with the system's key store" });
    await renderSettings(lab);
    await within(panel()).findByRole('form', { name: 'Credentials for Local mock (US)' });
    const remember = within(form()).getByRole('checkbox', { name: 'Remember on this computer (encrypted)' }) as HTMLInputElement;
    await waitFor(() => expect(remember.disabled).toBe(false));
    fireEvent.click(remember);
    fireEvent.change(field('Client ID'), { target: { value: 'partner-client' } });
    fireEvent.change(field('Client secret'), { target: { value: SECRET } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Load credentials' }));
    await waitFor(() => expect(lab.calls.find((call) => call.name === 'targets.setCredentials')?.input).toMatchObject({ remember: true }));
  });
});

describe('readFileBase64', () => {
  it('encodes every byte, beyond one slice too', async () => {
    const bytes = new Uint8Array(0x8000 * 2 + 3).map((_, i) => i % 256);
    const expected = btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
    expect(await readFileBase64(new Blob([bytes]))).toBe(expected);
  });
});
