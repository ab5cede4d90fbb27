import { describe, expect, it, vi } from 'vitest';
import { deferred, healthyLab } from '../../testing/fake-lab';
import { createFlowRunStore } from './flow-run-store';
import { SAMPLE_TOKEN, step } from './flows-test-kit';

function setUp() {
  const lab = healthyLab();
  const openWindow = vi.fn();
  const store = createFlowRunStore(lab.client, { openWindow, notifyError: vi.fn() });
  const stop = store.follow();
  const emit = (name: string, payload: unknown) => lab.emit({ name, payload });
  return { lab, store, openWindow, stop, emit };
}

describe('a flow run', () => {
  it('takes the steps of its own flow only, once the first one has named it', async () => {
    const { lab, store, emit } = setUp();
    const outcome = deferred<unknown>();
    lab.answer('flows.clientCredentials', () => outcome.promise);
    emit('flows.step', step('client_credentials', 'request-built', { flowId: 'before' }));
    void store.getState().run({ flow: 'client_credentials', targetKey: 'mock:us' });
    emit('flows.step', step('authorization_code', 'request-built', { flowId: 'other-grant' }));
    emit('flows.step', step('client_credentials', 'request-built', { flowId: 'mine' }));
    emit('flows.step', step('client_credentials', 'token-received', { flowId: 'someone-else' }));
    emit('flows.step', step('client_credentials', 'request-built', { flowId: 'mine' }));
    expect(store.getState().flowId).toBe('mine');
    expect(store.getState().steps.map((s) => `${s.flowId}:${s.step}`)).toEqual(['mine:request-built']);

    outcome.resolve({ flowId: 'mine', flow: 'client_credentials', steps: [step('client_credentials', 'request-built', { flowId: 'mine' }), step('client_credentials', 'token-received', { flowId: 'mine' })], token: SAMPLE_TOKEN });
    await vi.waitFor(() => expect(store.getState().status).toBe('succeeded'));
    expect(store.getState().token).toEqual(SAMPLE_TOKEN);
    // A late event of the same step changes nothing.
    emit('flows.step', step('client_credentials', 'token-received', { flowId: 'mine' }));
    expect(store.getState().steps).toHaveLength(2);
  });

  it('opens the consent page of its own running flow, and keeps its address for the link', async () => {
    const { lab, store, openWindow, emit } = setUp();
    emit('flows.openUrl', { flowId: 'nobody', url: 'http://127.0.0.1/oauth/authorize?early' });
    lab.answer('flows.authorizationCode', () => new Promise(() => {}));
    void store.getState().run({ flow: 'authorization_code', targetKey: 'mock:us', redirectUri: 'http://127.0.0.1:8765/callback' });
    emit('flows.step', step('authorization_code', 'request-built', { flowId: 'mine' }));
    emit('flows.openUrl', { flowId: 'other', url: 'http://127.0.0.1/oauth/authorize?other' });
    emit('flows.openUrl', { flowId: 'mine', url: 'http://127.0.0.1/oauth/authorize?mine' });
    expect(openWindow.mock.calls).toEqual([['http://127.0.0.1/oauth/authorize?mine']]);
    expect(store.getState().consentUrl).toBe('http://127.0.0.1/oauth/authorize?mine');
    await vi.waitFor(() => expect(lab.calls.find((call) => call.name === 'flows.authorizationCode')?.input).toEqual({ targetKey: 'mock:us', redirectUri: 'http://127.0.0.1:8765/callback' }));
  });

  it('forgets a run that was reset: its late answer and events change nothing', async () => {
    const { lab, store, emit, stop } = setUp();
    const outcome = deferred<unknown>();
    lab.answer('flows.clientCredentials', () => outcome.promise);
    void store.getState().run({ flow: 'client_credentials', targetKey: 'mock:us' });
    emit('flows.step', step('client_credentials', 'request-built', { flowId: 'old' }));
    store.getState().reset();
    outcome.resolve({ flowId: 'old', flow: 'client_credentials', steps: [], token: SAMPLE_TOKEN });
    emit('flows.step', step('client_credentials', 'token-received', { flowId: 'old' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState()).toMatchObject({ status: 'idle', steps: [], token: null, flowId: null });
    stop();
  });
});
