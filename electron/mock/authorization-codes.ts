/**
 * Authorization codes: short-lived, single-use, bound to the client, the redirect URI and
 * the PKCE challenge. A code presented twice is refused, and the tokens the first
 * exchange issued are revoked (RFC 6749 §4.1.2).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RegionId } from '../../shared/regions';
import type { Clock } from './clock';

export interface CodeGrant {
  readonly region: RegionId;
  readonly clientId: string;
  /** The redirect URI the authorization request named, or undefined when it named none. */
  readonly redirectUri: string | undefined;
  /** Where the response was actually sent: the named URI, or the only registered one. */
  readonly effectiveRedirectUri: string;
  readonly scopes: readonly string[];
  readonly userId: string;
  readonly authTime: number;
  readonly codeChallenge: string | undefined;
}

interface CodeRecord extends CodeGrant {
  readonly expiresAt: number;
  /** Kept after use until this time, so that a replay is recognised. */
  readonly forgetAt: number;
  /** Whether the code has been presented: `expired` when it was too late, `redeemed` when it was exchanged. */
  state: 'fresh' | 'redeemed' | 'expired';
  issued: { jti: string; exp: number }[];
  /** Presented again after its redemption: whatever it issues, now or later, is revoked. */
  replayed: boolean;
}

export type Redemption =
  | {
      readonly kind: 'ok';
      readonly grant: CodeGrant;
      /** Records a token the code issued; true when the code has meanwhile been replayed, so the token must be revoked. */
      readonly recordIssued: (token: { jti: string; exp: number }) => boolean;
    }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'reused'; readonly issued: readonly { jti: string; exp: number }[] };

const REPLAY_MEMORY_MS = 10 * 60 * 1000;

export class AuthorizationCodes {
  private readonly codes = new Map<string, CodeRecord>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds: () => number,
  ) {}

  create(grant: CodeGrant): string {
    this.sweep();
    const code = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    this.codes.set(code, { ...grant, expiresAt: now + this.ttlSeconds() * 1000, forgetAt: now + REPLAY_MEMORY_MS, state: 'fresh', issued: [], replayed: false });
    return code;
  }

  /** Marks the code used before anything else, so that two concurrent redemptions cannot both succeed. */
  redeem(code: string): Redemption {
    const record = this.codes.get(code);
    if (!record) return { kind: 'unknown' };
    if (record.state === 'redeemed') {
      record.replayed = true;
      return { kind: 'reused', issued: [...record.issued] };
    }
    if (record.state === 'expired' || record.expiresAt <= this.clock.now()) {
      record.state = 'expired';
      return { kind: 'expired' };
    }
    record.state = 'redeemed';
    return {
      kind: 'ok',
      grant: record,
      recordIssued: (token) => {
        record.issued.push(token);
        return record.replayed;
      },
    };
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [code, record] of this.codes) if (record.forgetAt <= now && record.expiresAt <= now) this.codes.delete(code);
  }
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
export const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

/** RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
