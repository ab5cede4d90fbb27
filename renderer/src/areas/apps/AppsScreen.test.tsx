/**
 * The apps screen over a fake Lab: the list with the limit, the empty and stopped states,
 * and an application's details (expiration, callback URLs, certificate, deletion).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { MOCK_TARGET } from '../../testing/fake-lab';
import { application, appsLab, certificate, renderApps } from './apps-testing';

beforeEach(() => window.localStorage.clear());

const portal = application({
  clientId: 'c-portal',
  name: 'Customer portal',
  grantType: 'authorization_code',
  callbackUrls: ['http://127.0.0.1:8765/callback'],
  actingUserId: null,
  scopes: ['account:read', 'user:read', 'event:read'],
  accessTokenTtlSeconds: 3_600,
  mutualTls: true,
  certificate: certificate(),
  secretInLab: false,
});
const sync = application({ clientId: 'c-sync', name: 'Renewals sync' });

async function openDetails(lab: ReturnType<typeof appsLab>, name: string) {
  await renderApps(lab);
  fireEvent.click(screen.getByRole('button', { name: `Details of ${name}` }));
  return within(await screen.findByRole('dialog', { name }));
}

describe('the list', () => {
  it("shows each application's settings, and the count against the limit", async () => {
    await renderApps(appsLab([portal]));
    expect(screen.getByTestId('application-count').textContent).toBe('1 of 2 applications');
    const row = within(screen.getByTestId('application-row'));
    expect(row.getByRole('button', { name: 'Details of Customer portal' }).textContent).toBe('Customer portal');
    expect(row.getByText('c-portal')).toBeTruthy();
    expect(row.getByRole('button', { name: 'Copy the client ID of Customer portal' })).toBeTruthy();
    expect(row.getByText('Authorization Code')).toBeTruthy();
    expect(row.getByText('US')).toBeTruthy();
    expect(row.getByLabelText('3 scopes: account:read, user:read, event:read')).toBeTruthy();
    expect(row.getByText('1 h')).toBeTruthy();
    expect(row.getByText('On')).toBeTruthy();
    expect(row.getByText('Not held')).toBeTruthy();
  });

  it('names the acting user of a client-credentials app', async () => {
    await renderApps(appsLab([sync]));
    expect(within(screen.getByTestId('application-row')).getByText('acts as Integration Bot')).toBeTruthy();
  });

  it('says the account is at its limit and where to raise it', async () => {
    await renderApps(appsLab([portal, sync]));
    expect(screen.getByTestId('application-count').textContent).toBe('2 of 2 applications');
    expect(screen.getByText(/The account is at its limit/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Mock server screen' }).getAttribute('href')).toBe('#/mock-server');
  });

  it('says "No applications yet" with the Register button when there are none', async () => {
    await renderApps(appsLab());
    const empty = within(screen.getByTestId('apps-empty'));
    expect(empty.getByText('No applications yet')).toBeTruthy();
    fireEvent.click(empty.getByRole('button', { name: 'Register an application' }));
    expect(await screen.findByRole('form', { name: 'Register New OAuth Application' })).toBeTruthy();
  });

  it('says so when the mock is not running, and offers the Mock server screen', async () => {
    const lab = appsLab();
    lab.answer('mock.status', () => ({ state: 'stopped', message: 'the admin API at "http://127.0.0.1:1" did not answer', warnings: [] }));
    await renderApps(lab);
    const stopped = within(screen.getByTestId('mock-stopped'));
    expect(stopped.getByText('The mock Totango is not running')).toBeTruthy();
    expect(stopped.getByText(/did not answer/)).toBeTruthy();
    expect(screen.queryByTestId('apps-empty')).toBeNull();
    fireEvent.click(stopped.getByRole('button', { name: 'Open the Mock server screen' }));
    expect(window.location.hash).toBe('#/mock-server');
  });
});

describe("an application's details", () => {
  it('updates the access token expiration', async () => {
    const lab = appsLab([portal]);
    const drawer = await openDetails(lab, 'Customer portal');
    const save = drawer.getByRole('button', { name: 'Save the expiration' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(drawer.getByLabelText('Hours'), { target: { value: '0' } });
    fireEvent.change(drawer.getByLabelText('Minutes'), { target: { value: '30' } });
    fireEvent.click(save);
    expect(await drawer.findByText('Saved.')).toBeTruthy();
    expect(lab.calls.find((c) => c.name === 'applications.update')?.input).toEqual({ clientId: 'c-portal', accessTokenTtlSeconds: 1_800 });
  });

  it('edits the callback URLs of an authorization-code app, checked as typed', async () => {
    const lab = appsLab([portal]);
    const drawer = await openDetails(lab, 'Customer portal');
    fireEvent.click(drawer.getByRole('button', { name: 'Add a callback URL' }));
    fireEvent.change(drawer.getByLabelText('Callback URL 2'), { target: { value: 'http://portal.example.com/cb' } });
    expect(drawer.getByText(/Plain http is allowed only on a loopback host/)).toBeTruthy();
    expect((drawer.getByRole('button', { name: 'Save the callback URLs' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(drawer.getByLabelText('Callback URL 2'), { target: { value: 'https://portal.example.com/cb' } });
    fireEvent.click(drawer.getByRole('button', { name: 'Save the callback URLs' }));
    await drawer.findByText('Saved. The mock now redirects only to these URLs.');
    expect(lab.calls.find((c) => c.name === 'applications.update')?.input).toEqual({ clientId: 'c-portal', callbackUrls: ['http://127.0.0.1:8765/callback', 'https://portal.example.com/cb'] });
  });

  it('shows the certificate, and renews it after a confirmation that says what stops working', async () => {
    const lab = appsLab([portal]);
    const drawer = await openDetails(lab, 'Customer portal');
    expect(drawer.getByTestId('certificate-thumbprint').textContent).toBe(certificate().thumbprint);
    fireEvent.click(drawer.getByRole('button', { name: 'Renew the certificate' }));
    const confirm = within(await screen.findByRole('dialog', { name: 'Renew the certificate of Customer portal?' }));
    expect(confirm.getByText(/the old certificate \(thumbprint kV7xq0ZlP3y1…\) stops working/)).toBeTruthy();
    expect(confirm.getByText('every access token bound to it is refused by the APIs;')).toBeTruthy();
    expect(lab.calls.some((c) => c.name === 'applications.renewCertificate')).toBe(false);
    fireEvent.click(confirm.getByRole('button', { name: 'Renew the certificate' }));
    await waitFor(() => expect(drawer.getByTestId('certificate-thumbprint').textContent).toBe('NEWthumbprintZZZZ0000000000000000000000000'));
    expect(lab.calls.find((c) => c.name === 'applications.renewCertificate')?.input).toEqual({ clientId: 'c-portal' });
  });

  it('deletes after a confirmation that lists what deletion revokes', async () => {
    const lab = appsLab([{ ...portal, secretInLab: true }, sync]);
    lab.answer('targets.list', () => ({ targets: [{ ...MOCK_TARGET, credentials: { clientId: 'c-portal', authMethod: 'client_secret_basic', hasClientSecret: true, certificate: null, hasCustomCa: false, persisted: false } }], selected: 'mock:us' }));
    const drawer = await openDetails(lab, 'Customer portal');
    fireEvent.click(drawer.getByRole('button', { name: 'Delete the application' }));
    const confirm = within(await screen.findByRole('dialog', { name: 'Delete Customer portal?' }));
    const lines = confirm.getAllByRole('listitem').map((item) => item.textContent);
    expect(lines).toEqual([
      'Every access token issued to it is revoked: the APIs refuse them from now on.',
      'Its client certificate (thumbprint kV7xq0ZlP3y1…) is revoked.',
      'The client secret the Lab holds for this session is forgotten.',
      'The credentials loaded from it for Local mock (US) stop working.',
      'It cannot be undone: registering again gives a new client ID and secret.',
    ]);
    fireEvent.click(confirm.getByRole('button', { name: 'Cancel' }));
    expect(lab.calls.some((c) => c.name === 'applications.remove')).toBe(false);

    fireEvent.click(drawer.getByRole('button', { name: 'Delete the application' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Delete Customer portal?' })).getByRole('button', { name: 'Delete Customer portal' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Customer portal' })).toBeNull());
    expect(lab.calls.find((c) => c.name === 'applications.remove')?.input).toEqual({ clientId: 'c-portal' });
    expect(screen.getAllByTestId('application-row').map((row) => row.getAttribute('data-client-id'))).toEqual(['c-sync']);
    expect(screen.getByTestId('application-count').textContent).toBe('1 of 2 applications');
  });

  it('lists only the tokens for an app with no certificate and no held secret', async () => {
    const drawer = await openDetails(appsLab([{ ...sync, secretInLab: false }]), 'Renewals sync');
    fireEvent.click(drawer.getByRole('button', { name: 'Delete the application' }));
    const confirm = within(await screen.findByRole('dialog', { name: 'Delete Renewals sync?' }));
    expect(confirm.getAllByRole('listitem')).toHaveLength(2);
  });
});
