/**
 * For the apps screen's tests: applications and users as the mock shows them, a fake Lab
 * that keeps them (create, update, remove, renew), and the window opened on Apps.
 */
import { render, screen } from '@testing-library/react';
import { ContractError } from '../../../../shared/contract/wire';
import { LabApp } from '../../app/LabApp';
import { createLabStores } from '../../stores/lab-stores';
import type { ApplicationView, MockUserView } from '../../stores/workbench-store';
import { createFakeConnection, healthyLab, MOCK_TARGET, type FakeLab } from '../../testing/fake-lab';

const CREATED_AT = '2026-11-29T10:00:00.000Z';

export const USERS: MockUserView[] = [
  { id: 'u-1001', email: 'maya.cohen@acme-demo.example', firstName: 'Maya', lastName: 'Cohen', role: 'admin', status: 'active', createdAt: CREATED_AT },
  { id: 'u-1003', email: 'integration.bot@acme-demo.example', firstName: 'Integration', lastName: 'Bot', role: 'user', status: 'active', createdAt: CREATED_AT },
  { id: 'u-1004', email: 'priya.raman@acme-demo.example', firstName: 'Priya', lastName: 'Raman', role: 'user', status: 'disabled', createdAt: CREATED_AT },
];

export const CLIENT_SECRET = 'cs_9f2b7c4d1e8a6b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e';

export function certificate(thumbprint = 'kV7xq0ZlP3y1TJf2m8Wc4bNqRsUvXyZa0123456789A', notAfter = '2027-11-29T10:00:00.000Z') {
  return { serial: '4f2a', thumbprint, notBefore: CREATED_AT, notAfter, expired: false, certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' };
}

export function application(overrides: Partial<ApplicationView> = {}): ApplicationView {
  return {
    clientId: 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    name: 'Renewals sync',
    region: 'us',
    grantType: 'client_credentials',
    callbackUrls: [],
    actingUserId: 'u-1003',
    scopes: ['account:read', 'event:read'],
    accessTokenTtlSeconds: 86_400,
    mutualTls: false,
    certificate: null,
    retiredCertificates: [],
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    secretInLab: true,
    ...overrides,
  };
}

export const LIMIT_MESSAGE =
  'this account already has 2 applications, and Totango limits an account to 2; contact your Totango representative if you need additional applications (on the mock, raise "applicationLimit" in the settings)';

/** A Lab whose mock account holds `applications` and answers the apps screen's calls as the mock would. */
export function appsLab(initial: ApplicationView[] = [], limit = 2): FakeLab & { applications: ApplicationView[] } {
  const lab = healthyLab();
  const state = { applications: [...initial] };
  let next = 1;
  lab.answer('applications.list', () => ({ applications: state.applications, limit }));
  lab.answer('users.list', () => ({ users: USERS }));
  lab.answer('applications.create', (input) => {
    if (state.applications.length >= limit) throw new ContractError({ code: 'application_limit_reached', message: LIMIT_MESSAGE });
    const body = input as Partial<ApplicationView> & { name: string };
    const created = application({ ...body, clientId: `client-${next++}`, callbackUrls: body.callbackUrls ?? [], actingUserId: body.actingUserId ?? null, certificate: body.mutualTls ? certificate() : null });
    state.applications.push(created);
    return { application: created, clientSecret: CLIENT_SECRET };
  });
  lab.answer('applications.update', (input) => {
    const { clientId, ...changes } = input as Partial<ApplicationView> & { clientId: string };
    const index = state.applications.findIndex((a) => a.clientId === clientId);
    state.applications[index] = { ...state.applications[index]!, ...changes };
    return state.applications[index];
  });
  lab.answer('applications.remove', (input) => {
    state.applications = state.applications.filter((a) => a.clientId !== (input as { clientId: string }).clientId);
    return { done: true };
  });
  lab.answer('applications.renewCertificate', (input) => {
    const index = state.applications.findIndex((a) => a.clientId === (input as { clientId: string }).clientId);
    state.applications[index] = { ...state.applications[index]!, certificate: certificate('NEWthumbprintZZZZ0000000000000000000000000', '2027-12-30T10:00:00.000Z') };
    return state.applications[index];
  });
  lab.answer('targets.useApplication', () => ({ ...MOCK_TARGET, credentials: { clientId: 'client-1', authMethod: 'client_secret_basic', hasClientSecret: true, certificate: null, hasCustomCa: false, persisted: false } }));
  return Object.assign(lab, {
    get applications() {
      return state.applications;
    },
  });
}

/** The window on the Apps area, once the applications have loaded. */
export async function renderApps(lab: FakeLab) {
  window.location.hash = '#/apps';
  const stores = createLabStores(lab.client, createFakeConnection(), { answerTimeoutMs: 2_000 });
  const view = render(<LabApp stores={stores} env="test" />);
  await screen.findByTestId('application-count');
  return { ...view, stores };
}
