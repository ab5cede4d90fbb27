/**
 * Client secrets: generated once, stored only as a scrypt hash (the article: "Totango
 * stores the Client Secret as a password"), never readable again.
 *
 * scrypt is slow on purpose, so each successful check is remembered in memory as an
 * HMAC of the secret under a key that lives only in this process: a repeated token
 * request costs a microsecond, not a hash. Nothing of it is written to disk.
 */
import { createHmac, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: about 50 ms and 32 MiB on a laptop core. */
const PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function scrypt(secret: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scryptCallback(secret, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A new client secret: 256 random bits, base64url. */
export function generateClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** `scrypt$N$r$p$salt$hash`, the parameters kept beside the hash so that they can change later. */
export async function hashClientSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, PARAMS.N, PARAMS.r, PARAMS.p);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyClientSecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  // A hand-edited state file must not make the mock allocate gigabytes or throw.
  const sane = Number.isInteger(N) && N >= 1024 && N <= 1 << 20 && (N & (N - 1)) === 0 && Number.isInteger(R) && R >= 1 && R <= 32 && Number.isInteger(P) && P >= 1 && P <= 16;
  if (!sane) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(secret, Buffer.from(salt, 'base64url'), N, R, P);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Remembers the secrets that passed a scrypt check, as keyed HMACs, per client. */
export class VerifiedSecretCache {
  private readonly key = randomBytes(32);
  private readonly verified = new Map<string, Buffer>();

  private mac(secret: string): Buffer {
    return createHmac('sha256', this.key).update(secret, 'utf8').digest();
  }

  has(clientId: string, secret: string): boolean {
    const known = this.verified.get(clientId);
    return known !== undefined && timingSafeEqual(known, this.mac(secret));
  }

  remember(clientId: string, secret: string): void {
    this.verified.set(clientId, this.mac(secret));
  }

  forget(clientId: string): void {
    this.verified.delete(clientId);
  }
}
