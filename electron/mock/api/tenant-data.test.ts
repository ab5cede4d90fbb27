/**
 * The tenant's data on a real temporary folder: the seed, persistence across opens,
 * reset, a corrupt file kept aside, and the bounded in-memory audit log.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_LOG_LIMIT, TENANT_DATA_FILE, TenantData, type AuditEntry } from './tenant-data';

const NOW = Date.parse('2025-03-14T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tenant-data-test-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function audit(n: number): AuditEntry {
  return { at: NOW + n, userId: 'u-1001', userEmail: 'maya.cohen@acme-demo.example', clientId: 'c1', method: 'GET', path: `/api/v1/users/whoami?n=${n}`, endpointId: 'whoami', status: 200, error: null };
}

describe('TenantData seed', () => {
  it('seeds a realistic tenant on first open and writes it to the data directory', async () => {
    const data = await TenantData.open(dir, () => NOW);
    const { state } = data;
    expect(state.accounts.length).toBeGreaterThanOrEqual(5);
    expect(state.accounts.length).toBeLessThanOrEqual(8);
    for (const account of state.accounts) {
      const contacts = state.accountUsers.filter((user) => user.accountId === account.id);
      expect(contacts.length, account.id).toBeGreaterThanOrEqual(2);
      expect(contacts.length, account.id).toBeLessThanOrEqual(4);
    }
    expect(state.collectionTypes.map((c) => c.type)).toEqual(['Products', 'Subscriptions']);
    expect(state.scimUsers.map((u) => u.id)).toEqual(['u-1001', 'u-1002', 'u-1003', 'u-1004', 'u-1005']);
    expect(state.teams).toHaveLength(3);
    expect(state.touchpointTypes.map((t) => t.displayName)).toEqual(['Email', 'Web meeting', 'In person meeting', 'Telephone call', 'Internal note']);
    expect(state.touchpointTags.map((t) => t.displayName)).toEqual(['Onboarding', 'Renewal', 'Escalation', 'QBR', 'Support']);
    expect(state.activityTypes.map((t) => t.id)).toEqual(expect.arrayContaining(['escalation', 'adoption', 'renewal', 'onboarding']));
    const times = [...state.events.map((e) => e.timestamp), ...state.touchpoints.map((t) => t.createdAt)];
    expect(times.length).toBeGreaterThanOrEqual(18);
    expect(Math.min(...times)).toBeGreaterThan(NOW - 30 * DAY_MS);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    const onDisk = JSON.parse(await readFile(join(dir, TENANT_DATA_FILE), 'utf8')) as { schemaVersion: number };
    expect(onDisk.schemaVersion).toBe(1);
    expect(data.warnings).toEqual([]);
  });

  it('seeds the same data for the same seed time', async () => {
    const other = await mkdtemp(join(tmpdir(), 'tenant-data-test-'));
    try {
      const first = await TenantData.open(dir, () => NOW);
      const second = await TenantData.open(other, () => NOW);
      expect(second.state).toEqual(first.state);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('dates the seed from the seed time', async () => {
    const data = await TenantData.open(dir, () => NOW);
    const northwind = data.findAccount('0011');
    expect(northwind?.attributes['Contract Renewal Date']).toBe('2025-07-12');
  });
});

describe('TenantData persistence', () => {
  it('reads back what was saved', async () => {
    const data = await TenantData.open(dir, () => NOW);
    const account = data.findAccount('0012');
    if (!account) throw new Error('no account 0012');
    account.name = 'Bluepeak Analytics GmbH';
    data.state.teams[0]?.memberIds.push('u-1003');
    await data.save();
    const reopened = await TenantData.open(dir, () => NOW + DAY_MS);
    expect(reopened.findAccount('0012')?.name).toBe('Bluepeak Analytics GmbH');
    expect(reopened.state.teams[0]?.memberIds).toContain('u-1003');
    expect(reopened.state.seededAt).toBe(NOW);
  });

  it('resets to the seed, on disk too, and clears the audit log', async () => {
    let now = NOW;
    const data = await TenantData.open(dir, () => now);
    data.state.accounts = [];
    data.recordAudit(audit(1));
    await data.save();
    now = NOW + 2 * DAY_MS;
    await data.reset();
    expect(data.state.accounts.length).toBeGreaterThan(0);
    expect(data.state.seededAt).toBe(now);
    expect(data.auditLog).toEqual([]);
    const reopened = await TenantData.open(dir, () => now);
    expect(reopened.state).toEqual(data.state);
  });

  it('keeps a corrupt file aside, reports it and restores the seed', async () => {
    await writeFile(join(dir, TENANT_DATA_FILE), '{"schemaVersion": 1, "accounts": [', 'utf8');
    const data = await TenantData.open(dir, () => NOW);
    expect(data.warnings).toHaveLength(1);
    expect(data.warnings[0]).toMatch(/^the tenant data file was unreadable \(not valid JSON: .*\); it was kept as .*tenant-data\.json\.corrupt-2025-03-14T12-00-00-000Z/);
    expect(data.state.accounts.length).toBeGreaterThan(0);
    const files = await readdir(dir);
    expect(files).toEqual(expect.arrayContaining([TENANT_DATA_FILE, 'tenant-data.json.corrupt-2025-03-14T12-00-00-000Z']));
    expect(await readFile(join(dir, 'tenant-data.json.corrupt-2025-03-14T12-00-00-000Z'), 'utf8')).toBe('{"schemaVersion": 1, "accounts": [');
  });

  it('keeps aside a file whose content does not fit the schema', async () => {
    await writeFile(join(dir, TENANT_DATA_FILE), JSON.stringify({ schemaVersion: 1, accounts: 'none' }), 'utf8');
    const data = await TenantData.open(dir, () => NOW);
    expect(data.warnings[0]).toMatch(/invalid content/);
    expect(data.state.accounts.length).toBeGreaterThan(0);
  });
});

describe('TenantData audit log', () => {
  it('keeps entries newest first', async () => {
    const data = await TenantData.open(dir, () => NOW);
    data.recordAudit(audit(1));
    data.recordAudit(audit(2));
    expect(data.auditLog.map((e) => e.at)).toEqual([NOW + 2, NOW + 1]);
  });

  it(`keeps at most ${AUDIT_LOG_LIMIT} entries, dropping the oldest`, async () => {
    const data = await TenantData.open(dir, () => NOW);
    for (let n = 1; n <= AUDIT_LOG_LIMIT + 5; n++) data.recordAudit(audit(n));
    expect(data.auditLog).toHaveLength(AUDIT_LOG_LIMIT);
    expect(data.auditLog[0]?.at).toBe(NOW + AUDIT_LOG_LIMIT + 5);
    expect(data.auditLog.at(-1)?.at).toBe(NOW + 6);
  });

  it('does not persist the audit log', async () => {
    const data = await TenantData.open(dir, () => NOW);
    data.recordAudit(audit(1));
    await data.save();
    const reopened = await TenantData.open(dir, () => NOW);
    expect(reopened.auditLog).toEqual([]);
  });
});
