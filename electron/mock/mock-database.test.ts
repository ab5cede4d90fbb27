/**
 * The mock's state on disk: seeded on first start, kept across restarts, a corrupt file
 * set aside and reported, and revocations dropped once their tokens have expired.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewerSchemaError } from '../store/json-file-store';
import { MockClock } from './clock';
import { MockDatabase, STATE_FILE } from './mock-database';
import type { StoredApplication } from './mock-state';
import { generateStoredKey } from './signing-keys';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mock-database-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

function application(clientId: string): StoredApplication {
  return {
    clientId,
    name: 'Nightly sync',
    region: 'eu',
    grantType: 'client_credentials',
    callbackUrls: [],
    actingUserId: 'u-1003',
    scopes: ['account:read', 'user:upsert'],
    accessTokenTtlSeconds: 3600,
    mutualTls: false,
    clientSecretHash: 'scrypt$32768$8$1$c2FsdA$aGFzaA',
    certificate: null,
    retiredCertificates: [],
    createdAt: '2024-05-06T07:08:09.010Z',
    updatedAt: '2024-05-06T07:08:09.010Z',
  };
}

describe('MockDatabase.open on an empty data directory', () => {
  it('seeds five users, among them active, disabled and deleted ones, and writes the state file', async () => {
    const database = await MockDatabase.open(dataDir, new MockClock());
    expect(database.state.users).toHaveLength(5);
    expect(new Set(database.state.users.map((u) => u.status))).toEqual(new Set(['active', 'disabled', 'deleted']));
    expect(new Set(database.state.users.map((u) => u.id)).size).toBe(5);
    expect(database.state.applications).toEqual([]);
    expect(database.warnings).toEqual([]);
    expect(database.dataFile).toBe(join(dataDir, STATE_FILE));
    expect(JSON.parse(await readFile(join(dataDir, STATE_FILE), 'utf8'))).toEqual(database.state);
  });

  it('generates an ES256 and an RS256 key for each region, each with its own kid', async () => {
    const { keys } = (await MockDatabase.open(dataDir, new MockClock())).state;
    for (const region of [keys.us, keys.eu]) {
      expect(region.map((k) => [k.alg, k.kty])).toEqual([
        ['ES256', 'EC'],
        ['RS256', 'RSA'],
      ]);
    }
    const kids = [...keys.us, ...keys.eu].map((k) => k.kid);
    expect(new Set(kids).size).toBe(4);
  });

  it('creates the PKI', async () => {
    const database = await MockDatabase.open(dataDir, new MockClock());
    expect(database.pki.ca.certPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(database.pki.server.certPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });
});

describe('MockDatabase.open on a data directory used before', () => {
  it('keeps applications, users, keys, revocations and the PKI', async () => {
    const first = await MockDatabase.open(dataDir, new MockClock());
    first.state.applications.push(application('app-1'));
    const user = first.state.users.find((u) => u.status === 'active');
    if (!user) throw new Error('the seed has no active user');
    user.status = 'disabled';
    first.state.revokedTokens.push({ jti: 'jti-still-valid', exp: nowSeconds() + 3600 });
    await first.save();

    const second = await MockDatabase.open(dataDir, new MockClock());
    expect(second.state).toEqual(first.state);
    expect(second.state.applications.map((a) => a.clientId)).toEqual(['app-1']);
    expect(second.state.revokedTokens).toEqual([{ jti: 'jti-still-valid', exp: expect.any(Number) }]);
    expect(second.warnings).toEqual([]);
  });

  it('sets a corrupt state file aside, reports it in warnings and starts afresh', async () => {
    const statePath = join(dataDir, STATE_FILE);
    await writeFile(statePath, '{"schemaVersion": 2, "applications": [');
    const clock = new MockClock(() => Date.parse('2024-05-06T07:08:09.010Z'));

    const database = await MockDatabase.open(dataDir, clock);

    const movedTo = join(dataDir, `${STATE_FILE}.corrupt-2024-05-06T07-08-09-010Z`);
    expect(database.warnings).toHaveLength(1);
    expect(database.warnings[0]).toMatch(/^the mock's state file was unreadable \(not valid JSON: .*\); it was kept as /);
    expect(database.warnings[0]).toContain(movedTo);
    expect(await readFile(movedTo, 'utf8')).toBe('{"schemaVersion": 2, "applications": [');
    expect(database.state.users).toHaveLength(5);
    expect(JSON.parse(await readFile(statePath, 'utf8'))).toEqual(database.state);
    expect((await readdir(dataDir)).sort()).toEqual([STATE_FILE, `${STATE_FILE}.corrupt-2024-05-06T07-08-09-010Z`].sort());
  });

  it('sets aside a state file that fails the schema, naming the field', async () => {
    const first = await MockDatabase.open(dataDir, new MockClock());
    const broken = { ...first.state, settings: { ...first.state.settings, applicationLimit: 'two' } };
    await writeFile(join(dataDir, STATE_FILE), JSON.stringify(broken));

    const database = await MockDatabase.open(dataDir, new MockClock());

    expect(database.warnings).toHaveLength(1);
    expect(database.warnings[0]).toMatch(/invalid content: .*applicationLimit/s);
    expect(database.state.settings.applicationLimit).toBe(2);
  });

  it('refuses a state file written by a newer version and leaves it alone', async () => {
    const bytes = JSON.stringify({ schemaVersion: 99 });
    await writeFile(join(dataDir, STATE_FILE), bytes);
    await expect(MockDatabase.open(dataDir, new MockClock())).rejects.toBeInstanceOf(NewerSchemaError);
    await expect(MockDatabase.open(dataDir, new MockClock())).rejects.toMatchObject({ code: 'newer_schema' });
    expect(await readFile(join(dataDir, STATE_FILE), 'utf8')).toBe(bytes);
  });

  it('migrates a schema 1 file: applications get no certificate, the PKI is created, the file is rewritten', async () => {
    const schema1 = {
      schemaVersion: 1,
      account: { name: 'Acme Demo', serviceId: '9013' },
      settings: { applicationLimit: 2, pkceRequired: false, signingAlgorithm: 'ES256', authorizationCodeTtlSeconds: 60 },
      applications: [(({ certificate: _c, retiredCertificates: _r, ...rest }) => rest)(application('old-app'))],
      users: [],
      keys: { us: [generateStoredKey('ES256')], eu: [generateStoredKey('ES256')] },
      revokedTokens: [],
    };
    await writeFile(join(dataDir, STATE_FILE), JSON.stringify(schema1));

    const database = await MockDatabase.open(dataDir, new MockClock());

    expect(database.warnings).toEqual([]);
    expect(database.state.applications).toEqual([application('old-app')]);
    expect(database.pki.ca.certPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const onDisk = JSON.parse(await readFile(join(dataDir, STATE_FILE), 'utf8')) as { schemaVersion: number };
    expect(onDisk.schemaVersion).toBe(2);
  });
});

describe('MockDatabase.save', () => {
  it('drops revocations of tokens that have expired', async () => {
    const database = await MockDatabase.open(dataDir, new MockClock());
    database.state.revokedTokens.push({ jti: 'expired', exp: nowSeconds() - 5 }, { jti: 'live', exp: nowSeconds() + 3600 });
    await database.save();
    expect(database.state.revokedTokens.map((r) => r.jti)).toEqual(['live']);
    const reopened = await MockDatabase.open(dataDir, new MockClock());
    expect(reopened.state.revokedTokens.map((r) => r.jti)).toEqual(['live']);
  });

  it('keeps a revocation whose token is still valid by real time when the mock clock runs ahead', async () => {
    const clock = new MockClock();
    const database = await MockDatabase.open(dataDir, clock);
    database.state.revokedTokens.push({ jti: 'live', exp: nowSeconds() + 3600 });
    clock.advance(2 * 60 * 60 * 1000);
    await database.save();
    expect(database.state.revokedTokens.map((r) => r.jti)).toEqual(['live']);
  });

  it('keeps a revocation whose token the mock clock, moved back, still sees as valid', async () => {
    const clock = new MockClock();
    const database = await MockDatabase.open(dataDir, clock);
    database.state.revokedTokens.push({ jti: 'expired-in-real-time', exp: nowSeconds() - 60 });
    clock.advance(-60 * 60 * 1000);
    await database.save();
    // By the mock's clock the token has an hour left: dropping its revocation would resurrect it.
    expect(database.state.revokedTokens.map((r) => r.jti)).toEqual(['expired-in-real-time']);
    clock.reset();
    await database.save();
    expect(database.state.revokedTokens).toEqual([]);
  });
});
