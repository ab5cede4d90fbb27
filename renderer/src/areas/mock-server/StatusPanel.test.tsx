import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockServerLab, renderMockServer } from './mock-server-testing';

afterEach(() => vi.restoreAllMocks());

describe('status and URLs', () => {
  it("shows the mock's state, addresses, each region's endpoints with a copy button, and the data directory", async () => {
    await renderMockServer(mockServerLab());
    expect(screen.getByTestId('mock-state').textContent).toBe('Running, started by the Lab');
    const us = screen.getByRole('table', { name: 'US region endpoints' });
    expect(within(us).getByText('http://127.0.0.1:4781/oauth/token')).toBeTruthy();
    expect(within(us).getByText('https://127.0.0.1:4782/oauth/token')).toBeTruthy();
    expect(within(us).getByRole('button', { name: 'Copy the US token endpoint' })).toBeTruthy();
    expect(within(us).getByRole('button', { name: 'Copy the US HTTPS (mTLS) origin' })).toBeTruthy();
    expect(within(us).getAllByRole('button', { name: /^Copy the US / })).toHaveLength(9);
    const eu = screen.getByRole('table', { name: 'EU region endpoints' });
    expect(within(eu).getByText('http://127.0.0.1:4783/.well-known/oauth-authorization-server')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the data directory' })).toBeTruthy();
    expect(screen.getByText('/tmp/lab-data/mock')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the OpenAPI document' })).toBeTruthy();
  });

  it('says why the mock is not reachable, with its warnings', async () => {
    await renderMockServer(mockServerLab({ status: { state: 'stopped', message: 'the admin API at "http://127.0.0.1:4780" did not answer', warnings: ['the tenant data file was unreadable'] } }));
    expect(screen.getByTestId('mock-state').textContent).toBe('Not reachable');
    expect(screen.getByText(/the admin API at "http:\/\/127.0.0.1:4780" did not answer/)).toBeTruthy();
    expect(screen.getByText('the tenant data file was unreadable')).toBeTruthy();
  });

  it('shows every tab for a mock that reports its state only (no URLs, settings or clock)', async () => {
    await renderMockServer(mockServerLab({ status: { state: 'external', warnings: [] } }));
    expect(screen.getByTestId('mock-state').textContent).toBe('Running, external');
    for (const tab of ['Users', 'Settings', 'Clock', 'Faults', 'Request log', 'Status']) {
      fireEvent.click(screen.getByRole('tab', { name: new RegExp(`^${tab}`) }));
      expect(screen.getByRole('tabpanel')).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Reset tenant data…' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: /^Settings/ }));
    expect(screen.getByText(/This mock does not report its settings/)).toBeTruthy();
  });

  it('downloads the CA certificate as a file', async () => {
    const lab = mockServerLab();
    lab.answer('mock.caCertificate', () => ({ fileName: 'totango-lab-mock-ca.pem', mediaType: 'application/x-pem-file', encoding: 'utf8', content: '-----BEGIN CERTIFICATE-----\n' }));
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:ca');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    await renderMockServer(lab);
    fireEvent.click(screen.getByRole('button', { name: 'Download the CA certificate' }));
    await waitFor(() => expect(clicks).toEqual(['totango-lab-mock-ca.pem']));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
  });

  it('resets the tenant data after a confirmation that says what is reset and what is not', async () => {
    const lab = mockServerLab();
    lab.answer('mock.resetData', () => ({ done: true }));
    await renderMockServer(lab);
    fireEvent.click(screen.getByRole('button', { name: 'Reset tenant data…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset the tenant data?' });
    expect(within(dialog).getByRole('list', { name: 'Reset' }).textContent).toContain('accounts and their users (contacts)');
    const kept = within(dialog).getByRole('list', { name: 'Not touched' }).textContent;
    expect(kept).toContain('the OAuth applications');
    expect(kept).toContain("the mock account's Totango users");
    expect(callsTo(lab, 'mock.resetData')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset tenant data' }));
    expect(await screen.findByText('The tenant data is back to its seed.')).toBeTruthy();
    expect(callsTo(lab, 'mock.resetData')).toEqual([{}]);
  });
});
