import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../../../shared/contract/wire';
import { deferred } from '../../../testing/fake-lab';
import { accountLab, application, renderSupport, type FakeAccount } from '../support-testing';

beforeEach(() => {
  window.location.hash = '';
});

afterEach(() => {
  vi.restoreAllMocks();
});

const card = (id: string) => document.querySelector<HTMLElement>(`[data-scenario="${id}"]`)!;

/** Clicks a scenario's button and returns the contract calls it made, in order, once it is done. */
async function runScenario(account: FakeAccount, id: string, title: string) {
  const before = account.lab.calls.length;
  fireEvent.click(within(card(id)).getByRole('button', { name: `Set up: ${title}` }));
  await waitFor(() => expect(card(id).getAttribute('data-status')).toMatch(/done|failed/));
  return account.lab.calls.slice(before);
}

const names = (calls: readonly { name: string }[]) => calls.map((call) => call.name);
const inputOf = (calls: readonly { name: string; input: unknown }[], name: string) => calls.find((call) => call.name === name)?.input;

describe('each scenario on a fresh mock calls the contract in order', () => {
  it('disabled acting user: its own user, an app acting as it, loaded, a token, then the user disabled', async () => {
    const account = accountLab();
    await renderSupport(account.lab);
    const calls = await runScenario(account, 'disabled-user', 'Disabled acting user');
    expect(names(calls)).toEqual(['users.list', 'users.create', 'applications.list', 'applications.create', 'targets.useApplication', 'flows.clientCredentials', 'users.setStatus']);
    const user = account.users().find((candidate) => candidate.email === 'support.acting-user@acme-demo.example')!;
    expect(inputOf(calls, 'applications.create')).toMatchObject({ grantType: 'client_credentials', actingUserId: user.id, region: 'us' });
    expect(inputOf(calls, 'users.setStatus')).toEqual({ userId: user.id, status: 'disabled' });
    expect(user.status).toBe('disabled');
    expect(screen.getByTestId('scenario-result-disabled-user').textContent).toContain('now disabled');
    const next = screen.getByTestId('scenario-next-disabled-user');
    expect(next.textContent).toContain('Open Flows');
    fireEvent.click(within(next).getByRole('button', { name: 'Open Flows' }));
    expect(window.location.hash).toBe('#/flows');
  });

  it('expired certificate: a mutual-TLS app, loaded with its certificate, then the certificate expired', async () => {
    const account = accountLab();
    await renderSupport(account.lab);
    const calls = await runScenario(account, 'expired-certificate', 'Expired certificate');
    expect(names(calls)).toEqual(['users.list', 'applications.list', 'applications.create', 'targets.useApplication', 'applications.expireCertificate']);
    expect(inputOf(calls, 'applications.create')).toMatchObject({ mutualTls: true, grantType: 'client_credentials' });
    expect(inputOf(calls, 'applications.expireCertificate')).toEqual({ clientId: 'client-1' });
  });

  it('missing scope: an app holding account:read only, loaded, and its token; next is Diagnostics', async () => {
    const account = accountLab();
    await renderSupport(account.lab);
    const calls = await runScenario(account, 'missing-scope', 'Missing scope');
    expect(names(calls)).toEqual(['users.list', 'applications.list', 'applications.create', 'targets.useApplication', 'flows.clientCredentials']);
    expect(inputOf(calls, 'applications.create')).toMatchObject({ scopes: ['account:read'] });
    fireEvent.click(within(screen.getByTestId('scenario-next-missing-scope')).getByRole('button', { name: 'Open Diagnostics' }));
    expect(window.location.hash).toBe('#/diagnostics');
  });

  it('wrong region: an EU app’s token, then the US mock selected', async () => {
    const account = accountLab();
    await renderSupport(account.lab);
    const calls = await runScenario(account, 'wrong-region', 'Wrong region');
    expect(names(calls)).toEqual(['users.list', 'applications.list', 'applications.create', 'targets.useApplication', 'flows.clientCredentials', 'targets.select']);
    expect(inputOf(calls, 'applications.create')).toMatchObject({ region: 'eu' });
    expect(inputOf(calls, 'targets.select')).toEqual({ targetKey: 'mock:us' });
  });

  it('redirect URI mismatch: an authorization-code app registering another callback than the Lab’s port', async () => {
    const account = accountLab();
    account.lab.answer('lab.preferences', () => ({ callbackPort: 9000, theme: 'light', selectedTarget: 'mock:us' }));
    await renderSupport(account.lab);
    await waitFor(() => expect(names(account.lab.calls)).toContain('lab.preferences'));
    const calls = await runScenario(account, 'redirect-mismatch', 'Redirect URI mismatch');
    expect(names(calls)).toEqual(['applications.list', 'applications.create', 'targets.useApplication']);
    expect(inputOf(calls, 'applications.create')).toMatchObject({ grantType: 'authorization_code', callbackUrls: ['http://localhost:9000/callback'] });
    expect(screen.getByTestId('scenario-result-redirect-mismatch').textContent).toContain('http://127.0.0.1:9000/callback');
  });

  it('deleted app: a new app, loaded, a token, then the app deleted', async () => {
    const account = accountLab();
    await renderSupport(account.lab);
    const calls = await runScenario(account, 'deleted-app', 'Deleted app');
    expect(names(calls)).toEqual(['users.list', 'applications.list', 'applications.create', 'targets.useApplication', 'flows.clientCredentials', 'applications.remove']);
    expect(inputOf(calls, 'applications.remove')).toEqual({ clientId: 'client-1' });
    expect(account.applications()).toEqual([]);
  });
});

