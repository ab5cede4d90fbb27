import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../shared/contract/wire';
import { createFakeLab, deferred, healthyLab, MOCK_TARGET, SAMPLE_INFO, SAMPLE_PREFERENCES } from '../testing/fake-lab';
import { createLabStore } from './lab-store';

function storeOver(lab = healthyLab(), answerTimeoutMs = 1_000) {
  const notified: { error: unknown; context: string }[] = [];
  const store = createLabStore(lab.client, { notifyError: (error, context) => notified.push({ error, context }), answerTimeoutMs, initialTheme: 'dark' });
  return { store, notified, lab };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createLabStore', () => {
  it('becomes ready with the info, then holds the preferences, their theme and the selected target', async () => {
    const { store } = storeOver();
    expect(store.getState()).toMatchObject({ appState: 'loading', theme: 'dark', info: null });
    await store.getState().load();
    expect(store.getState()).toMatchObject({ appState: 'ready', info: SAMPLE_INFO, preferences: SAMPLE_PREFERENCES, theme: 'light', selectedTarget: MOCK_TARGET, startupError: null });
  });

  it('gives up with a "timeout" error when lab.info never answers', async () => {
    vi.useFakeTimers();
    const lab = healthyLab();
    lab.answer('lab.info', () => new Promise(() => {}));
    const { store } = storeOver(lab, 5_000);
    const loading = store.getState().load();
    await vi.advanceTimersByTimeAsync(5_000);
    await loading;
    expect(store.getState().appState).toBe('error');
    expect(store.getState().startupError).toEqual({ code: 'timeout', message: 'the Lab did not answer "lab.info" within 5 s' });
  });

  it('keeps the newest load: an older answer arriving late changes nothing', async () => {
    const lab = healthyLab();
    const slow = deferred<never>();
    lab.answer('lab.info', () => slow.promise);
    const { store } = storeOver(lab);
    const first = store.getState().load();
    lab.answer('lab.info', () => SAMPLE_INFO);
    await store.getState().load();
    slow.reject(new ContractError({ code: 'unavailable', message: 'the socket closed' }));
    await first;
    expect(store.getState().appState).toBe('ready');
  });

  it('is ready without preferences or targets when those fail, and says so through notifications', async () => {
    const lab = createFakeLab({ 'lab.info': () => SAMPLE_INFO });
    const { store, notified } = storeOver(lab);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ appState: 'ready', preferences: null, selectedTarget: null, theme: 'dark' });
    expect(notified.map(({ error, context }) => [context, (error as ContractError).code])).toEqual([
      ['reading the preferences', 'unknown_method'],
      ['reading the targets', 'unknown_method'],
    ]);
  });

  it('shows a new theme at once, keeps what the Lab saved, and reverts with a notification when saving fails', async () => {
    const { store, notified, lab } = storeOver();
    await store.getState().load();
    const saving = store.getState().setTheme('dark');
    expect(store.getState().theme).toBe('dark');
    await saving;
    expect(store.getState().preferences?.theme).toBe('dark');

    lab.answer('lab.updatePreferences', () => {
      throw new ContractError({ code: 'unavailable', message: 'the Lab did not answer "lab.updatePreferences": socket closed' });
    });
    await store.getState().setTheme('light');
    expect(store.getState().theme).toBe('dark');
    expect(notified).toHaveLength(1);
    expect(notified[0]!.context).toBe('saving the theme');
    expect((notified[0]!.error as ContractError).code).toBe('unavailable');
  });

  it('reads the selected target again when asked (after targets.changed)', async () => {
    const lab = healthyLab();
    const { store } = storeOver(lab);
    await store.getState().load();
    const eu = { ...MOCK_TARGET, key: 'totango:eu', kind: 'totango' as const, region: 'eu' as const, label: 'Totango EU', baseUrl: 'https://api-eu1.totango.com' };
    lab.answer('targets.list', () => ({ targets: [MOCK_TARGET, eu], selected: 'totango:eu' }));
    await store.getState().refreshTarget();
    expect(store.getState().selectedTarget).toEqual(eu);
  });
});
