/**
 * The mock's state in memory, loaded from and saved to `mock-state.json` in the data
 * directory. A first start seeds users and generates the regions' keys; a corrupt file
 * is moved aside, reported in `warnings`, and replaced by a fresh seed.
 */
import { join } from 'node:path';
import { JsonFileStore } from '../store/json-file-store';
import type { Clock } from './clock';
import { DEFAULT_SETTINGS, MOCK_ACCOUNT, STATE_MIGRATIONS, STATE_SCHEMA_VERSION, seedUsers, stateSchema, type MockState } from './mock-state';
import { createCertificateAuthority, issueServerCertificate } from './pki/certificate-authority';
import { X509Certificate } from 'node:crypto';
import { generateStoredKey, type StoredKey } from './signing-keys';

export const STATE_FILE = 'mock-state.json';

export class MockDatabase {
  readonly warnings: string[] = [];

  private constructor(
    private readonly store: JsonFileStore<MockState>,
    public state: MockState,
    private readonly clock: Clock,
  ) {}

  static async open(dataDir: string, clock: Clock): Promise<MockDatabase> {
    const store = new JsonFileStore<MockState>({
      path: join(dataDir, STATE_FILE),
      schemaVersion: STATE_SCHEMA_VERSION,
      validate: (value) => stateSchema.parse(value),
      migrations: STATE_MIGRATIONS,
      now: () => new Date(clock.now()),
    });
    const loaded = await store.load();
    const database = new MockDatabase(store, loaded.kind === 'loaded' ? loaded.value : freshState(new Date(clock.now()).toISOString()), clock);
    if (loaded.kind === 'corrupt') {
      database.warnings.push(`the mock's state file was unreadable (${loaded.reason}); it was kept as ${loaded.movedTo} and a fresh state was created`);
    }
    const pkiChanged = database.ensurePki();
    if (loaded.kind !== 'loaded' || loaded.migratedFrom !== undefined || pkiChanged) await database.save();
    return database;
  }

  /**
   * Creates the CA on first start, and renews the TLS server certificate when it is due
   * within 30 days by real time (TLS clients check it by their own clock).
   */
  private ensurePki(): boolean {
    const realNow = Date.now();
    if (!this.state.pki) {
      const ca = createCertificateAuthority(realNow);
      this.state.pki = { ca, server: issueServerCertificate(ca, realNow) };
      return true;
    }
    const serverValidTo = new Date(new X509Certificate(this.state.pki.server.certPem).validTo).getTime();
    if (serverValidTo - realNow < 30 * 24 * 60 * 60 * 1000) {
      this.state.pki.server = issueServerCertificate(this.state.pki.ca, realNow);
      return true;
    }
    return false;
  }

  /** The PKI, which `open` guarantees exists. */
  get pki(): NonNullable<MockState['pki']> {
    if (!this.state.pki) throw new Error('the mock PKI is not initialised');
    return this.state.pki;
  }

  get dataFile(): string {
    return this.store.path;
  }

  /** Persists the current state; drops revocations of tokens that have expired anyway. */
  save(): Promise<void> {
    // Real time, not the mock clock: a clock moved forward and back must not resurrect a revoked token.
    const nowSeconds = Math.floor(Math.min(this.clock.now(), Date.now()) / 1000);
    this.state.revokedTokens = this.state.revokedTokens.filter((r) => r.exp > nowSeconds);
    return this.store.save(this.state);
  }

  flush(): Promise<void> {
    return this.store.flush();
  }
}

function freshState(createdAt: string): MockState {
  const regionKeys = (): StoredKey[] => [generateStoredKey('ES256'), generateStoredKey('RS256')];
  return {
    schemaVersion: STATE_SCHEMA_VERSION,
    account: { ...MOCK_ACCOUNT },
    settings: { ...DEFAULT_SETTINGS },
    applications: [],
    users: seedUsers(createdAt),
    keys: { us: regionKeys(), eu: regionKeys() },
    revokedTokens: [],
    pki: null,
  };
}
