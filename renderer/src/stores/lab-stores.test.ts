import { describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../shared/contract/wire';
import { createFakeConnection, healthyLab, MOCK_TARGET, SAMPLE_INFO } from '../testing/fake-lab';
import { createLabStores } from './lab-stores';
import { MAX_NOTICES } from './notifications-store';

describe('createLabStores', () => {
  it('refreshes the selected target when the Lab publishes targets.changed, and stops after dispose', async () => {
    const lab = healthyLab();
    const stores = createLabStores(lab.client, createFakeConnection());
    await stores.lab.getState().load();
    const custom = { ...MOCK_TARGET, key: 'custom:https://tenant.example', kind: 'custom' as const, label: 'tenant.example', baseUrl: 'https://tenant.example' };
    lab.answer('targets.list', () => ({ targets: [MOCK_TARGET, custom], selected: custom.key }));
    lab.emit({ name: 'targets.changed', payload: { selected: custom.key } });
    await vi.waitFor(() => expect(stores.lab.getState().selectedTarget).toEqual(custom));

    stores.dispose();
    const before = lab.calls.length;
    lab.emit({ name: 'targets.changed', payload: { selected: MOCK_TARGET.key } });
    expect(lab.calls.length).toBe(before);
  });

  it('tries the Lab again when the link comes back after a failed start', async () => {
    const lab = healthyLab();
    lab.answer('lab.info', () => {
      throw new ContractError({ code: 'unavailable', message: 'the Lab did not answer "lab.info": fetch failed' });
    });
    const connection = createFakeConnection({ state: 'connecting' });
    const stores = createLabStores(lab.client, connection);
    await stores.lab.getState().load();
    expect(stores.lab.getState().appState).toBe('error');

    lab.answer('lab.info', () => SAMPLE_INFO);
    connection.set({ state: 'connected' });
    await vi.waitFor(() => expect(stores.lab.getState().appState).toBe('ready'));
  });

  it('follows the connection and keeps the last reason it dropped', () => {
    const connection = createFakeConnection({ state: 'connecting' });
    const stores = createLabStores(healthyLab().client, connection);
    expect(stores.connection.getState()).toEqual({ state: 'connecting', lastError: null, everConnected: false });
    connection.set({ state: 'connected' });
    connection.set({ state: 'disconnected', error: 'the socket closed' });
    connection.set({ state: 'connected' });
    expect(stores.connection.getState()).toEqual({ state: 'connected', lastError: 'the socket closed', everConnected: true });
  });

  it('shows contract errors as notices with their code and message, the newest few only', () => {
    const { notifications } = createLabStores(healthyLab().client, createFakeConnection());
    notifications.getState().notifyError(new ContractError({ code: 'application_limit_reached', message: 'the account already has 2 applications' }), 'creating the app');
    notifications.getState().notifyError(new TypeError('boom'));
    expect(notifications.getState().notices.map(({ code, message, context }) => ({ code, message, context }))).toEqual([
      { code: 'application_limit_reached', message: 'the account already has 2 applications', context: 'creating the app' },
      { code: 'unexpected', message: 'boom', context: undefined },
    ]);
    for (let i = 0; i < MAX_NOTICES + 2; i++) notifications.getState().notifyError(new ContractError({ code: 'network', message: `attempt ${i}` }));
    expect(notifications.getState().notices.map((notice) => notice.message)).toEqual(Array.from({ length: MAX_NOTICES }, (_, i) => `attempt ${i + 2}`));
    const [first] = notifications.getState().notices;
    notifications.getState().dismiss(first!.id);
    expect(notifications.getState().notices).toHaveLength(MAX_NOTICES - 1);
  });
});
