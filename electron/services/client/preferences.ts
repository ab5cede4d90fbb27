/**
 * The Lab's preferences, kept in `preferences.json` in the data directory: the loopback
 * callback port, the theme, the selected target and the custom targets. Written
 * atomically and versioned (`json-file-store.ts`); a corrupt file is set aside and
 * reported, and the defaults take over. No secret is ever kept here.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { JsonFileStore } from '../../store/json-file-store';

export const PREFERENCES_FILE = 'preferences.json';
const SCHEMA_VERSION = 1;

export const DEFAULT_TARGET = 'mock:us';

const customTargetSchema = z.strictObject({
  baseUrl: z.string().min(1).max(2048),
  label: z.string().max(100).optional(),
  /** A CA to trust for this target (public certificates only). */
  caPem: z.string().max(200_000).optional(),
});
export type CustomTarget = z.infer<typeof customTargetSchema>;

const documentSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  callbackPort: z.number().int().min(1024).max(65535).nullable(),
  theme: z.enum(['light', 'dark', 'auto']),
  selectedTarget: z.string().min(1).max(2100),
  customTargets: z.array(customTargetSchema).max(100),
});
export type PreferencesDocument = z.infer<typeof documentSchema>;

export type PreferenceChanges = Partial<Omit<PreferencesDocument, 'schemaVersion'>>;

export const DEFAULT_PREFERENCES: PreferencesDocument = Object.freeze({
  schemaVersion: SCHEMA_VERSION,
  callbackPort: null,
  theme: 'auto',
  selectedTarget: DEFAULT_TARGET,
  customTargets: [],
});

export interface PreferencesStoreOptions {
  readonly dataDir: string;
  /** Told when the file was unreadable and set aside (nothing is lost silently). */
  readonly onCorruptFile: (movedTo: string, reason: string) => void;
}

/** The preferences in memory, written through to the file on every change. */
export class PreferencesStore {
  readonly #file: JsonFileStore<PreferencesDocument>;
  #current: PreferencesDocument = DEFAULT_PREFERENCES;

  private constructor(file: JsonFileStore<PreferencesDocument>) {
    this.#file = file;
  }

  static async open(options: PreferencesStoreOptions): Promise<PreferencesStore> {
    const file = new JsonFileStore<PreferencesDocument>({
      path: join(options.dataDir, PREFERENCES_FILE),
      schemaVersion: SCHEMA_VERSION,
      validate: (value) => documentSchema.parse(value),
    });
    const store = new PreferencesStore(file);
    const loaded = await file.load();
    if (loaded.kind === 'corrupt') options.onCorruptFile(loaded.movedTo, loaded.reason);
    if (loaded.kind === 'loaded') store.#current = loaded.value;
    return store;
  }

  get current(): PreferencesDocument {
    return this.#current;
  }

  get path(): string {
    return this.#file.path;
  }

  async update(changes: PreferenceChanges): Promise<PreferencesDocument> {
    const next = documentSchema.parse({ ...this.#current, ...changes });
    await this.#file.save(next);
    this.#current = next;
    return next;
  }

  /** Adds a custom target, or replaces the one with the same base URL. */
  async putCustomTarget(target: CustomTarget): Promise<PreferencesDocument> {
    const others = this.#current.customTargets.filter((t) => t.baseUrl !== target.baseUrl);
    return this.update({ customTargets: [...others, target] });
  }

  async removeCustomTarget(baseUrl: string): Promise<PreferencesDocument> {
    return this.update({ customTargets: this.#current.customTargets.filter((t) => t.baseUrl !== baseUrl) });
  }
}
