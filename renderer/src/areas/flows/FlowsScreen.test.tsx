import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../../shared/contract/wire';
import { deferred } from '../../testing/fake-lab';
import { FlowsScreen } from './FlowsScreen';
import { labWithApps, renderWithLab, SAMPLE_TOKEN, sampleApp, sampleExchange, step } from './flows-test-kit';

const stepItem = (title: string) => within(screen.getByRole('list', { name: 'Steps of the flow' })).getAllByRole('listitem').find((item) => item.textContent?.includes(title))!;
const arrow = (id: string) => document.querySelector(`svg [data-message="${id}"]`)?.getAttribute('data-state');

let openSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  openSpy = vi.spyOn(window, 'open').mockImplementation(() => null);
});
afterEach(() => openSpy.mockRestore());

describe('the Flows screen, client credentials', () => {
  it('advances the stepper and lights the diagram as the flow’s step events arrive, then shows the token', async () => {
    const lab = labWithApps([sampleApp()]);
    const outcome = deferred<unknown>();
    lab.answer('flows.clientCredentials', () => outcome.promise);
    const { emit } = await renderWithLab(lab, <FlowsScreen />);
    expect(arrow('token-request')).toBe('pending');

    fireEvent.click(screen.getByRole('button', { name: 'Run the flow' }));
    await waitFor(() => expect(lab.calls.map((call) => call.name)).toContain('flows.clientCredentials'));
    // The app is loaded onto its target first; all of its scopes: no scope parameter.
    expect(lab.calls.find((call) => call.name === 'targets.useApplication')?.input).toEqual({ clientId: 'client-1' });
    expect(lab.calls.find((call) => call.name === 'flows.clientCredentials')?.input).toEqual({ targetKey: 'mock:us' });
    expect(stepItem('Token request built').getAttribute('data-state')).toBe('waiting');
    expect(stepItem('Token received').getAttribute('data-state')).toBe('pending');

    emit('flows.step', step('client_credentials', 'request-built'));
    expect(stepItem('Token request built').getAttribute('data-state')).toBe('done');
    expect(stepItem('Token request built').textContent).toContain('The Lab says: request-built.');
    expect(stepItem('Token received').getAttribute('data-state')).toBe('waiting');
    expect(arrow('token-request')).toBe('current');
    expect(arrow('token')).toBe('pending');

    const received = step('client_credentials', 'token-received', { exchange: sampleExchange('ex-1', 200, '{"token_type":"Bearer"}') });
    emit('flows.step', received);
    expect(stepItem('Token received').getAttribute('data-state')).toBe('done');
    expect(arrow('token-request')).toBe('done');
    expect(arrow('token')).toBe('current');

    outcome.resolve({ flowId: 'flow-1', flow: 'client_credentials', steps: [step('client_credentials', 'request-built'), received], token: SAMPLE_TOKEN });
    const token = await screen.findByRole('region', { name: 'The token' });
    const shown = within(token).getByLabelText('The access token, shortened');
    expect(shown.hasAttribute('data-secret')).toBe(true);
    expect(shown.textContent).not.toBe(SAMPLE_TOKEN.accessToken);
    expect(within(token).getByRole('link', { name: 'Decode it in Tokens' }).getAttribute('href')).toBe('#/tokens');
    expect(within(token).getByRole('link', { name: 'Run Diagnostics' }).getAttribute('href')).toBe('#/diagnostics');
  });

  it('opens a step’s HTTP exchange on demand', async () => {
    const lab = labWithApps([sampleApp()]);
    const received = step('client_credentials', 'token-received', { exchange: sampleExchange('ex-1', 200, '{"token_type":"Bearer"}') });
    lab.answer('flows.clientCredentials', () => ({ flowId: 'flow-1', flow: 'client_credentials', steps: [step('client_credentials', 'request-built'), received], token: SAMPLE_TOKEN }));
    lab.answer('recorder.curl', () => ({ command: 'curl -X POST -u "$TOTANGO_CLIENT_ID:$TOTANGO_CLIENT_SECRET" http://127.0.0.1:4781/oauth/token', variables: ['TOTANGO_CLIENT_SECRET'] }));
    await renderWithLab(lab, <FlowsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Run the flow' }));
    const toggle = await within(await waitFor(() => stepItem('Token received'))).findByRole('button', { name: 'Show the HTTP exchange: token received' });
    expect(within(stepItem('Token received')).queryByText('200 OK')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(stepItem('Token received')).getByText('200 OK')).toBeTruthy();
    expect(within(stepItem('Token received')).getByText('http://127.0.0.1:4781/oauth/token')).toBeTruthy();
    // Copy as curl: the Lab builds the command (secrets left as shell variables).
    fireEvent.click(within(stepItem('Token received')).getByRole('tab', { name: 'curl', hidden: true }));
    fireEvent.click(await within(stepItem('Token received')).findByRole('button', { name: 'Build the curl command', hidden: true }));
    expect(await within(stepItem('Token received')).findByText(/curl -X POST/)).toBeTruthy();
    expect(lab.calls.find((call) => call.name === 'recorder.curl')?.input).toEqual({ exchangeId: 'ex-1' });
  });

  it('stops at the failing step with the cause, the server’s error and the advice for invalid_scope', async () => {
    const lab = labWithApps([sampleApp({ scopes: ['account:read'] })]);
    const error = { code: 'invalid_scope' as const, message: 'the server refused the scope "user:read"', oauth: { error: 'invalid_scope', error_description: 'scope "user:read" is not granted to this application' } };
    const outcome = deferred<unknown>();
    lab.answer('flows.clientCredentials', () => outcome.promise);
    const { emit } = await renderWithLab(lab, <FlowsScreen />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Also ask for' }), { target: { value: 'user:read' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the flow' }));
    await waitFor(() => expect(lab.calls.find((call) => call.name === 'flows.clientCredentials')?.input).toEqual({ targetKey: 'mock:us', scopes: ['account:read', 'user:read'] }));
    emit('flows.step', step('client_credentials', 'request-built'));
    emit('flows.step', step('client_credentials', 'failed', { error, exchange: sampleExchange('ex-2', 400, '{"error":"invalid_scope"}') }));
    outcome.reject(new ContractError(error));

    await waitFor(() => expect(stepItem('Token received').getAttribute('data-state')).toBe('failed'));
    expect(stepItem('Token request built').getAttribute('data-state')).toBe('done');
    const alert = within(stepItem('Token received')).getByRole('alert');
    expect(alert.textContent).toContain('The flow stopped here: invalid_scope');
    expect(alert.textContent).toContain('Cause: the server refused the scope "user:read"');
    expect(alert.textContent).toContain('scope "user:read" is not granted to this application');
    expect(alert.textContent).toContain('The app does not hold that scope');
    expect(within(alert).getByRole('link', { name: 'Open Apps' }).getAttribute('href')).toBe('#/apps');
    expect(arrow('token')).toBe('failed');
    expect(screen.queryByRole('region', { name: 'The token' })).toBeNull();
  });

  it('shows a failure that came before any step, at the first step', async () => {
    const lab = labWithApps([sampleApp()]);
    lab.answer('targets.useApplication', () => {
      throw new ContractError({ code: 'credentials_unavailable', message: 'the Lab does not hold the client secret of "client-1"' });
    });
    await renderWithLab(lab, <FlowsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Run the flow' }));
    await waitFor(() => expect(stepItem('Token request built').getAttribute('data-state')).toBe('failed'));
    expect(within(stepItem('Token request built')).getByRole('alert').textContent).toContain('Register it in Apps');
    expect(lab.calls.map((call) => call.name)).not.toContain('flows.clientCredentials');
  });
});

