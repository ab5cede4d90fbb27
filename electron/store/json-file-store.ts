/**
 * A JSON document on disk with atomic, crash-safe writes (write a temporary file, fsync,
 * rename over the old one, fsync the folder), a schema version with migrations, and a
 * corrupt file moved aside and reported rather than dropped.
 */
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface VersionedDocument {
  readonly schemaVersion: number;
}

export interface JsonFileStoreOptions<T extends VersionedDocument> {
  readonly path: string;
  readonly schemaVersion: number;
  /** Checks a parsed document of the current version; throws with a reason when it is not one. */
  readonly validate: (value: unknown) => T;
  /** Upgrades a document of an older version by one step: `migrations[n]` takes version n to n + 1. */
  readonly migrations?: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>>;
  readonly now?: () => Date;
}

export type LoadResult<T> =
  | { readonly kind: 'missing' }
  | { readonly kind: 'loaded'; readonly value: T; readonly migratedFrom?: number }
  | { readonly kind: 'corrupt'; readonly movedTo: string; readonly reason: string };

export class NewerSchemaError extends Error {
  readonly code = 'newer_schema';
  constructor(path: string, found: number, supported: number) {
    super(`"${path}" was written by a newer version (schema ${found}; this one reads up to ${supported}); refusing to overwrite it`);
  }
}

export class JsonFileStore<T extends VersionedDocument> {
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: JsonFileStoreOptions<T>) {}

  get path(): string {
    return this.options.path;
  }

  async load(): Promise<LoadResult<T>> {
    let text: string;
    try {
      text = await readFile(this.options.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return this.setAside(`not valid JSON: ${(error as Error).message}`);
    }
    const version = typeof parsed === 'object' && parsed !== null ? (parsed as { schemaVersion?: unknown }).schemaVersion : undefined;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return this.setAside('no "schemaVersion"');
    }
    if (version > this.options.schemaVersion) throw new NewerSchemaError(this.options.path, version, this.options.schemaVersion);
    let document = parsed as Record<string, unknown>;
    for (let v = version; v < this.options.schemaVersion; v++) {
      const migrate = this.options.migrations?.[v];
      if (!migrate) return this.setAside(`no migration from schema ${v}`);
      try {
        document = { ...migrate(document), schemaVersion: v + 1 };
      } catch (error) {
        return this.setAside(`migration from schema ${v} failed: ${(error as Error).message}`);
      }
    }
    try {
      const value = this.options.validate(document);
      return version === this.options.schemaVersion ? { kind: 'loaded', value } : { kind: 'loaded', value, migratedFrom: version };
    } catch (error) {
      return this.setAside(`invalid content: ${(error as Error).message}`);
    }
  }

  /** Writes are queued so that two saves never interleave; each one is atomic on its own. */
  save(value: T): Promise<void> {
    let text: string;
    try {
      // Serialised now, so that later changes to `value` do not leak into this write.
      text = `${JSON.stringify(value, null, 2)}\n`;
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const next = this.writing.then(() => writeAtomically(this.options.path, text));
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every queued write has reached the disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  private async setAside(reason: string): Promise<LoadResult<T>> {
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const firstChoice = join(dirname(this.options.path), `${basename(this.options.path)}.corrupt-${stamp}`);
    // Never rename over an earlier corrupt file: with a frozen clock two would share a stamp.
    let movedTo = firstChoice;
    for (let n = 2; await exists(movedTo); n++) movedTo = `${firstChoice}-${n}`;
    await rename(this.options.path, movedTo);
    return { kind: 'corrupt', movedTo, reason };
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function writeAtomically(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    // A failed write must not leave its temporary file behind.
    await rm(temporary, { force: true });
    throw error;
  }
  const directory = await open(folder, 'r');
  try {
    await directory.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the rename is already durable there.
  } finally {
    await directory.close();
  }
}
