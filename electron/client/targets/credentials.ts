/**
 * Where the credentials of real-region apps live. With a secret store available (the
 * app's Electron `safeStorage`) and persistence chosen, in a JSON file whose secret
 * part is sealed by that store; otherwise in memory only, gone when the process ends.
 * The file holds the client ID and auth method in the clear (for listing) and nothing
 * else readable. Nothing here logs, and no error message carries a secret.
 */
import { z } from 'zod';
import { JsonFileStore } from '../../store/json-file-store';
import { LabError } from '../flows/lab-error';
import { AppCredentials, type AppCredentialsInput, type ClientAuthMethod } from './app-credentials';

/** Encrypts and decrypts with a key the caller never sees (Electron `safeStorage`, or a test double). */
export interface SecretStore {
  readonly available: boolean;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<string>;
}

export interface CredentialStoreOptions {
  /** The JSON file (in the data directory). */
  readonly filePath: string;
  readonly secretStore?: SecretStore;
  /** Keep credentials on disk (sealed) when a secret store is available; default false: memory only. */
  readonly persist?: boolean;
  /** Told when the file could not be read and was moved aside (nothing is lost silently). */
  readonly onCorruptFile?: (movedTo: string, reason: string) => void;
}

export interface StoredCredentialsSummary {
  readonly targetKey: string;
  readonly clientId: string;
  readonly authMethod: ClientAuthMethod;
}

const SCHEMA_VERSION = 1;
const entrySchema = z.strictObject({ clientId: z.string(), authMethod: z.enum(['client_secret_basic', 'client_secret_post']), sealed: z.string() });
const documentSchema = z.strictObject({ schemaVersion: z.literal(SCHEMA_VERSION), targets: z.record(z.string(), entrySchema) });
type CredentialsDocument = z.infer<typeof documentSchema>;

/** What is sealed: the secrets, with PKCS#12 bytes as base64. */
const sealedSchema = z.strictObject({
  clientSecret: z.string().optional(),
  caPem: z.string().optional(),
  certificate: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('pem'), certificatePem: z.string(), privateKeyPem: z.string().optional() }),
      z.strictObject({ kind: z.literal('pkcs12'), pkcs12: z.string(), password: z.string() }),
    ])
    .optional(),
});

export class CredentialStore {
  private readonly memory = new Map<string, AppCredentials>();
  private readonly file: JsonFileStore<CredentialsDocument>;

  constructor(private readonly options: CredentialStoreOptions) {
    this.file = new JsonFileStore({ path: options.filePath, schemaVersion: SCHEMA_VERSION, validate: (value) => documentSchema.parse(value) });
  }

  /** Whether saved credentials reach the disk (sealed) rather than memory only. */
  get persistent(): boolean {
    return this.options.persist === true && this.options.secretStore?.available === true;
  }

  async save(targetKey: string, credentials: AppCredentials): Promise<{ readonly persisted: boolean }> {
    this.memory.set(targetKey, credentials);
    if (!this.persistent || !this.options.secretStore) return { persisted: false };
    const input = credentials.toInput();
    const certificate = input.certificate;
    const secrets = {
      ...(input.clientSecret === undefined ? {} : { clientSecret: input.clientSecret }),
      ...(input.caPem === undefined ? {} : { caPem: input.caPem }),
      ...(certificate === undefined ? {} : { certificate: certificate.kind === 'pem' ? certificate : { kind: 'pkcs12' as const, pkcs12: Buffer.from(certificate.pkcs12).toString('base64'), password: certificate.password } }),
    };
    const sealed = (await this.options.secretStore.encrypt(JSON.stringify(secrets))).toString('base64');
    const document = await this.document();
    await this.file.save({ ...document, targets: { ...document.targets, [targetKey]: { clientId: credentials.clientId, authMethod: credentials.authMethod, sealed } } });
    return { persisted: true };
  }

  async get(targetKey: string): Promise<AppCredentials | undefined> {
    const inMemory = this.memory.get(targetKey);
    if (inMemory !== undefined || !this.persistent || !this.options.secretStore) return inMemory;
    const entry = (await this.document()).targets[targetKey];
    if (entry === undefined) return undefined;
    let secrets: z.infer<typeof sealedSchema>;
    try {
      secrets = sealedSchema.parse(JSON.parse(await this.options.secretStore.decrypt(Buffer.from(entry.sealed, 'base64'))));
    } catch (error) {
      throw new LabError('credentials_unavailable', `the stored credentials of "${targetKey}" cannot be unsealed (the system's key store may have changed); enter them again`, { cause: error });
    }
    const certificate = secrets.certificate;
    const input: AppCredentialsInput = {
      clientId: entry.clientId,
      authMethod: entry.authMethod,
      ...(secrets.clientSecret === undefined ? {} : { clientSecret: secrets.clientSecret }),
      ...(secrets.caPem === undefined ? {} : { caPem: secrets.caPem }),
      ...(certificate === undefined
        ? {}
        : { certificate: certificate.kind === 'pem' ? (certificate.privateKeyPem === undefined ? { kind: 'pem', certificatePem: certificate.certificatePem } : { kind: 'pem', certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem }) : { kind: 'pkcs12', pkcs12: Buffer.from(certificate.pkcs12, 'base64'), password: certificate.password } }),
    };
    const credentials = new AppCredentials(input);
    this.memory.set(targetKey, credentials);
    return credentials;
  }

  async remove(targetKey: string): Promise<void> {
    this.memory.delete(targetKey);
    if (!this.persistent) return;
    const document = await this.document();
    if (!(targetKey in document.targets)) return;
    const targets = { ...document.targets };
    delete targets[targetKey];
    await this.file.save({ ...document, targets });
  }

  async list(): Promise<StoredCredentialsSummary[]> {
    const summaries = new Map<string, StoredCredentialsSummary>();
    if (this.persistent) {
      for (const [targetKey, entry] of Object.entries((await this.document()).targets)) summaries.set(targetKey, { targetKey, clientId: entry.clientId, authMethod: entry.authMethod });
    }
    for (const [targetKey, credentials] of this.memory) summaries.set(targetKey, { targetKey, clientId: credentials.clientId, authMethod: credentials.authMethod });
    return [...summaries.values()];
  }

  private async document(): Promise<CredentialsDocument> {
    const loaded = await this.file.load();
    if (loaded.kind === 'corrupt') this.options.onCorruptFile?.(loaded.movedTo, loaded.reason);
    return loaded.kind === 'loaded' ? loaded.value : { schemaVersion: SCHEMA_VERSION, targets: {} };
  }
}
