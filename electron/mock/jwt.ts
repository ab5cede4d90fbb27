/**
 * Compact JWS signing and checking with node:crypto, for ES256 and RS256 only.
 * Decoding reports what is wrong in words; it never throws on hostile input.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7515
 * @see https://www.rfc-editor.org/rfc/rfc8725 (JWT best current practices: no `alg: none`)
 */
import { verify as cryptoVerify } from 'node:crypto';
import { signInline } from './signing-pool';
import type { SigningKey } from './signing-keys';

export interface JwtHeader {
  readonly alg: string;
  readonly typ?: string;
  readonly kid?: string;
  readonly [name: string]: unknown;
}

export type JwtClaims = Readonly<Record<string, unknown>>;

export interface DecodedJwt {
  readonly header: JwtHeader;
  readonly claims: JwtClaims;
  readonly signingInput: string;
  readonly signature: Buffer;
}

export type DecodeResult = { readonly ok: true; readonly jwt: DecodedJwt } | { readonly ok: false; readonly reason: string };

const B64URL = /^[A-Za-z0-9_-]*$/;
const MAX_TOKEN_LENGTH = 16 * 1024;

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function signJwt(header: Omit<JwtHeader, 'alg' | 'kid'>, claims: JwtClaims, key: SigningKey): string {
  const signingInput = jwtSigningInput(header, claims, key);
  return `${signingInput}.${signInline(key.alg, key.privateKey, signingInput)}`;
}

const encodedHeaders = new Map<string, string>();

/** `base64url(header).base64url(claims)`; the header's encoding is kept per key and type, since it never changes. */
export function jwtSigningInput(header: Omit<JwtHeader, 'alg' | 'kid'>, claims: JwtClaims, key: SigningKey): string {
  const cacheKey = `${key.kid} ${JSON.stringify(header)}`;
  let encoded = encodedHeaders.get(cacheKey);
  if (encoded === undefined) {
    encoded = encodeJson({ ...header, alg: key.alg, kid: key.kid });
    if (encodedHeaders.size < 64) encodedHeaders.set(cacheKey, encoded);
  }
  return `${encoded}.${encodeJson(claims)}`;
}

function decodeJsonPart(part: string, name: string): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  if (!B64URL.test(part)) return { ok: false, reason: `the ${name} is not base64url` };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(part, 'base64url')));
  } catch {
    return { ok: false, reason: `the ${name} is not JSON` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: `the ${name} is not a JSON object` };
  return { ok: true, value: value as Record<string, unknown> };
}

/** Splits and parses a compact JWS without checking its signature. */
export function decodeJwt(token: string): DecodeResult {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'the token is longer than 16 KiB' };
  const parts = token.split('.');
  if (parts.length === 5) return { ok: false, reason: 'the token is an encrypted JWT (JWE); the mock issues signed tokens only' };
  if (parts.length !== 3) return { ok: false, reason: `the token is not a JWT (${parts.length} part${parts.length === 1 ? '' : 's'}, a signed JWT has 3)` };
  const [rawHeader = '', rawClaims = '', rawSignature = ''] = parts;
  const header = decodeJsonPart(rawHeader, 'header');
  if (!header.ok) return header;
  const claims = decodeJsonPart(rawClaims, 'claims set');
  if (!claims.ok) return claims;
  if (typeof header.value.alg !== 'string') return { ok: false, reason: 'the header has no "alg"' };
  if (!B64URL.test(rawSignature)) return { ok: false, reason: 'the signature is not base64url' };
  return {
    ok: true,
    jwt: {
      header: header.value as JwtHeader,
      claims: claims.value,
      signingInput: `${rawHeader}.${rawClaims}`,
      signature: Buffer.from(rawSignature, 'base64url'),
    },
  };
}

export function verifySignature(jwt: DecodedJwt, key: SigningKey): boolean {
  if (jwt.header.alg !== key.alg) return false;
  const data = Buffer.from(jwt.signingInput);
  try {
    return key.alg === 'ES256'
      ? cryptoVerify('sha256', data, { key: key.publicKey, dsaEncoding: 'ieee-p1363' }, jwt.signature)
      : cryptoVerify('sha256', data, key.publicKey, jwt.signature);
  } catch {
    return false;
  }
}
