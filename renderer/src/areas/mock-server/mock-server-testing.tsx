/**
 * For the Mock server screen's tests: a mock status, users and applications as the main
 * process returns them, a fake Lab answering with them (and keeping what the screen
 * changes), and the window opened on the Mock server area.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import type { ApplicationView, MockRequestView, MockStatus, MockUserView } from '../../../../shared/contract/mock-schemas';
import { LabApp } from '../../app/LabApp';
import { createLabStores } from '../../stores/lab-stores';
import { createFakeConnection, healthyLab, type FakeLab } from '../../testing/fake-lab';

const regionUrls = (port: number) => ({
  issuer: `http://127.0.0.1:${port}`,
  metadata: `http://127.0.0.1:${port}/.well-known/oauth-authorization-server`,
  authorization: `http://127.0.0.1:${port}/oauth/authorize`,
  token: `http://127.0.0.1:${port}/oauth/token`,
  jwks: `http://127.0.0.1:${port}/oauth/jwks`,
  introspection: `http://127.0.0.1:${port}/oauth/introspect`,
  revocation: `http://127.0.0.1:${port}/oauth/revoke`,
  mtls: { origin: `https://127.0.0.1:${port + 1}`, token: `https://127.0.0.1:${port + 1}/oauth/token`, introspection: `https://127.0.0.1:${port + 1}/oauth/introspect`, revocation: `https://127.0.0.1:${port + 1}/oauth/revoke` },
});

export const SAMPLE_SETTINGS = { applicationLimit: 2, pkceRequired: false, signingAlgorithm: 'RS256', authorizationCodeTtlSeconds: 60 } as const;

export const SAMPLE_STATUS: MockStatus = {
  state: 'embedded',
  urls: { admin: 'http://127.0.0.1:4780', openapi: 'http://127.0.0.1:4780/admin/openapi.json', caCertificate: 'http://127.0.0.1:4780/admin/pki/ca.pem', regions: { us: regionUrls(4781), eu: regionUrls(4783) } },
  dataDir: '/tmp/lab-data/mock',
  account: { name: 'Acme Demo', serviceId: '1234' },
  settings: { ...SAMPLE_SETTINGS },
  clock: { now: '2026-11-29T10:00:00.000Z', offsetSeconds: 0 },
  counts: { applications: 1, users: 3 },
  warnings: [],
};

export function user(id: string, firstName: string, lastName: string, status: MockUserView['status'] = 'active'): MockUserView {
  return { id, email: `${firstName}.${lastName}@acme-demo.example`.toLowerCase(), firstName, lastName, role: 'user', status, createdAt: '2026-11-01T00:00:00.000Z' };
}

export const SAMPLE_USERS: MockUserView[] = [user('u-1001', 'Maya', 'Cohen'), user('u-1003', 'Integration', 'Bot'), user('u-1004', 'Priya', 'Raman', 'disabled')];

export function app(clientId: string, name: string, actingUserId: string | null): ApplicationView {
  return {
    clientId,
    name,
    region: 'us',
    grantType: actingUserId === null ? 'authorization_code' : 'client_credentials',
    callbackUrls: actingUserId === null ? ['http://127.0.0.1:53682/callback'] : [],
    actingUserId,
    scopes: ['account:read'],
    accessTokenTtlSeconds: 86400,
    mutualTls: false,
    certificate: null,
    retiredCertificates: [],
    createdAt: '2026-11-02T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
    secretInLab: true,
  };
}

export function request(seq: number, changes: Partial<MockRequestView> = {}): MockRequestView {
  return { seq, at: new Date(Date.UTC(2026, 10, 29, 10, 0, seq)).toISOString(), server: 'us', tls: false, method: 'POST', path: `/oauth/token`, status: 200, durationMs: 4.2, clientId: 'tl_abc', ...changes };
}

/** A Lab whose mock has `SAMPLE_STATUS`, the users and apps given, and an empty log and fault list; users change as the screen asks. */
export function mockServerLab(options: { users?: MockUserView[]; applications?: ApplicationView[]; status?: MockStatus; requests?: MockRequestView[] } = {}): FakeLab {
  const lab = healthyLab();
  let users = [...(options.users ?? SAMPLE_USERS)];
  lab.answer('mock.status', () => options.status ?? SAMPLE_STATUS);
  lab.answer('users.list', () => ({ users }));
  lab.answer('users.setStatus', (input) => {
    const { userId, status } = input as { userId: string; status: MockUserView['status'] };
    users = users.map((u) => (u.id === userId ? { ...u, status } : u));
    return users.find((u) => u.id === userId);
  });
  lab.answer('applications.list', () => ({ applications: options.applications ?? [], limit: 2 }));
  lab.answer('mock.requests', () => ({ requests: options.requests ?? [] }));
  lab.answer('faults.list', () => ({ faults: [] }));
  return lab;
}

/** The window on the Mock server area, on `tab` once the status has loaded. */
export async function renderMockServer(lab: FakeLab, tab?: string) {
  window.location.hash = '#/mock-server';
  const stores = createLabStores(lab.client, createFakeConnection(), { answerTimeoutMs: 2_000 });
  const view = render(<LabApp stores={stores} env="test" />);
  await screen.findByRole('heading', { level: 1, name: 'Mock server' });
  await screen.findByRole('tablist', { name: 'Mock server' });
  if (tab !== undefined) fireEvent.click(screen.getByRole('tab', { name: new RegExp(`^${tab}`) }));
  return { ...view, stores };
}

export const callsTo = (lab: FakeLab, name: string) => lab.calls.filter((call) => call.name === name).map((call) => call.input);