describe('the Flows screen, authorization code', () => {
  const callback = 'http://127.0.0.1:8765/callback';
  const app = sampleApp({ name: 'Partner portal', grantType: 'authorization_code', actingUserId: null, callbackUrls: ['https://partner.example/cb', callback], scopes: ['account:read', 'user:read'] });

  it('asks for the ticked scopes on a registered callback, opens the consent page and offers its link, and cancels', async () => {
    const lab = labWithApps([app]);
    lab.answer('flows.authorizationCode', () => new Promise(() => {}));
    lab.answer('flows.cancel', () => ({ cancelled: true }));
    const { emit } = await renderWithLab(lab, <FlowsScreen />);
    expect((screen.getByRole('radio', { name: 'Client credentials' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'user:read' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run the flow' }));
    await waitFor(() => expect(lab.calls.find((call) => call.name === 'flows.authorizationCode')?.input).toEqual({ targetKey: 'mock:us', scopes: ['account:read'], redirectUri: callback }));

    const url = 'http://127.0.0.1:4781/oauth/authorize?client_id=client-1&code_challenge_method=S256';
    emit('flows.step', step('authorization_code', 'request-built', { url }));
    emit('flows.openUrl', { flowId: 'flow-1', url });
    emit('flows.step', step('authorization_code', 'browser-opened'));
    expect(openSpy).toHaveBeenCalledWith(url, '_blank', 'noopener');
    const link = within(stepItem('Consent page opened')).getByRole('link', { name: 'Open the consent page' });
    expect(link.getAttribute('href')).toBe(url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(stepItem('Callback received').getAttribute('data-state')).toBe('waiting');
    // The browser is on its way: the Lab told it where, and it asks the authorization server.
    expect([arrow('open-authorize-url'), arrow('authorize'), arrow('redirect-with-code')]).toEqual(['current', 'current', 'pending']);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(lab.calls.map((call) => call.name)).toContain('flows.cancel'));
  });

  it('lights the redirect and the callback once the browser is back, and the token request when the code is exchanged', async () => {
    const lab = labWithApps([app]);
    lab.answer('flows.authorizationCode', () => new Promise(() => {}));
    const { emit } = await renderWithLab(lab, <FlowsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Run the flow' }));
    await waitFor(() => expect(lab.calls.map((call) => call.name)).toContain('flows.authorizationCode'));
    for (const name of ['request-built', 'browser-opened', 'callback-received'] as const) emit('flows.step', step('authorization_code', name));
    expect([arrow('open-authorize-url'), arrow('authorize'), arrow('redirect-with-code'), arrow('callback'), arrow('token-request')]).toEqual(['done', 'done', 'current', 'current', 'pending']);
    emit('flows.step', step('authorization_code', 'code-exchanged'));
    expect([arrow('callback'), arrow('token-request'), arrow('token')]).toEqual(['done', 'current', 'pending']);
    expect(screen.getByRole('img', { name: /authorization code flow.*5 of 8 messages so far/ })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'The flow’s messages, in order' })).getAllByRole('listitem')[4]?.textContent).toContain('Lab → Authorization server: POST /oauth/token: code + PKCE verifier');
  });

  it('puts a refusal carried by the callback on the callback step, with the advice for access_denied', async () => {
    const lab = labWithApps([app]);
    const error = { code: 'access_denied' as const, message: 'access was denied', oauth: { error: 'access_denied', error_description: 'the user denied the request' } };
    const back = sampleExchange('callback-1', 200, '');
    const emit = (payload: unknown) => lab.emit({ name: 'flows.step', payload });
    // The steps come while the call is under way, the failed one carrying the callback's own exchange.
    lab.answer('flows.authorizationCode', () => {
      for (const name of ['request-built', 'browser-opened'] as const) emit(step('authorization_code', name));
      emit(step('authorization_code', 'callback-received', { exchange: back }));
      emit(step('authorization_code', 'failed', { error, exchange: back }));
      throw new ContractError(error);
    });
    await renderWithLab(lab, <FlowsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Run the flow' }));
    await waitFor(() => expect(stepItem('Callback received').getAttribute('data-state')).toBe('failed'));
    expect(stepItem('Code exchanged').getAttribute('data-state')).toBe('skipped');
    expect(within(stepItem('Callback received')).getByRole('alert').textContent).toContain('The person declined consent');
    expect([arrow('redirect-with-code'), arrow('callback'), arrow('token-request')]).toEqual(['failed', 'failed', 'pending']);
  });

  it('says when the app has no callback URL the Lab can receive, and points to Apps', async () => {
    await renderWithLab(labWithApps([{ ...app, callbackUrls: ['https://partner.example/cb'] }]), <FlowsScreen />);
    expect(screen.getByText('No callback URL the Lab can receive')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Run the flow' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the Flows screen with credentials loaded for Totango US', () => {
  it('lets the person choose the grant, runs on the port from Settings without loading a mock app, and sends credential errors to Settings', async () => {
    const lab = labWithApps([]);
    const credentials = { clientId: 'real-1', authMethod: 'client_secret_basic', hasClientSecret: true, certificate: null, hasCustomCa: false, persisted: true };
    lab.answer('targets.list', () => ({ targets: [{ key: 'totango:us', kind: 'totango', region: 'us', label: 'Totango US', baseUrl: 'https://api.totango.com', credentials }], selected: 'totango:us' }));
    lab.answer('lab.preferences', () => ({ callbackPort: 8765, theme: 'light', selectedTarget: 'totango:us' }));
    lab.answer('flows.authorizationCode', () => {
      throw new ContractError({ code: 'invalid_client', message: 'client authentication failed' });
    });
    await renderWithLab(lab, <FlowsScreen />);
    expect((screen.getByRole('combobox', { name: 'Application' }) as HTMLInputElement).value).toBe('Loaded credentials · real-1');
    fireEvent.click(screen.getByRole('radio', { name: 'Authorization code' }));
    expect((screen.getByRole('radio', { name: 'The port from Settings: http://127.0.0.1:8765/callback' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Scopes to ask for' }), { target: { value: 'account:read, user:read' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the flow' }));
    await waitFor(() => expect(lab.calls.find((call) => call.name === 'flows.authorizationCode')?.input).toEqual({ targetKey: 'totango:us', scopes: ['account:read', 'user:read'], callbackPort: 8765 }));
    expect(lab.calls.map((call) => call.name)).not.toContain('targets.useApplication');
    await waitFor(() => expect(stepItem('Authorization request built').getAttribute('data-state')).toBe('failed'));
    expect(within(stepItem('Authorization request built')).getByRole('link', { name: 'Open Settings' }).getAttribute('href')).toBe('#/settings');
  });
});

describe('the Flows screen with nothing to run', () => {
  it('says why and where to go when the Lab holds no app’s secret', async () => {
    await renderWithLab(labWithApps([sampleApp({ secretInLab: false })]), <FlowsScreen />);
    expect(screen.getByText('No application to run a flow with')).toBeTruthy();
    expect(screen.getByText(/the Lab does not know its client secret/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Register an app' }).getAttribute('href')).toBe('#/apps');
    expect(screen.getByRole('link', { name: 'Load credentials' }).getAttribute('href')).toBe('#/settings');
  });
});
