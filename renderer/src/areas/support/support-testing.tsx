/**
 * For the Support screen's tests: the window on that screen over a fake Lab, recorded
 * exchanges, and a fake mock account that keeps its applications, users and limit as the
 * scenarios change them.
 */
import { render, screen } from '@testing-library/react';
import type { ExchangeView } from '../../../../shared/contract/client-schemas';
import { ContractError } from '../../../../shared/contract/wire';
import { LabApp } from '../../app/LabApp';
import { createLabStores } from '../../stores/lab-stores';
import type { ApplicationView, MockUserView } from '../../stores/workbench-store';
import { createFakeConnection, healthyLab, type FakeLab } from '../../testing/fake-lab';

export function exchange(id: string, purpose: string, status = 200, url = 'http://127.0.0.1:4781/oauth/token'): ExchangeView {
  return {
    id,
    purpose,
    startedAt: '2026-11-29T10:00:00.000Z',
    durationMs: 12,
    request: { method: 'POST', url, headers: { authorization: 'Basic [redacted]' }, body: 'grant_type=client_credentials' },
    response: { status, statusText: status === 200 ? 'OK' : 'Bad Request', headers: { 'content-type': 'application/json' }, body: '{"token_type":"Bearer"}' },
    clientCertificate: false,
  };
}

export function user(id: string, email: string, status: MockUserView['status'] = 'active'): MockUserView {
  return { id, email, firstName: 'Test', lastName: 'User', role: 'user', status, createdAt: '2026-11-01T00:00:00Z' };
}

export const SEED_USERS: readonly MockUserView[] = [user('u-1001', 'maya.cohen@acme-demo.example'), user('u-1003', 'integration.bot@acme-demo.example'), user('u-1004', 'priya.raman@acme-demo.example', 'disabled')];

export function application(fields: Partial<ApplicationView> & Pick<ApplicationView, 'clientId' | 'name'>): ApplicationView {
  return {
    region: 'us',
    grantType: 'client_credentials',
    callbackUrls: [],
    actingUserId: 'u-1003',
    scopes: ['account:read'],
    accessTokenTtlSeconds: 86_400,
    mutualTls: false,
    certificate: null,
    retiredCertificates: [],
    createdAt: '2026-11-29T09:00:00Z',
    updatedAt: '2026-11-29T09:00:00Z',
    secretInLab: true,
    ...fields,
  };
}

export interface FakeAccount {
  readonly lab: FakeLab;
  applications(): readonly ApplicationView[];
  users(): readonly MockUserView[];
  limit(): number;
}

/** A Lab whose mock account behaves: creation refused when full, users with statuses, flows that answer. */
export function accountLab(start: { applications?: readonly ApplicationView[]; users?: readonly MockUserView[]; limit?: number } = {}): FakeAccount {
  const lab = healthyLab();
  let applications = [...(start.applications ?? [])];
  let users = [...(start.users ?? SEED_USERS)];
  let limit = start.limit ?? 2;
  let created = 0;
  lab.answer('applications.list', () => ({ applications, limit }));
  lab.answer('applications.create', (input) => {
    if (applications.length >= limit) throw new ContractError({ code: 'application_limit_reached', message: `this account already has ${applications.length} applications` });
    const fields = input as Partial<ApplicationView> & { name: string };
    created += 1;
    const app = application({ ...fields, clientId: `client-${created}`, actingUserId: fields.actingUserId ?? null, callbackUrls: fields.callbackUrls ?? [] });
    applications = [...applications, app];
    return { application: app, clientSecret: `secret-${created}` };
  });
  lab.answer('applications.remove', (input) => {
    applications = applications.filter((app) => app.clientId !== (input as { clientId: string }).clientId);
    return { done: true };
  });
  lab.answer('applications.expireCertificate', (input) => applications.find((app) => app.clientId === (input as { clientId: string }).clientId));
  lab.answer('mock.updateSettings', (input) => {
    limit = (input as { applicationLimit: number }).applicationLimit;
    return { applicationLimit: limit, pkceRequired: false, signingAlgorithm: 'RS256', authorizationCodeTtlSeconds: 60 };
  });
  lab.answer('users.list', () => ({ users }));
  lab.answer('users.create', (input) => {
    const created = user(`u-new-${users.length}`, (input as { email: string }).email);
    users = [...users, created];
    return created;
  });
  lab.answer('users.setStatus', (input) => {
    const { userId, status } = input as { userId: string; status: MockUserView['status'] };
    users = users.map((candidate) => (candidate.id === userId ? { ...candidate, status } : candidate));
    return users.find((candidate) => candidate.id === userId);
  });
  const target = (key: string) => ({ key, kind: 'mock', region: key.slice(5), label: `Local mock Totango (${key.slice(5).toUpperCase()})`, baseUrl: 'http://127.0.0.1:4781', credentials: null });
  lab.answer('targets.useApplication', (input) => target(`mock:${applications.find((app) => app.clientId === (input as { clientId: string }).clientId)?.region ?? 'us'}`));
  lab.answer('targets.select', (input) => target((input as { targetKey: string }).targetKey));
  lab.answer('flows.clientCredentials', () => ({
    flowId: 'flow-1',
    flow: 'client_credentials',
    steps: [],
    token: { accessToken: 'eyJ.token.sig', tokenType: 'Bearer', scopes: ['account:read'], source: 'client_credentials', targetKey: 'mock:us', receivedAt: '2026-11-29T10:00:00Z', overMutualTls: false },
  }));
  lab.answer('recorder.timeline', () => ({ exchanges: [] }));
  return { lab, applications: () => applications, users: () => users, limit: () => limit };
}

/** The window on the Support area, once its heading shows. */
export async function renderSupport(lab: FakeLab) {
  window.location.hash = '#/support';
  const stores = createLabStores(lab.client, createFakeConnection(), { answerTimeoutMs: 2_000 });
  const view = render(<LabApp stores={stores} env="test" />);
  await screen.findByRole('heading', { level: 1, name: 'Support' });
  return { ...view, stores };
}
