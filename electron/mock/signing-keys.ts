/**
 * The signing keys of one region: an ES256 (P-256) and an RS256 (RSA 2048) key pair,
 * each with a `kid` that is its RFC 7638 thumbprint. The JWKS publishes both public keys,
 * so that switching the signing algorithm leaves tokens already issued verifiable.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7517
 * @see https://www.rfc-editor.org/rfc/rfc7638
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';

export const SIGNING_ALGORITHMS = ['ES256', 'RS256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** A stored private key, as a JWK. */
export interface StoredKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly kty: string;
  readonly [member: string]: unknown;
}

export interface SigningKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicJwk: JsonWebKey & { kid: string; alg: SigningAlgorithm; use: 'sig' };
}

export function generateStoredKey(alg: SigningAlgorithm): StoredKey {
  const { privateKey } =
    alg === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kty: jwk.kty ?? '', kid: thumbprint(jwk), alg };
}

export function loadSigningKey(stored: StoredKey): SigningKey {
  const privateKey = createPrivateKey({ key: stored as JsonWebKey, format: 'jwk' });
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  return { kid: stored.kid, alg: stored.alg, privateKey, publicKey, publicJwk: { ...jwk, kid: stored.kid, alg: stored.alg, use: 'sig' } };
}

/** RFC 7638: SHA-256 over the required members in lexicographic order. */
export function thumbprint(jwk: JsonWebKey): string {
  const members = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

export class RegionKeys {
  private readonly byKid: ReadonlyMap<string, SigningKey>;

  constructor(readonly keys: readonly SigningKey[]) {
    this.byKid = new Map(keys.map((k) => [k.kid, k]));
  }

  find(kid: string): SigningKey | undefined {
    return this.byKid.get(kid);
  }

  forAlgorithm(alg: SigningAlgorithm): SigningKey {
    const key = this.keys.find((k) => k.alg === alg);
    if (!key) throw new Error(`no ${alg} key`);
    return key;
  }

  jwks(): { keys: SigningKey['publicJwk'][] } {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }
}
