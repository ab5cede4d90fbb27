/**
 * The mock's status and its request feed: `mock.request` events straight from the
 * embedded mock's log, or by polling an external mock's admin API; `stopped` (never a
 * throw) when the admin API does not answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MockRequestView } from '../../shared/contract/mock-schemas';
import { ContractError } from '../../shared/contract/wire';
import { basicAuthorization, postForm } from '../mock/testing/mock-harness';
import { startMockServices, type MockServicesHarness } from './mock/mock-services-harness';
import { startRequestFeed } from './mock/request-feed';
import type { MockAdminClient } from './mock-admin-client';

const machine = { name: 'Feed', grantType: 'client_credentials' as const, actingUserId: 'u-1003', scopes: ['account:read'] };

const started: MockServicesHarness[] = [];
async function start(mode: 'embedded' | 'external'): Promise<MockServicesHarness> {
  const harness = await startMockServices({ mode, pollIntervalMs: 25 });
  started.push(harness);
  return harness;
}
afterEach(async () => {
  for (const harness of started.splice(0)) {
    expect(harness.problems).toEqual([]);
    await harness.stop();
  }
});

async function tokenRequest(harness: MockServicesHarness): Promise<string> {
  const { application, clientSecret } = await harness.lab.applications.create(machine);
  const response = await postForm(`${harness.mock.urls.regions.us.token}?trace=query-secret`, { grant_type: 'client_credentials' }, { authorization: basicAuthorization(application.clientId, clientSecret) });
  expect(response.status).toBe(200);
  return application.clientId;
}

/** Until the poller of an external mock has read the log once, what came before is history, not events. */
async function feedIsLive(harness: MockServicesHarness): Promise<void> {
  const seen = () => harness.events.some((e) => e.name === 'mock.request' && (e.payload as MockRequestView).path === '/admin/status');
  await expect
    .poll(async () => {
      await harness.lab.mock.status({});
      return seen();
    })
    .toBe(true);
}

const isTokenRequest = (payload: unknown) => (payload as MockRequestView).path === '/oauth/token';

describe('the embedded mock', () => {
  it('reports its status as embedded, with its URLs, settings, clock and counts', async () => {
    const harness = await start('embedded');
    const status = await harness.lab.mock.status({});
    expect(status).toMatchObject({
      state: 'embedded',
      urls: { admin: harness.mock.urls.admin, regions: { us: { issuer: harness.mock.urls.regions.us.issuer } } },
      dataDir: harness.mock.core.dataDir,
      account: { name: 'Acme Demo', serviceId: '9013' },
      settings: { applicationLimit: 2, pkceRequired: false, signingAlgorithm: 'ES256' },
      clock: { offsetSeconds: 0 },
      counts: { applications: 0, users: 5 },
      warnings: [],
    });
    expect(status).not.toHaveProperty('message');
  });

  it('sends every request the mock serves as a mock.request event, as the log lists it', async () => {
    const harness = await start('embedded');
    const clientId = await tokenRequest(harness);
    const event = (await harness.waitForEvent('mock.request', isTokenRequest)) as MockRequestView;
    expect(event).toMatchObject({ server: 'us', tls: false, method: 'POST', path: '/oauth/token', status: 200, clientId });
    const { requests } = await harness.lab.mock.requests({ after: event.seq - 1, limit: 1 });
    expect(requests).toEqual([event]);
    expect(JSON.stringify(harness.events)).not.toContain('query-secret');
    const admin = harness.events.filter((e) => e.name === 'mock.request').map((e) => e.payload as MockRequestView);
    expect(admin.map((r) => r.seq)).toEqual([...admin.map((r) => r.seq)].sort((a, b) => a - b));
    expect(admin.some((r) => r.path === '/admin/requests')).toBe(false);
  });

  it('refuses a request-log query out of the contract', async () => {
    const harness = await start('embedded');
    const refused = await harness.lab.mock.requests({ limit: 5000 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ContractError);
    expect(refused).toMatchObject({ code: 'invalid_input', field: 'limit' });
  });
});

describe('an external mock', () => {
  it('reports its status as external and polls its request log for mock.request events', async () => {
    const harness = await start('external');
    expect((await harness.lab.mock.status({})).state).toBe('external');
    await feedIsLive(harness);
    const clientId = await tokenRequest(harness);
    const event = (await harness.waitForEvent('mock.request', isTokenRequest)) as MockRequestView;
    expect(event).toMatchObject({ server: 'us', path: '/oauth/token', status: 200, clientId });
    const seqs = harness.events.filter((e) => e.name === 'mock.request').map((e) => (e.payload as MockRequestView).seq);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('announces that the mock stopped answering, and then reports it stopped without throwing', async () => {
    const harness = await start('external');
    await feedIsLive(harness);
    const mark = harness.events.length;
    await harness.mock.stop();
    await harness.waitForEvent('mock.changed', (p) => (p as { what: string }).what === 'status', { fromIndex: mark });
    const status = await harness.lab.mock.status({});
    expect(status).toEqual({ state: 'stopped', message: `the mock's admin API at "${harness.mock.urls.admin}" did not answer`, warnings: [] });
    const refused = await harness.lab.applications.list({}).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'unavailable', message: `the mock's admin API at "${harness.mock.urls.admin}" did not answer` });
  });

  it('stops polling when closed', async () => {
    const harness = await start('embedded');
    let polls = 0;
    const counting: MockAdminClient = {
      ...harness.context.mockAdmin,
      json: <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) => {
        if (path.startsWith('/admin/requests')) polls += 1;
        return harness.context.mockAdmin.json<T>(method, path, body);
      },
    };
    const { mockRequests: _embedded, ...external } = harness.context;
    const feed = startRequestFeed({ ...external, mockAdmin: counting }, 10);
    await expect.poll(() => polls).toBeGreaterThan(2);
    await feed.close();
    const after = polls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(polls).toBe(after);
  });
});
