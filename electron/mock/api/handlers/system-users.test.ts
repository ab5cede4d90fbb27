/**
 * `whoami` answers the acting user; the audit log answers what the resource server
 * recorded, newest first, filtered by time, user and action, and paged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedUsers } from '../../mock-state';
import type { AuditEntry } from '../tenant-data';
import { openTestTenant, TEST_NOW, type TestTenant } from '../testing/api-request';

interface AuditRecord {
  timestamp: string;
  time: number;
  action: string;
  user: string;
  user_email: string;
  client_id: string;
  method: string;
  path: string;
  endpoint_id: string;
  status: number;
}

const HOUR_MS = 60 * 60 * 1000;

let tenant: TestTenant;

beforeEach(async () => {
  tenant = await openTestTenant();
});

afterEach(async () => {
  await tenant.close();
});

describe('whoami', () => {
  it('answers the user the token acts as, with the service id', async () => {
    const bot = seedUsers('2025-01-01T00:00:00.000Z')[2];
    const body = await tenant.bodyOf('whoami', { actingUser: bot });
    expect(body).toEqual({
      id: 'u-1003',
      email: 'integration.bot@acme-demo.example',
      username: 'integration.bot@acme-demo.example',
      first_name: 'Integration',
      last_name: 'Bot',
      full_name: 'Integration Bot',
      role: 'user',
      status: 'active',
      service_id: '9013',
    });
  });
});

describe('audit log', () => {
  const entry = (hoursAgo: number, endpointId: string, userId = 'u-1001', method = 'GET'): AuditEntry => ({
    at: TEST_NOW - hoursAgo * HOUR_MS,
    userId,
    userEmail: userId === 'u-1001' ? 'maya.cohen@acme-demo.example' : 'integration.bot@acme-demo.example',
    clientId: 'client-1',
    method,
    path: `/some/path/${endpointId}`,
    endpointId,
    status: 200,
    error: null,
  });

  beforeEach(() => {
    tenant.data.recordAudit(entry(50, 'search-accounts', 'u-1001', 'POST'));
    tenant.data.recordAudit(entry(30, 'upsert-accounts', 'u-1003', 'POST'));
    tenant.data.recordAudit(entry(5, 'delete-touchpoint', 'u-1003', 'DELETE'));
    tenant.data.recordAudit(entry(1, 'whoami'));
  });

  it('answers the recorded calls newest first, each naming its kind of action', async () => {
    const records = await tenant.bodyOf<AuditRecord[]>('audit-log');
    expect(records.map((r) => [r.endpoint_id, r.action])).toEqual([
      ['whoami', 'API_READ'],
      ['delete-touchpoint', 'API_DELETE'],
      ['upsert-accounts', 'API_WRITE'],
      ['search-accounts', 'API_READ'],
    ]);
    expect(records[0]).toEqual({
      timestamp: new Date(TEST_NOW - HOUR_MS).toISOString(),
      time: TEST_NOW - HOUR_MS,
      action: 'API_READ',
      user: 'u-1001',
      user_email: 'maya.cohen@acme-demo.example',
      client_id: 'client-1',
      method: 'GET',
      path: '/some/path/whoami',
      endpoint_id: 'whoami',
      status: 200,
      outcome: 'success',
      error: null,
      sensitive: false,
    });
  });

  it('filters by time in milliseconds or by Totango days, by user and by action, and pages', async () => {
    const recent = await tenant.bodyOf<AuditRecord[]>('audit-log', { query: { from: String(TEST_NOW - 10 * HOUR_MS), to: String(TEST_NOW) } });
    expect(recent.map((r) => r.endpoint_id)).toEqual(['whoami', 'delete-touchpoint']);
    const yesterday = await tenant.bodyOf<AuditRecord[]>('audit-log', { query: { startDate: '2025-03-13', endDate: '2025-03-14' } });
    expect(yesterday.map((r) => r.endpoint_id)).toEqual(['upsert-accounts']);
    const bot = await tenant.bodyOf<AuditRecord[]>('audit-log', { query: { user: 'u-1003', action: 'api_write' } });
    expect(bot.map((r) => r.endpoint_id)).toEqual(['upsert-accounts']);
    const second = await tenant.bodyOf<AuditRecord[]>('audit-log', { query: { count: '1', offset: '1' } });
    expect(second.map((r) => r.endpoint_id)).toEqual(['delete-touchpoint']);
  });

  it('names a malformed or reversed time range', async () => {
    const reversed = await tenant.callError('audit-log', { query: { from: String(TEST_NOW), to: String(TEST_NOW - 1) } });
    expect([reversed.status, reversed.field, reversed.message]).toEqual([400, 'from', '"from" must not be later than "to"']);
    const day = await tenant.callError('audit-log', { query: { startDate: '14/03/2025' } });
    expect([day.field, day.message]).toEqual(['startDate', '"startDate" must be a day as YYYY-MM-DD']);
  });
});
