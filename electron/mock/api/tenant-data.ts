/**
 * The mock tenant's data in memory, loaded from and saved to `tenant-data.json` in the
 * data directory: what the 29 catalogued endpoints read and write. A first start seeds
 * it; a corrupt file is moved aside, reported in `warnings`, and replaced by the seed.
 * The audit log of API calls is kept in memory only, newest first.
 */
import { join } from 'node:path';
import { JsonFileStore } from '../../store/json-file-store';
import { seedTenant } from './tenant-seed';
import { TENANT_SCHEMA_VERSION, tenantDocumentSchema, type Account, type CollectionType, type TenantDocument } from './tenant-schema';

export const TENANT_DATA_FILE = 'tenant-data.json';

/** The audit log keeps this many calls; older ones fall off. */
export const AUDIT_LOG_LIMIT = 1000;

/** One API call as the resource server records it, after it has answered. */
export interface AuditEntry {
  /** Milliseconds since the epoch by the mock's clock. */
  readonly at: number;
  readonly userId: string;
  readonly userEmail: string;
  readonly clientId: string;
  readonly method: string;
  readonly path: string;
  readonly endpointId: string;
  readonly status: number;
  /** The error code of a refused or failed call (`insufficient_scope`, `invalid_request`, …); null when it succeeded. */
  readonly error: string | null;
}

export class TenantData {
  readonly warnings: string[] = [];
  private auditEntries: AuditEntry[] = [];

  private constructor(
    private readonly store: JsonFileStore<TenantDocument>,
    /** The tenant's current data; handlers change it in place and then `save()`. */
    public state: TenantDocument,
    private readonly now: () => number,
  ) {}

  /** Loads the tenant's data from `dataDir`, seeding it when the file is missing or unreadable. */
  static async open(dataDir: string, now: () => number): Promise<TenantData> {
    const store = new JsonFileStore<TenantDocument>({
      path: join(dataDir, TENANT_DATA_FILE),
      schemaVersion: TENANT_SCHEMA_VERSION,
      validate: (value) => tenantDocumentSchema.parse(value),
      now: () => new Date(now()),
    });
    const loaded = await store.load();
    const data = new TenantData(store, loaded.kind === 'loaded' ? loaded.value : seedTenant(now()), now);
    if (loaded.kind === 'corrupt') {
      data.warnings.push(`the tenant data file was unreadable (${loaded.reason}); it was kept as ${loaded.movedTo} and the seed data was restored`);
    }
    if (loaded.kind !== 'loaded' || loaded.migratedFrom !== undefined) await data.save();
    return data;
  }

  /** Back to the seed data (dated from now), persisted; the audit log is cleared too. */
  async reset(): Promise<void> {
    this.state = seedTenant(this.now());
    this.auditEntries = [];
    await this.save();
  }

  /** Persists the current data atomically; saves are queued so they never interleave. */
  save(): Promise<void> {
    return this.store.save(this.state);
  }

  /** Resolves once every queued save has reached the disk. */
  flush(): Promise<void> {
    return this.store.flush();
  }

  get dataFile(): string {
    return this.store.path;
  }

  /** Remembers one API call, newest first, at most {@link AUDIT_LOG_LIMIT}; not persisted. */
  recordAudit(entry: AuditEntry): void {
    this.auditEntries.unshift({ ...entry });
    if (this.auditEntries.length > AUDIT_LOG_LIMIT) this.auditEntries.length = AUDIT_LOG_LIMIT;
  }

  /** The recorded API calls, newest first. */
  get auditLog(): readonly AuditEntry[] {
    return this.auditEntries;
  }

  findAccount(accountId: string): Account | undefined {
    return this.state.accounts.find((account) => account.id === accountId);
  }

  /** A collection type by its name; int-hub paths name it case-sensitively, search leniently. */
  findCollectionType(type: string): CollectionType | undefined {
    return this.state.collectionTypes.find((c) => c.type === type) ?? this.state.collectionTypes.find((c) => c.type.toLowerCase() === type.toLowerCase());
  }

  /** The next touchpoint (note) id; ids are never reused, even after a delete. */
  takeNoteId(): number {
    return this.state.counters.nextNoteId++;
  }

  /** The next timeline event id (`evt-…`). */
  takeEventId(): string {
    return `evt-${this.state.counters.nextEventId++}`;
  }
}
