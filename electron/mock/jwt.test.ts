/**
 * Compact JWS for ES256 and RS256: round trips, tampering, the reasons a token fails to
 * decode, and a cross-check both ways with jose.
 */
import { sign as cryptoSign } from 'node:crypto';
import { importJWK, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeJwt, signJwt, verifySignature, type DecodedJwt } from './jwt';
import { generateStoredKey, loadSigningKey, type SigningKey } from './signing-keys';

const KEYS: Readonly<Record<'ES256' | 'RS256', SigningKey>> = {
  ES256: loadSigningKey(generateStoredKey('ES256')),
  RS256: loadSigningKey(generateStoredKey('RS256')),
};
const OTHER_ES256 = loadSigningKey(generateStoredKey('ES256'));

const CLAIMS = { iss: 'https://api.totango.com', sub: 'u-1003', scope: 'account:read', exp: 4_102_444_800, jti: 'jti-1', name: 'Zoë' };

const b64json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function decoded(token: string): DecodedJwt {
  const result = decodeJwt(token);
  if (!result.ok) throw new Error(`did not decode: ${result.reason}`);
  return result.jwt;
}

function reason(token: string): string {
  const result = decodeJwt(token);
  if (result.ok) throw new Error('decoded, but should not have');
  return result.reason;
}

describe.each(['ES256', 'RS256'] as const)('%s', (alg) => {
  const key = KEYS[alg];

  it('signs a token that decodes to its header and claims and verifies with the same key', () => {
    const token = signJwt({ typ: 'at+jwt' }, CLAIMS, key);
    const jwt = decoded(token);
    expect(jwt.header).toEqual({ typ: 'at+jwt', alg, kid: key.kid });
    expect(jwt.claims).toEqual(CLAIMS);
    expect(jwt.signingInput).toBe(token.split('.').slice(0, 2).join('.'));
    expect(verifySignature(jwt, key)).toBe(true);
  });

  it('takes alg and kid from the key, whatever the header passed in says', () => {
    const token = signJwt({ typ: 'JWT', alg: 'none', kid: 'forged' } as unknown as { typ: string }, CLAIMS, key);
    expect(decoded(token).header).toEqual({ typ: 'JWT', alg, kid: key.kid });
  });

  it('fails to verify a token whose claims were changed', () => {
    const [header, , signature] = signJwt({ typ: 'at+jwt' }, CLAIMS, key).split('.');
    const forged = `${header}.${b64json({ ...CLAIMS, scope: 'admin' })}.${signature}`;
    expect(verifySignature(decoded(forged), key)).toBe(false);
  });

  it('fails to verify a token whose signature was changed', () => {
    const [header, claims, signature = ''] = signJwt({ typ: 'at+jwt' }, CLAIMS, key).split('.');
    const bytes = Buffer.from(signature, 'base64url');
    bytes[10] = (bytes[10] ?? 0) ^ 0x01;
    expect(verifySignature(decoded(`${header}.${claims}.${bytes.toString('base64url')}`), key)).toBe(false);
    expect(verifySignature(decoded(`${header}.${claims}.${bytes.subarray(0, 20).toString('base64url')}`), key)).toBe(false);
    expect(verifySignature(decoded(`${header}.${claims}.`), key)).toBe(false);
  });

  it('is verified by jose with the published public JWK', async () => {
    const token = signJwt({ typ: 'at+jwt' }, CLAIMS, key);
    const { payload, protectedHeader } = await jwtVerify(token, await importJWK(key.publicJwk, alg), { algorithms: [alg], typ: 'at+jwt' });
    expect(payload).toEqual(CLAIMS);
    expect(protectedHeader).toEqual({ typ: 'at+jwt', alg, kid: key.kid });
  });

  it('verifies a token that jose signed with the same key', async () => {
    const privateJwk = key.privateKey.export({ format: 'jwk' });
    const token = await new SignJWT(CLAIMS).setProtectedHeader({ alg, kid: key.kid, typ: 'at+jwt' }).sign(await importJWK(privateJwk, alg));
    expect(verifySignature(decoded(token), key)).toBe(true);
  });
});

