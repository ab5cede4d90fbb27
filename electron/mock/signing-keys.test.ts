/**
 * Signing keys: generated as JWKs, loaded into node:crypto, each named by its RFC 7638
 * thumbprint, checked against jose's own thumbprint.
 */
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateStoredKey, loadSigningKey, RegionKeys, thumbprint, type StoredKey } from './signing-keys';

const es256 = generateStoredKey('ES256');
const rs256 = generateStoredKey('RS256');

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

describe('generateStoredKey', () => {
  it('makes a P-256 key for ES256 and a 2048-bit RSA key for RS256, private parts included', () => {
    expect(es256).toMatchObject({ alg: 'ES256', kty: 'EC', crv: 'P-256', d: expect.any(String) });
    expect(rs256).toMatchObject({ alg: 'RS256', kty: 'RSA', e: 'AQAB', d: expect.any(String) });
    expect(Buffer.from(rs256['n'] as string, 'base64url')).toHaveLength(256);
  });

  it('names each key by its RFC 7638 thumbprint, as jose computes it', async () => {
    for (const stored of [es256, rs256]) {
      const { kid: _kid, alg: _alg, ...jwk } = stored;
      expect(stored.kid).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
    }
  });

  it('gives two keys two kids', () => {
    expect(generateStoredKey('ES256').kid).not.toBe(es256.kid);
    expect(generateStoredKey('RS256').kid).not.toBe(rs256.kid);
  });
});

describe('thumbprint', () => {
  it('matches the example of RFC 7638 §3.1', () => {
    const jwk = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(thumbprint(jwk)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('is the same for the private and the public JWK of a key', () => {
    for (const stored of [es256, rs256]) expect(thumbprint(loadSigningKey(stored).publicJwk)).toBe(stored.kid);
  });
});

describe('loadSigningKey', () => {
  it('publishes a public JWK with kid, alg and use, and no private member', async () => {
    for (const stored of [es256, rs256]) {
      const key = loadSigningKey(stored);
      expect(key).toMatchObject({ kid: stored.kid, alg: stored.alg });
      expect(key.publicJwk).toMatchObject({ kid: stored.kid, alg: stored.alg, use: 'sig', kty: stored.kty });
      for (const member of PRIVATE_MEMBERS) expect(key.publicJwk, member).not.toHaveProperty(member);
      expect(key.privateKey.type).toBe('private');
      expect(key.publicKey.type).toBe('public');
      const { kid: _kid, alg: _alg, use: _use, ...jwk } = key.publicJwk;
      expect(await calculateJwkThumbprint(jwk as Parameters<typeof calculateJwkThumbprint>[0], 'sha256')).toBe(stored.kid);
    }
  });

  it('throws on a stored key that is not a key', () => {
    const broken: StoredKey = { kid: 'x', alg: 'ES256', kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA', d: 'AAAA' };
    expect(() => loadSigningKey(broken)).toThrow(expect.objectContaining({ name: 'TypeError', code: 'ERR_CRYPTO_INVALID_JWK' }));
  });
});

describe('RegionKeys', () => {
  const keys = new RegionKeys([loadSigningKey(es256), loadSigningKey(rs256)]);

  it('finds a key by kid, and nothing for an unknown kid', () => {
    expect(keys.find(es256.kid)?.alg).toBe('ES256');
    expect(keys.find(rs256.kid)?.alg).toBe('RS256');
    expect(keys.find('no-such-kid')).toBeUndefined();
  });

  it('picks the key of an algorithm, and names an algorithm it lacks', () => {
    expect(keys.forAlgorithm('RS256').kid).toBe(rs256.kid);
    expect(() => new RegionKeys([loadSigningKey(es256)]).forAlgorithm('RS256')).toThrow('no RS256 key');
  });

  it('publishes both public keys in its JWKS, with no private member', () => {
    const jwks = keys.jwks();
    expect(jwks.keys.map((k) => k.kid)).toEqual([es256.kid, rs256.kid]);
    for (const jwk of jwks.keys) for (const member of PRIVATE_MEMBERS) expect(jwk).not.toHaveProperty(member);
  });
});
