/**
 * The headless opt-in for keeping real-region credentials on disk: AES-256-GCM under a
 * key derived with scrypt from a passphrase the user supplies (the app uses Electron's
 * `safeStorage` instead). Each sealed value carries its own salt and nonce:
 * `v1.<salt>.<nonce>.<tag>.<ciphertext>`, base64url parts.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback } from 'node:crypto';
import { LabError } from '../flows/lab-error';
import type { SecretStore } from './credentials';

/** The environment variable the command line reads the passphrase from. */
export const PASSPHRASE_VARIABLE = 'TOTANGO_LAB_PASSPHRASE';
export const MIN_PASSPHRASE_LENGTH = 8;
const TAG_LENGTH = 16;

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(passphrase, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export class PassphraseSecretStore implements SecretStore {
  readonly available = true;
  // A true private field: util.inspect and console.log do not show it.
  readonly #passphrase: string;

  constructor(passphrase: string) {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new LabError('invalid_configuration', `the passphrase in "${PASSPHRASE_VARIABLE}" must be at least ${MIN_PASSPHRASE_LENGTH} characters`);
    }
    this.#passphrase = passphrase;
  }

  async encrypt(plain: string): Promise<Buffer> {
    const salt = randomBytes(16);
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await deriveKey(this.#passphrase, salt), nonce, { authTagLength: TAG_LENGTH });
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = ['v1', ...[salt, nonce, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'))];
    return Buffer.from(parts.join('.'), 'ascii');
  }

  async decrypt(sealed: Buffer): Promise<string> {
    const [version, salt, nonce, tag, ciphertext] = sealed.toString('ascii').split('.');
    if (version !== 'v1' || !salt || !nonce || !tag || ciphertext === undefined) {
      throw new LabError('credentials_unavailable', 'the stored credentials are not in a format this version reads');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', await deriveKey(this.#passphrase, Buffer.from(salt, 'base64url')), Buffer.from(nonce, 'base64url'), {
        // A fixed tag length: a file cut down to a shorter tag must not weaken the check.
        authTagLength: TAG_LENGTH,
      });
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch (error) {
      // GCM's tag check fails alike for a wrong passphrase and for altered bytes: both are refused.
      throw new LabError('credentials_unavailable', `the stored credentials do not open with the passphrase in "${PASSPHRASE_VARIABLE}"`, { cause: error });
    }
  }

  /** Never shows the passphrase. */
  toJSON(): string {
    return 'PassphraseSecretStore';
  }
}