describe('verifySignature', () => {
  it('fails with a key other than the signer', () => {
    expect(verifySignature(decoded(signJwt({}, CLAIMS, KEYS.ES256)), OTHER_ES256)).toBe(false);
  });

  it('fails when the header alg differs from the key, even over a signature the key made', () => {
    // An ES256 signature under a header that claims RS256: the bytes are right, the alg is not.
    const signingInput = `${b64json({ alg: 'RS256', kid: KEYS.ES256.kid })}.${b64json(CLAIMS)}`;
    const signature = cryptoSign('sha256', Buffer.from(signingInput), { key: KEYS.ES256.privateKey, dsaEncoding: 'ieee-p1363' });
    const jwt = decoded(`${signingInput}.${signature.toString('base64url')}`);
    expect(verifySignature(jwt, KEYS.ES256)).toBe(false);
    expect(verifySignature({ ...jwt, header: { ...jwt.header, alg: 'ES256' } }, KEYS.ES256)).toBe(true);
  });

  it('fails for alg "none" with an empty signature', () => {
    const token = `${b64json({ alg: 'none' })}.${b64json(CLAIMS)}.`;
    expect(verifySignature(decoded(token), KEYS.ES256)).toBe(false);
    expect(verifySignature(decoded(token), KEYS.RS256)).toBe(false);
  });

  it('fails when the signer is the RS256 key and the token says ES256', () => {
    const token = signJwt({}, CLAIMS, KEYS.RS256);
    const jwt = decoded(token);
    expect(verifySignature({ ...jwt, header: { ...jwt.header, alg: 'ES256' } }, KEYS.ES256)).toBe(false);
    expect(verifySignature(jwt, KEYS.ES256)).toBe(false);
  });
});

describe('decodeJwt', () => {
  const header = b64json({ alg: 'ES256', typ: 'at+jwt' });
  const claims = b64json(CLAIMS);

  it('says how many parts a token that is not a JWT has', () => {
    expect(reason(`${header}.${claims}`)).toBe('the token is not a JWT (2 parts, a signed JWT has 3)');
    expect(reason('opaque-token')).toBe('the token is not a JWT (1 part, a signed JWT has 3)');
    expect(reason('a.b.c.d')).toBe('the token is not a JWT (4 parts, a signed JWT has 3)');
  });

  it('recognises an encrypted JWT (JWE) by its five parts', () => {
    expect(reason(`${b64json({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.key.iv.ciphertext.tag`)).toBe(
      'the token is an encrypted JWT (JWE); the mock issues signed tokens only',
    );
  });

  it('refuses parts that are not base64url', () => {
    expect(reason(`${header.slice(0, 4)}+${header.slice(4)}.${claims}.sig`)).toBe('the header is not base64url');
    expect(reason(`${header}.${claims}=.sig`)).toBe('the claims set is not base64url');
    expect(reason(`${header}.${claims}.si/g`)).toBe('the signature is not base64url');
  });

  it('refuses a header that is not JSON, or not UTF-8', () => {
    expect(reason(`${Buffer.from('{alg: ES256}').toString('base64url')}.${claims}.sig`)).toBe('the header is not JSON');
    expect(reason(`.${claims}.sig`)).toBe('the header is not JSON');
    expect(reason(`${Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]).toString('base64url')}.${claims}.sig`)).toBe('the header is not JSON');
  });

  it('refuses claims that are JSON but not an object', () => {
    expect(reason(`${header}.${b64json(['account:read'])}.sig`)).toBe('the claims set is not a JSON object');
    expect(reason(`${header}.${b64json(null)}.sig`)).toBe('the claims set is not a JSON object');
    expect(reason(`${header}.${b64json('claims')}.sig`)).toBe('the claims set is not a JSON object');
    expect(reason(`${b64json([1])}.${claims}.sig`)).toBe('the header is not a JSON object');
  });

  it('refuses a header without a string "alg"', () => {
    expect(reason(`${b64json({ typ: 'at+jwt' })}.${claims}.sig`)).toBe('the header has no "alg"');
    expect(reason(`${b64json({ alg: 256 })}.${claims}.sig`)).toBe('the header has no "alg"');
  });

  it('refuses a token longer than 16 KiB before looking into it', () => {
    expect(reason('a'.repeat(16 * 1024 + 1))).toBe('the token is longer than 16 KiB');
    const padded = `${header}.${b64json({ pad: 'x'.repeat(16 * 1024) })}.sig`;
    expect(reason(padded)).toBe('the token is longer than 16 KiB');
    expect(reason('a'.repeat(16 * 1024))).toBe('the token is not a JWT (1 part, a signed JWT has 3)');
  });

  it('never throws on hostile input', () => {
    const hostile = ['', '.', '..', '...', '....', '\u0000.\u0000.\u0000', '%%%.%%%.%%%', `${Buffer.from('{"alg":"ES256","__proto__":{"x":1}}').toString('base64url')}.e30.`, '\ud800.e30.e30'];
    for (const token of hostile) expect(() => decodeJwt(token), JSON.stringify(token)).not.toThrow();
  });
});
