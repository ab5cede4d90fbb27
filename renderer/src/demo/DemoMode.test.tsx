import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { labWithApps, renderWithLab, SAMPLE_TOKEN, sampleApp, step } from '../areas/flows/flows-test-kit';
import { deferred, type FakeLab } from '../testing/fake-lab';
import { DemoMode } from './DemoMode';

const arrow = (id: string) => document.querySelector(`svg [data-message="${id}"]`)?.getAttribute('data-state');
const heading = (name: string) => screen.findByRole('heading', { level: 2, name });
const nextButton = () => screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
const callsNamed = (lab: FakeLab, name: string) => lab.calls.filter((call) => call.name === name).map((call) => call.input);

const INSPECTION = {
  decoded: {
    kind: 'jwt',
    header: { alg: 'ES256' },
    claims: { scope: 'account:read touchpoint:all' },
    headerExplanations: [],
    claimExplanations: [
      { name: 'scope', value: 'account:read touchpoint:all', known: true, explanation: 'Scopes: what the token allows, 2 in all (each below).', details: ['account:read: Read accounts'] },
      { name: 'jti', value: 'j-1', known: true, explanation: 'Token ID.' },
    ],
    times: {},
    summary: 'a JWT access token',
  },
  verification: { valid: true, checks: [] },
};

let openSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  openSpy = vi.spyOn(window, 'open').mockImplementation(() => null);
});
afterEach(() => openSpy.mockRestore());

