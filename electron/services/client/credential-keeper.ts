/**
 * The credentials loaded for each target: in memory for the session, and, when the user
 * asks to remember them and the system's key store is available, sealed on disk
 * through the client engine's `CredentialStore` (Electron `safeStorage`). The window
 * only ever sees a summary: client ID, auth method, whether a secret is held, the
 * certificate's subject, thumbprint and expiry. Never a secret.
 */
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import type { CredentialsSummary } from '../../../shared/contract/client-schemas';
import { isLabError } from '../../client/flows/lab-error';
import type { AppCredentials } from '../../client/targets/app-credentials';
import { CredentialStore, type SecretStore } from '../../client/targets/credentials';
import { ServiceError } from '../service-error';

export const CREDENTIALS_FILE = 'credentials.json';

export interface CredentialKeeperOptions {
  readonly dataDir: string;
  readonly secretStore?: SecretStore;
  readonly onCorruptFile: (movedTo: string, reason: string) => void;
}

export class CredentialKeeper {
  readonly #session = new Map<string, AppCredentials>();
  readonly #persisted = new Set<string>();
  readonly #sealed: CredentialStore;

  constructor(private readonly options: CredentialKeeperOptions) {
    this.#sealed = new CredentialStore({
      filePath: join(options.dataDir, CREDENTIALS_FILE),
      persist: true,
      onCorruptFile: options.onCorruptFile,
      ...(options.secretStore === undefined ? {} : { secretStore: options.secretStore }),
    });
  }

  /** Whether credentials can be remembered on disk (sealed). */
  get canPersist(): boolean {
    return this.#sealed.persistent;
  }

  /** The credentials of a target: this session's, else the remembered ones (unsealed on first use). */
  async get(targetKey: string): Promise<AppCredentials | undefined> {
    const held = this.#session.get(targetKey);
    if (held !== undefined || !this.#sealed.persistent) return held;
    const unsealed = await this.#sealed.get(targetKey);
    if (unsealed !== undefined) {
      this.#session.set(targetKey, unsealed);
      this.#persisted.add(targetKey);
    }
    return unsealed;
  }

  /** Holds the credentials for the session, and seals them on disk when `remember` is set. */
  async set(targetKey: string, credentials: AppCredentials, remember: boolean): Promise<{ persisted: boolean }> {
    if (remember && !this.#sealed.persistent) {
      throw new ServiceError('credentials_unavailable', 'credentials cannot be remembered here: no system key store is available to encrypt them (they are kept for this session only when "remember" is false)', { field: 'remember' });
    }
    this.#session.set(targetKey, credentials);
    if (remember) {
      await this.#sealed.save(targetKey, credentials);
      this.#persisted.add(targetKey);
      return { persisted: true };
    }
    // Loaded again without "remember": the old sealed copy must not come back next launch.
    if (this.#persisted.delete(targetKey) || (await this.isSealed(targetKey))) await this.#sealed.remove(targetKey);
    return { persisted: false };
  }

  /** Forgets a target's credentials in memory and on disk; whether there were any. */
  async forget(targetKey: string): Promise<boolean> {
    const held = this.#session.delete(targetKey);
    const sealed = await this.isSealed(targetKey);
    this.#persisted.delete(targetKey);
    if (sealed) await this.#sealed.remove(targetKey);
    return held || sealed;
  }

  /** Every secret held, to scrub exports with (never shown). */
  knownSecrets(): string[] {
    const secrets: string[] = [];
    for (const credentials of this.#session.values()) {
      const secret = credentials.clientSecret();
      if (secret !== undefined) secrets.push(secret);
      const source = credentials.certificateSource();
      if (source?.kind === 'pkcs12') secrets.push(source.password);
    }
    return secrets;
  }

  /** The summary the window shows; unreadable sealed credentials show as held without a secret. */
  async summary(targetKey: string): Promise<CredentialsSummary | null> {
    let credentials: AppCredentials | undefined;
    try {
      credentials = await this.get(targetKey);
    } catch (error) {
      if (!isLabError(error) || error.code !== 'credentials_unavailable') throw error;
      const entry = (await this.#sealed.list()).find((s) => s.targetKey === targetKey);
      return entry === undefined ? null : { clientId: entry.clientId, authMethod: entry.authMethod, hasClientSecret: false, certificate: null, hasCustomCa: false, persisted: true };
    }
    if (credentials === undefined) return null;
    return summarize(credentials, this.#persisted.has(targetKey));
  }

  private async isSealed(targetKey: string): Promise<boolean> {
    if (!this.#sealed.persistent) return false;
    return (await this.#sealed.list()).some((s) => s.targetKey === targetKey);
  }
}

export function summarize(credentials: AppCredentials, persisted: boolean): CredentialsSummary {
  let certificate: ReturnType<AppCredentials['certificate']>;
  try {
    certificate = credentials.certificate();
  } catch {
    // Checked when loaded; a remembered one that no longer loads shows as none, and its use says why.
    certificate = undefined;
  }
  return {
    clientId: credentials.clientId,
    authMethod: credentials.authMethod,
    hasClientSecret: credentials.hasClientSecret,
    certificate: certificate === undefined ? null : { subject: certificate.subject, thumbprint: certificate.thumbprint, notAfter: certificate.validTo.toISOString() },
    hasCustomCa: credentials.caPem !== undefined,
    persisted,
  };
}

const CERTIFICATE_PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Checks a CA bundle: at least one certificate, each readable. */
export function checkCaPem(caPem: string, field: string): string {
  const pems = caPem.match(CERTIFICATE_PEM) ?? [];
  if (pems.length === 0) throw new ServiceError('invalid_input', `"${field}" holds no certificate (expected -----BEGIN CERTIFICATE-----)`, { field });
  for (const pem of pems) {
    try {
      new X509Certificate(pem);
    } catch (error) {
      throw new ServiceError('invalid_input', `a certificate in "${field}" cannot be read`, { field, cause: error });
    }
  }
  return caPem;
}
