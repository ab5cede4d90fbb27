import { afterEach, describe, expect, it } from 'vitest';
import { decodeJwt, jwtSigningInput, verifySignature } from './jwt';
import { SigningPool } from './signing-pool';
import { generateStoredKey, loadSigningKey } from './signing-keys';

const es256 = loadSigningKey(generateStoredKey('ES256'));
const rs256 = loadSigningKey(generateStoredKey('RS256'));
const pools: SigningPool[] = [];

function pool(): SigningPool {
  const created = new SigningPool([es256, rs256]);
  pools.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

async function signed(signer: SigningPool, key: typeof es256, n: number): Promise<string> {
  const input = jwtSigningInput({ typ: 'at+jwt' }, { n }, key);
  return `${input}.${await signer.sign(key.kid, input)}`;
}

function verifies(token: string, key: typeof es256): boolean {
  const decoded = decodeJwt(token);
  return decoded.ok && verifySignature(decoded.jwt, key);
}

describe('SigningPool', () => {
  it('signs a burst of ES256 and RS256 inputs in its worker, each signature verifying for its own input', async () => {
    const signer = pool();
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, n) => signed(signer, n % 2 ? es256 : rs256, n)));
    tokens.forEach((token, n) => {
      expect(verifies(token, n % 2 ? es256 : rs256), `token ${n}`).toBe(true);
      const decoded = decodeJwt(token);
      expect(decoded.ok && decoded.jwt.claims['n']).toBe(n);
    });
  });

  it('keeps signing on the main thread after it is closed', async () => {
    const signer = pool();
    await signer.close();
    expect(verifies(await signed(signer, es256, 1), es256)).toBe(true);
  });

  it('signs what was waiting when the worker went away', async () => {
    const signer = pool();
    const waiting = [signed(signer, es256, 1), signed(signer, rs256, 2)];
    await signer.close();
    const [first = '', second = ''] = await Promise.all(waiting);
    expect(verifies(first, es256)).toBe(true);
    expect(verifies(second, rs256)).toBe(true);
  });

  it('refuses a key it does not hold, naming it', async () => {
    await expect(pool().sign('nobody', 'a.b')).rejects.toThrow('no signing key "nobody"');
  });
});
