/**
 * Credentials of real-region apps: sealed on disk through the secret store when one is
 * available and chosen, in memory only otherwise; never readable in the file, in JSON,
 * in util.inspect or in an error message.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyLabError } from '../flows/lab-error';
import { memoryKeySecretStore, rejectionOf } from '../testing/test-support';
import { AppCredentials } from './app-credentials';
import { CredentialStore } from './credentials';

const SECRET = 'kq3uN0m8-real-region-secret-value';
const KEY_PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC-not-a-real-key\n-----END PRIVATE KEY-----';
const P12 = Buffer.from('pretend-pkcs12-bytes');

let dir: string;
let filePath: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-credentials-'));
  filePath = join(dir, 'credentials.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function credentials(extra: Partial<ConstructorParameters<typeof AppCredentials>[0]> = {}): AppCredentials {
  return new AppCredentials({ clientId: 'client-123', clientSecret: SECRET, authMethod: 'client_secret_post', ...extra });
}

describe('AppCredentials', () => {
  it('hides the secret and the certificate from JSON and util.inspect', () => {
    const held = credentials({ certificate: { kind: 'pem', certificatePem: 'CERT', privateKeyPem: KEY_PEM } });
    expect(held.clientSecret()).toBe(SECRET);
    expect(JSON.parse(JSON.stringify(held))).toEqual({ clientId: 'client-123', authMethod: 'client_secret_post', clientSecret: '[hidden]', certificate: '[hidden PEM]' });
    expect(inspect(held, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(inspect(held, { depth: 10 })).not.toContain('not-a-real-key');
  });

  it('defaults to Basic and refuses what it cannot use, without echoing secrets', () => {
    expect(new AppCredentials({ clientId: 'c' }).authMethod).toBe('client_secret_basic');
    expect(() => new AppCredentials({ clientId: ' ' })).toThrow('"clientId" is required');
    expect(() => new AppCredentials({ clientId: 'c', authMethod: 'private_key_jwt' as never })).toThrow('"authMethod" must be "client_secret_basic" or "client_secret_post", got "private_key_jwt"');
  });
});

describe('CredentialStore', () => {
  it('seals credentials into the file when a secret store is available and chosen', async () => {
    const secretStore = memoryKeySecretStore();
    const store = new CredentialStore({ filePath, secretStore, persist: true });
    expect(store.persistent).toBe(true);
    await expect(store.save('totango:us', credentials({ certificate: { kind: 'pkcs12', pkcs12: P12, password: 'p12-password-value' }, caPem: 'CA' }))).resolves.toEqual({ persisted: true });
    const text = await readFile(filePath, 'utf8');
    expect(text).toContain('client-123');
    for (const secret of [SECRET, 'p12-password-value', P12.toString('base64'), 'pretend-pkcs12']) expect(text).not.toContain(secret);

    const reopened = new CredentialStore({ filePath, secretStore, persist: true });
    const loaded = await reopened.get('totango:us');
    expect(loaded?.clientSecret()).toBe(SECRET);
    expect(loaded?.authMethod).toBe('client_secret_post');
    expect(loaded?.caPem).toBe('CA');
    const certificate = loaded?.certificateSource();
    expect(certificate?.kind === 'pkcs12' && Buffer.from(certificate.pkcs12).equals(P12) && certificate.password).toBe('p12-password-value');
    expect(await reopened.list()).toEqual([{ targetKey: 'totango:us', clientId: 'client-123', authMethod: 'client_secret_post' }]);
  });

  it('keeps credentials in memory only when no secret store is available', async () => {
    const store = new CredentialStore({ filePath, secretStore: memoryKeySecretStore(false), persist: true });
    expect(store.persistent).toBe(false);
    await expect(store.save('totango:eu', credentials())).resolves.toEqual({ persisted: false });
    expect((await store.get('totango:eu'))?.clientSecret()).toBe(SECRET);
    await expect(readFile(filePath)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await new CredentialStore({ filePath, secretStore: memoryKeySecretStore(false), persist: true }).get('totango:eu')).toBeUndefined();
  });

  it('keeps credentials in memory only unless persistence is chosen', async () => {
    const store = new CredentialStore({ filePath, secretStore: memoryKeySecretStore() });
    await expect(store.save('totango:us', credentials())).resolves.toEqual({ persisted: false });
    await expect(readFile(filePath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('removes credentials from memory and file', async () => {
    const secretStore = memoryKeySecretStore();
    const store = new CredentialStore({ filePath, secretStore, persist: true });
    await store.save('totango:us', credentials());
    await store.save('custom:https://staging.example', credentials({ clientId: 'other' }));
    await store.remove('totango:us');
    expect(await store.get('totango:us')).toBeUndefined();
    expect((await new CredentialStore({ filePath, secretStore, persist: true }).list()).map((s) => s.targetKey)).toEqual(['custom:https://staging.example']);
  });

  it('says plainly when sealed credentials cannot be unsealed, naming no secret', async () => {
    await new CredentialStore({ filePath, secretStore: memoryKeySecretStore(), persist: true }).save('totango:us', credentials());
    const error = (await rejectionOf(new CredentialStore({ filePath, secretStore: memoryKeySecretStore(), persist: true }).get('totango:us'))) as AnyLabError;
    expect(error).toMatchObject({ code: 'credentials_unavailable' });
    expect(error.message).toBe('the stored credentials of "totango:us" cannot be unsealed (the system\'s key store may have changed); enter them again');
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('sets a corrupt file aside and reports it', async () => {
    await writeFile(filePath, '{ not json');
    const reports: string[] = [];
    const store = new CredentialStore({ filePath, secretStore: memoryKeySecretStore(), persist: true, onCorruptFile: (movedTo, reason) => reports.push(`${movedTo}: ${reason}`) });
    expect(await store.list()).toEqual([]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/credentials\.json\.corrupt-.*: not valid JSON/);
  });
});