describe('demo mode, client credentials', () => {
  it('registers its app, then reveals one step per click (Next or the right arrow), reads the token, calls the API, and resets', async () => {
    const lab = labWithApps([]);
    const demoApp = sampleApp({ clientId: 'demo-1', name: 'Demo · client credentials' });
    lab.answer('applications.create', () => ({ application: demoApp, clientSecret: 'secret' }));
    const outcome = deferred<unknown>();
    lab.answer('flows.clientCredentials', () => outcome.promise);
    lab.answer('tokens.inspect', () => INSPECTION);
    lab.answer('calls.example', () => ({ endpointId: 'search-accounts', pathParams: {}, query: {}, body: { kind: 'json', json: {} } }));
    lab.answer('calls.send', () => ({ method: 'POST', url: 'http://127.0.0.1:4781/api/v1/search/accounts', startedAt: SAMPLE_TOKEN.receivedAt, durationMs: 12, response: { status: 200, statusText: 'OK', headers: {}, body: {}, bodyText: '{}' } }));
    const onClose = vi.fn();
    const { emit } = await renderWithLab(lab, <DemoMode onClose={onClose} />);
    expect(await heading('Client credentials: machine to machine')).toBeTruthy();

    fireEvent.click(nextButton());
    expect(await heading('The demo app is registered')).toBeTruthy();
    expect(callsNamed(lab, 'applications.create')).toEqual([
      { name: 'Demo · client credentials', region: 'us', grantType: 'client_credentials', scopes: ['account:read', 'touchpoint:all'], accessTokenTtlSeconds: 86400, mutualTls: false, actingUserId: 'u-1003' },
    ]);
    expect(callsNamed(lab, 'targets.useApplication')).toEqual([{ clientId: 'demo-1' }]);
    expect(screen.getByTestId('demo-narration').textContent).toContain('acting as Integration Bot (integration.bot@acme-demo.example)');

    fireEvent.click(nextButton());
    await waitFor(() => expect(callsNamed(lab, 'flows.clientCredentials')).toEqual([{ targetKey: 'mock:us' }]));
    // The step has not come yet: Next waits for it.
    expect(nextButton().disabled).toBe(true);
    emit('flows.step', step('client_credentials', 'request-built'));
    emit('flows.step', step('client_credentials', 'token-received'));
    expect(await heading('The client builds its token request')).toBeTruthy();
    // Both steps are in, but the diagram shows the first only: one click, one step.
    expect([arrow('token-request'), arrow('token')]).toEqual(['current', 'pending']);
    expect(nextButton().disabled).toBe(false);

    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight' }));
    expect(await heading('The server checks, then answers with a token')).toBeTruthy();
    expect([arrow('token-request'), arrow('token')]).toEqual(['done', 'current']);

    outcome.resolve({ flowId: 'flow-1', flow: 'client_credentials', steps: [step('client_credentials', 'request-built'), step('client_credentials', 'token-received')], token: SAMPLE_TOKEN });
    await waitFor(() => expect(nextButton().disabled).toBe(false));
    fireEvent.click(nextButton());
    expect(await heading('What the token holds')).toBeTruthy();
    expect(callsNamed(lab, 'tokens.inspect')).toEqual([{ token: SAMPLE_TOKEN.accessToken }]);
    const claims = screen.getByRole('list', { name: 'What the token holds' });
    expect(claims.textContent).toContain('scope: Scopes: what the token allows, 2 in all');
    expect(claims.textContent).not.toContain('jti');
    expect(screen.getByLabelText('The access token, shortened').hasAttribute('data-secret')).toBe(true);

    fireEvent.keyDown(window, { key: ' ' });
    expect(await heading('The token at work')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('demo-narration').textContent).toContain('HTTP 200'));
    expect(callsNamed(lab, 'calls.example')).toEqual([{ endpointId: 'search-accounts' }]);
    expect([arrow('api-request'), arrow('api-response')]).toEqual(['done', 'current']);

    fireEvent.click(nextButton());
    expect(await heading('That is the client-credentials grant')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(await heading('Client credentials: machine to machine')).toBeTruthy();
    expect(arrow('token-request')).toBe('pending');

    fireEvent.click(screen.getByRole('button', { name: 'Leave demo mode' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('reuses the demo app the Lab holds the secret of', async () => {
    const lab = labWithApps([sampleApp({ clientId: 'demo-1', name: 'Demo · client credentials' })]);
    await renderWithLab(lab, <DemoMode onClose={() => {}} />);
    fireEvent.click(nextButton());
    expect(await heading('The demo app is registered')).toBeTruthy();
    expect(screen.getByTestId('demo-narration').textContent).toContain('the demo reuses it');
    expect(callsNamed(lab, 'applications.create')).toEqual([]);
    expect(callsNamed(lab, 'targets.useApplication')).toEqual([{ clientId: 'demo-1' }]);
  });

  it('says when the account is full, and raises the limit only when asked', async () => {
    let limit = 2;
    const others = [sampleApp({ clientId: 'a' }), sampleApp({ clientId: 'b', name: 'Partner portal' })];
    const lab = labWithApps(others);
    lab.answer('applications.list', () => ({ applications: others, limit }));
    lab.answer('mock.updateSettings', (input) => {
      limit = (input as { applicationLimit: number }).applicationLimit;
      return { applicationLimit: limit, pkceRequired: false, signingAlgorithm: 'ES256', authorizationCodeTtlSeconds: 60 };
    });
    lab.answer('applications.create', () => ({ application: sampleApp({ clientId: 'demo-1', name: 'Demo · client credentials' }), clientSecret: 's' }));
    await renderWithLab(lab, <DemoMode onClose={() => {}} />);
    fireEvent.click(nextButton());
    const full = await screen.findByTestId('demo-limit');
    expect(full.textContent).toContain('It holds 2 of 2 applications');
    expect(callsNamed(lab, 'applications.create')).toEqual([]);
    expect(nextButton().disabled).toBe(true);

    fireEvent.click(within(full).getByRole('button', { name: 'Raise the limit to 3' }));
    expect(await heading('The demo app is registered')).toBeTruthy();
    expect(callsNamed(lab, 'mock.updateSettings')).toEqual([{ applicationLimit: 3 }]);
    expect(callsNamed(lab, 'applications.create')).toHaveLength(1);
  });
});

describe('demo mode, authorization code', () => {
  it('opens the consent page, tells the presenter to approve it, and waits for the callback', async () => {
    const callback = 'http://127.0.0.1:41234/callback';
    const lab = labWithApps([sampleApp({ clientId: 'demo-2', name: 'Demo · authorization code', grantType: 'authorization_code', actingUserId: null, callbackUrls: [callback], scopes: ['account:read', 'user:read'] })]);
    lab.answer('flows.authorizationCode', () => new Promise(() => {}));
    const { emit } = await renderWithLab(lab, <DemoMode onClose={() => {}} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Authorization code' }));
    expect(await heading('Authorization code: on behalf of a person')).toBeTruthy();
    fireEvent.click(nextButton());
    expect(await heading('The demo app is registered')).toBeTruthy();
    expect(screen.getByTestId('demo-narration').textContent).toContain(`with the callback URL ${callback}`);
    // The grant is chosen for this walkthrough: reset to change it.
    expect((screen.getByRole('radio', { name: 'Client credentials' }) as HTMLInputElement).disabled).toBe(true);

    fireEvent.click(nextButton());
    await waitFor(() => expect(callsNamed(lab, 'flows.authorizationCode')).toEqual([{ targetKey: 'mock:us', redirectUri: callback }]));
    const url = 'http://127.0.0.1:4781/oauth/authorize?client_id=demo-2';
    emit('flows.step', step('authorization_code', 'request-built', { url }));
    emit('flows.openUrl', { flowId: 'flow-1', url });
    emit('flows.step', step('authorization_code', 'browser-opened'));
    expect(await heading('The app builds the authorization URL')).toBeTruthy();
    expect(screen.getByTestId('demo-narration').textContent).toContain('Why PKCE');
    // The URL has no scope parameter: the narration says so instead of claiming one.
    expect(screen.getByTestId('demo-narration').textContent).toContain('It names no scope');
    expect(screen.getByTestId('demo-narration').textContent).not.toContain('redirect_uri, scope');
    expect(openSpy).toHaveBeenCalledWith(url, '_blank', 'noopener');

    fireEvent.click(nextButton());
    expect(await heading('The consent page opens')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the consent page' }).getAttribute('href')).toBe(url);
    fireEvent.click(nextButton());
    expect(await heading('The browser comes back with a code')).toBeTruthy();
    expect(screen.getByTestId('demo-narration').textContent).toContain('Waiting for the approval in the consent tab');
    expect(nextButton().disabled).toBe(true);
    emit('flows.step', step('authorization_code', 'callback-received'));
    await waitFor(() => expect(screen.getByTestId('demo-narration').textContent).toContain('The Lab checked that the state is the one it sent'));
    expect([arrow('redirect-with-code'), arrow('callback')]).toEqual(['current', 'current']);
    expect(nextButton().disabled).toBe(false);
  });
});
