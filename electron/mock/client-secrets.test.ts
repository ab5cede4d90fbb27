/**
 * Client secrets: random, stored only as a salted scrypt hash, and checks remembered in
 * memory per client.
 */
import { describe, expect, it } from 'vitest';
import { generateClientSecret, hashClientSecret, VerifiedSecretCache, verifyClientSecret } from './client-secrets';

const SECRET = 'Zr7yq0c2mL1x9m8o-Q5cVbN3aW4tE6uH0pK2sJ8dF1g';

describe('generateClientSecret', () => {
  it('gives 256 bits as 43 base64url characters', () => {
    const secret = generateClientSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
  });

  it('never gives the same secret twice', () => {
    const secrets = Array.from({ length: 200 }, generateClientSecret);
    expect(new Set(secrets).size).toBe(200);
  });
});

describe('hashClientSecret and verifyClientSecret', () => {
  it('stores scrypt$N$r$p$salt$hash with the parameters beside the hash', async () => {
    const stored = await hashClientSecret(SECRET);
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(SECRET);
  });

  it('accepts the secret that was hashed and refuses any other', async () => {
    const stored = await hashClientSecret(SECRET);
    expect(await verifyClientSecret(SECRET, stored)).toBe(true);
    expect(await verifyClientSecret(`${SECRET}x`, stored)).toBe(false);
    expect(await verifyClientSecret(SECRET.slice(0, -1), stored)).toBe(false);
    expect(await verifyClientSecret('', stored)).toBe(false);
  });

  it('salts each hash, so that one secret hashed twice gives two hashes that both verify', async () => {
    const [first, second] = await Promise.all([hashClientSecret(SECRET), hashClientSecret(SECRET)]);
    expect(first).not.toBe(second);
    expect(first.split('$')[4]).not.toBe(second.split('$')[4]);
    expect(await verifyClientSecret(SECRET, first)).toBe(true);
    expect(await verifyClientSecret(SECRET, second)).toBe(true);
  });

  it('reads N, r and p from the stored hash', async () => {
    const [, , , , salt = '', hash = ''] = (await hashClientSecret(SECRET)).split('$');
    expect(await verifyClientSecret(SECRET, ['scrypt', 16384, 8, 1, salt, hash].join('$'))).toBe(false);
  });

  it('refuses a stored value that is not an scrypt hash', async () => {
    const stored = await hashClientSecret(SECRET);
    expect(await verifyClientSecret(SECRET, stored.replace(/^scrypt/, 'bcrypt'))).toBe(false);
    expect(await verifyClientSecret(SECRET, stored.split('$').slice(0, 5).join('$'))).toBe(false);
    expect(await verifyClientSecret(SECRET, '')).toBe(false);
    expect(await verifyClientSecret(SECRET, SECRET)).toBe(false);
  });
});

describe('VerifiedSecretCache', () => {
  it('knows nothing at first', () => {
    expect(new VerifiedSecretCache().has('app-1', SECRET)).toBe(false);
  });

  it('remembers the secret of a client, and no other secret', () => {
    const cache = new VerifiedSecretCache();
    cache.remember('app-1', SECRET);
    expect(cache.has('app-1', SECRET)).toBe(true);
    expect(cache.has('app-1', `${SECRET}x`)).toBe(false);
    expect(cache.has('app-1', '')).toBe(false);
  });

  it('keeps each client apart', () => {
    const cache = new VerifiedSecretCache();
    cache.remember('app-1', SECRET);
    cache.remember('app-2', 'another secret');
    expect(cache.has('app-2', SECRET)).toBe(false);
    expect(cache.has('app-1', 'another secret')).toBe(false);
    expect(cache.has('app-3', SECRET)).toBe(false);
    expect(cache.has('app-2', 'another secret')).toBe(true);
  });

  it('replaces a remembered secret with the next one', () => {
    const cache = new VerifiedSecretCache();
    cache.remember('app-1', SECRET);
    cache.remember('app-1', 'rotated');
    expect(cache.has('app-1', SECRET)).toBe(false);
    expect(cache.has('app-1', 'rotated')).toBe(true);
  });

  it('forgets one client without forgetting the others', () => {
    const cache = new VerifiedSecretCache();
    cache.remember('app-1', SECRET);
    cache.remember('app-2', SECRET);
    cache.forget('app-1');
    expect(cache.has('app-1', SECRET)).toBe(false);
    expect(cache.has('app-2', SECRET)).toBe(true);
  });

  it('does not share what it knows with another cache', () => {
    const cache = new VerifiedSecretCache();
    cache.remember('app-1', SECRET);
    expect(new VerifiedSecretCache().has('app-1', SECRET)).toBe(false);
  });
});
