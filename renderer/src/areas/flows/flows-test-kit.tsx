/**
 * For the Flows screen's and demo mode's tests: sample applications, steps and exchanges
 * as the contract carries them, and a render of one component over a fake Lab that has
 * answered (the stores loaded, as the frame would have them).
 */
import { MantineProvider } from '@mantine/core';
import { act, render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import type { CurrentToken, ExchangeView, FlowStepView } from '../../../../shared/contract/client-schemas';
import { createLabStores, LabStoresProvider, type LabStores } from '../../stores/lab-stores';
import type { ApplicationView } from '../../stores/workbench-store';
import { createFakeConnection, healthyLab, type FakeLab } from '../../testing/fake-lab';
import { labTheme } from '../../theme/theme';

const AT = '2026-11-30T10:00:00.000Z';

export function sampleApp(overrides: Partial<ApplicationView> = {}): ApplicationView {
  return {
    clientId: 'client-1',
    name: 'Nightly sync',
    region: 'us',
    grantType: 'client_credentials',
    callbackUrls: [],
    actingUserId: 'u-1003',
    scopes: ['account:read', 'touchpoint:all'],
    accessTokenTtlSeconds: 86_400,
    mutualTls: false,
    certificate: null,
    retiredCertificates: [],
    createdAt: AT,
    updatedAt: AT,
    secretInLab: true,
    ...overrides,
  };
}

export function sampleExchange(id: string, status: number, body: string): ExchangeView {
  return {
    id,
    purpose: 'token request',
    startedAt: AT,
    durationMs: 42,
    request: { method: 'POST', url: 'http://127.0.0.1:4781/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' },
    response: { status, statusText: status === 200 ? 'OK' : 'Bad Request', headers: { 'content-type': 'application/json' }, body },
    clientCertificate: false,
  };
}

export function step(flow: FlowStepView['flow'], name: FlowStepView['step'], extra: Partial<FlowStepView> = {}): FlowStepView {
  return { flowId: 'flow-1', flow, step: name, at: `2026-11-30T10:00:0${['request-built', 'browser-opened', 'callback-received', 'code-exchanged', 'token-received', 'failed'].indexOf(name)}.000Z`, explanation: `The Lab says: ${name}.`, ...extra };
}

export const SAMPLE_TOKEN: CurrentToken = {
  accessToken: 'eyJhbGciOiJFUzI1NiJ9.eyJzY29wZSI6ImFjY291bnQ6cmVhZCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ',
  tokenType: 'bearer',
  scopes: ['account:read', 'touchpoint:all'],
  source: 'client_credentials',
  targetKey: 'mock:us',
  clientId: 'client-1',
  receivedAt: AT,
  expiresAt: '2026-12-01T10:00:00.000Z',
  overMutualTls: false,
};

/** A fake Lab with these mock applications, the US mock target, and the answers a flow needs to start. */
export function labWithApps(applications: readonly ApplicationView[], limit = 2): FakeLab {
  const lab = healthyLab();
  lab.answer('applications.list', () => ({ applications, limit }));
  lab.answer('targets.useApplication', () => ({ key: 'mock:us', kind: 'mock', region: 'us', label: 'Local mock (US)', baseUrl: 'http://127.0.0.1:4781', credentials: null }));
  lab.answer('users.list', () => ({ users: [{ id: 'u-1003', email: 'integration.bot@acme-demo.example', firstName: 'Integration', lastName: 'Bot', role: 'user', status: 'active', createdAt: AT }] }));
  return lab;
}

/** Renders `ui` over the fake Lab once it has answered and the shared data has loaded. */
export async function renderWithLab(lab: FakeLab, ui: ReactNode): Promise<{ stores: LabStores; emit: (name: string, payload: unknown) => void }> {
  const stores = createLabStores(lab.client, createFakeConnection());
  await act(async () => {
    await stores.lab.getState().load();
  });
  await waitFor(() => expect(stores.workbench.getState().loaded).toBe(true));
  render(
    <MantineProvider theme={labTheme} env="test">
      <LabStoresProvider stores={stores}>{ui}</LabStoresProvider>
    </MantineProvider>,
  );
  const emit = (name: string, payload: unknown) => act(() => lab.emit({ name, payload }));
  return { stores, emit };
}