describe('the mock account', () => {
  it('when full, raises the limit by one before creating, and says so', async () => {
    const account = accountLab({ applications: [application({ clientId: 'a', name: 'Customer A' }), application({ clientId: 'b', name: 'Customer B' })] });
    await renderSupport(account.lab);
    const calls = await runScenario(account, 'missing-scope', 'Missing scope');
    expect(names(calls).slice(0, 4)).toEqual(['users.list', 'applications.list', 'mock.updateSettings', 'applications.create']);
    expect(inputOf(calls, 'mock.updateSettings')).toEqual({ applicationLimit: 3 });
    expect(card('missing-scope').textContent).toContain('The application limit was raised to 3');
  });

  it('reuses the scenario’s app this session registered, and replaces one whose secret the Lab lost', async () => {
    const account = accountLab({ applications: [application({ clientId: 'old', name: 'Support · expired certificate', secretInLab: false, mutualTls: true })] });
    await renderSupport(account.lab);
    const first = await runScenario(account, 'expired-certificate', 'Expired certificate');
    expect(names(first)).toEqual(['users.list', 'applications.list', 'applications.remove', 'applications.create', 'targets.useApplication', 'applications.expireCertificate']);
    expect(inputOf(first, 'applications.remove')).toEqual({ clientId: 'old' });
    const again = await runScenario(account, 'expired-certificate', 'Expired certificate');
    expect(names(again)).toEqual(['users.list', 'applications.list', 'targets.useApplication', 'applications.expireCertificate']);
    expect(card('expired-certificate').textContent).toContain('Reused the app “Support · expired certificate” (client-1)');
  });
});

describe('progress and failure', () => {
  it('shows the steps as they are done, the button loading, and stops with the cause when a call fails', async () => {
    const account = accountLab();
    const token = deferred<unknown>();
    account.lab.answer('flows.clientCredentials', () => token.promise);
    await renderSupport(account.lab);
    fireEvent.click(within(card('missing-scope')).getByRole('button', { name: 'Set up: Missing scope' }));
    await waitFor(() => expect(card('missing-scope').textContent).toContain('Loaded its credentials in the Lab'));
    expect(card('missing-scope').getAttribute('data-status')).toBe('running');
    expect(within(card('missing-scope')).getByRole('button', { name: 'Set up: Missing scope' }).getAttribute('data-loading')).toBe('true');
    await act(async () => token.reject(new ContractError({ code: 'invalid_client', message: 'client authentication failed' })));
    await waitFor(() => expect(card('missing-scope').getAttribute('data-status')).toBe('failed'));
    expect(card('missing-scope').textContent).toContain('invalid_client: client authentication failed');
    expect(screen.queryByTestId('scenario-next-missing-scope')).toBeNull();
  });
});

describe('the redirect URI probe', () => {
  it('sends the authorization request with the Lab’s callback, opens the sign-in page, and stops waiting on request', async () => {
    const account = accountLab();
    const flow = deferred<unknown>();
    account.lab.answer('flows.authorizationCode', () => flow.promise);
    account.lab.answer('flows.cancel', () => {
      flow.reject(new ContractError({ code: 'cancelled', message: 'the authorization-code flow was cancelled' }));
      return { cancelled: true };
    });
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    await renderSupport(account.lab);
    await runScenario(account, 'redirect-mismatch', 'Redirect URI mismatch');
    fireEvent.click(within(screen.getByTestId('scenario-next-redirect-mismatch')).getByRole('button', { name: 'Send the authorization request' }));
    await waitFor(() => expect(inputOf(account.lab.calls, 'flows.authorizationCode')).toEqual({ targetKey: 'mock:us', redirectUri: 'http://127.0.0.1:8765/callback', timeoutSeconds: 300 }));
    act(() => account.lab.emit({ name: 'flows.openUrl', payload: { flowId: 'f-1', url: 'http://127.0.0.1:4781/oauth/authorize?client_id=client-1' } }));
    expect(opened).toHaveBeenCalledWith('http://127.0.0.1:4781/oauth/authorize?client_id=client-1', '_blank', 'noopener');
    fireEvent.click(await screen.findByRole('button', { name: 'Stop waiting' }));
    expect(await screen.findByText(/the mock refused to redirect to an unregistered URI/)).toBeTruthy();
  });
});
