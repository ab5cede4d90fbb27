import { describe, expect, it } from 'vitest';
import { createFakeLab } from '../testing/fake-lab';
import { createWorkbenchStore } from './workbench-store';

const token = { accessToken: 'eyJ.a.b', tokenType: 'Bearer', scopes: ['account:read'], source: 'client_credentials', targetKey: 'mock:us', receivedAt: '2026-11-29T00:00:00Z', overMutualTls: false } as const;

describe('the workbench store', () => {
  it('loads everything once, and follows the events of the main process', async () => {
    let applications = 0;
    let statusReads = 0;
    const lab = createFakeLab({
      'applications.list': () => ({ applications: [], limit: 2 + applications++ }),
      'users.list': () => ({ users: [] }),
      'mock.status': () => (statusReads++, { state: 'embedded', warnings: [] }),
      'targets.list': () => ({ targets: [], selected: 'mock:eu' }),
      'tokens.current': () => ({ token: null }),
    });
    const errors: unknown[] = [];
    const store = createWorkbenchStore(lab.client, (error) => errors.push(error));
    await store.getState().refreshAll();
    expect(store.getState()).toMatchObject({ loaded: true, applicationLimit: 2, selectedTarget: 'mock:eu', currentToken: null });

    lab.emit({ name: 'tokens.changed', payload: { token } });
    expect(store.getState().currentToken?.accessToken).toBe('eyJ.a.b');

    lab.emit({ name: 'mock.changed', payload: { what: 'applications' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().applicationLimit).toBe(3);
    // The mock's status counts applications and users: both kinds of change re-read it.
    expect(statusReads).toBe(2);
    lab.emit({ name: 'mock.changed', payload: { what: 'users' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(statusReads).toBe(3);

    store.dispose();
    lab.emit({ name: 'tokens.changed', payload: { token: null } });
    expect(store.getState().currentToken).not.toBeNull();
    expect(errors).toEqual([]);
  });

  it('reports a failed refresh with what it was doing, and keeps what it had', async () => {
    const lab = createFakeLab({});
    const seen: string[] = [];
    const store = createWorkbenchStore(lab.client, (_error, context) => seen.push(context ?? ''));
    await store.getState().refreshUsers();
    expect(seen).toEqual(['loading the users']);
    expect(store.getState().users).toEqual([]);
  });
});
