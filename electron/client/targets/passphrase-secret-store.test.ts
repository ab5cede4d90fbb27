/**
 * The headless secret store: AES-256-GCM under a scrypt key from a passphrase. What it
 * seals opens only with the same passphrase and unaltered bytes, and no error or
 * serialisation of it shows the passphrase.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AnyLabError } from '../flows/lab-error';
import { rejectionOf } from '../testing/test-support';
import { PassphraseSecretStore } from './passphrase-secret-store';

const PASSPHRASE = 'correct horse battery staple';
const PLAIN = JSON.stringify({ clientSecret: 'kq3uN0m8-real-region-secret-value', certificate: { kind: 'pem', privateKeyPem: '-----BEGIN PRIVATE KEY-----' } });

function thrownBy(run: () => unknown): AnyLabError {
  try {
    run();
  } catch (error) {
    return error as AnyLabError;
  }
  throw new Error('expected an error, and none was thrown');
}

describe('PassphraseSecretStore', () => {
  it('opens what it sealed, with the same passphrase in another instance', async () => {
    const sealed = await new PassphraseSecretStore(PASSPHRASE).encrypt(PLAIN);
    await expect(new PassphraseSecretStore(PASSPHRASE).decrypt(sealed)).resolves.toBe(PLAIN);
  });

  it('seals one value differently each time (fresh salt and nonce), and never in the clear', async () => {
    const store = new PassphraseSecretStore(PASSPHRASE);
    const [first, second] = await Promise.all([store.encrypt(PLAIN), store.encrypt(PLAIN)]);
    expect(first.equals(second)).toBe(false);
    for (const sealed of [first, second]) {
      const text = sealed.toString('latin1');
      expect(text).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
      for (const part of ['kq3uN0m8-real-region-secret-value', 'PRIVATE KEY', PASSPHRASE]) {
        expect(text).not.toContain(part);
        expect(text).not.toContain(Buffer.from(part).toString('base64url'));
      }
    }
  });

  it('refuses a wrong passphrase with a message naming the variable, never the passphrase', async () => {
    const sealed = await new PassphraseSecretStore(PASSPHRASE).encrypt(PLAIN);
    const error = (await rejectionOf(new PassphraseSecretStore('not the right passphrase').decrypt(sealed))) as AnyLabError;
    expect(error).toMatchObject({ name: 'LabError', code: 'credentials_unavailable' });
    expect(error.message).toBe('the stored credentials do not open with the passphrase in "TOTANGO_LAB_PASSPHRASE"');
    expect(`${error.message} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain('not the right passphrase');
  });

  it('refuses altered ciphertext, an altered tag, a shortened tag and a foreign format', async () => {
    const store = new PassphraseSecretStore(PASSPHRASE);
    const [version, salt, nonce, tag, ciphertext] = (await store.encrypt(PLAIN)).toString('ascii').split('.') as [string, string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64url');
    };
    const sealedOf = (...parts: string[]) => Buffer.from(parts.join('.'), 'ascii');
    for (const altered of [sealedOf(version, salt, nonce, tag, flip(ciphertext)), sealedOf(version, salt, nonce, flip(tag), ciphertext), sealedOf(version, flip(salt), nonce, tag, ciphertext), sealedOf(version, salt, nonce, Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url'), ciphertext)]) {
      await expect(store.decrypt(altered)).rejects.toMatchObject({ code: 'credentials_unavailable', message: 'the stored credentials do not open with the passphrase in "TOTANGO_LAB_PASSPHRASE"' });
    }
    await expect(store.decrypt(sealedOf('v2', salt, nonce, tag, ciphertext))).rejects.toMatchObject({ code: 'credentials_unavailable', message: 'the stored credentials are not in a format this version reads' });
    await expect(store.decrypt(Buffer.from('plain text'))).rejects.toMatchObject({ code: 'credentials_unavailable', message: 'the stored credentials are not in a format this version reads' });
  });

  it('refuses a passphrase shorter than 8 characters, without echoing it', () => {
    const error = thrownBy(() => new PassphraseSecretStore('short7!'));
    expect(error).toMatchObject({ name: 'LabError', code: 'invalid_configuration', message: 'the passphrase in "TOTANGO_LAB_PASSPHRASE" must be at least 8 characters' });
    expect(error.message).not.toContain('short7!');
    expect(new PassphraseSecretStore('eight ch').available).toBe(true);
  });

  it('shows the passphrase in neither JSON nor util.inspect', () => {
    const store = new PassphraseSecretStore(PASSPHRASE);
    expect(JSON.stringify({ store })).toBe('{"store":"PassphraseSecretStore"}');
    expect(inspect(store, { showHidden: true, depth: 5 })).not.toContain(PASSPHRASE);
  });
});
