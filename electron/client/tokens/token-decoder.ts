/**
 * Reads any pasted token, without verifying it: a JWT's header and claims, each
 * explained, its times in local time and the time left; or a plain statement that the
 * token is opaque (only its issuer can say what it means), encrypted, or not a token.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2 (validating a JWT's form)
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1 (the b64token syntax)
 */
import { explainClaim, explainHeaderParameter, localTimeFormatter, timeLeftWords, type ExplainContext, type Explanation } from './claim-explanations';

export interface TokenTime {
  readonly epochSeconds: number;
  /** In local time (the formatter's time zone). */
  readonly local: string;
}

export interface TokenTimes {
  readonly issuedAt?: TokenTime;
  readonly notBefore?: TokenTime;
  readonly expiresAt?: TokenTime;
  /** Negative once expired. */
  readonly secondsLeft?: number;
  /** "23 h 59 min left", "expired 5 min ago". */
  readonly timeLeft?: string;
  readonly expired?: boolean;
}

export type DecodedToken =
  | {
      readonly kind: 'jwt';
      readonly header: Readonly<Record<string, unknown>>;
      readonly claims: Readonly<Record<string, unknown>>;
      readonly headerExplanations: readonly Explanation[];
      readonly claimExplanations: readonly Explanation[];
      readonly times: TokenTimes;
      readonly summary: string;
    }
  | { readonly kind: 'opaque' | 'encrypted' | 'invalid'; readonly summary: string };

export interface DecodeOptions {
  /** Epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** The time zone of local times (default the system's). */
  readonly timeZone?: string;
  readonly locale?: string;
  /** Replaces the formatter built from `timeZone` and `locale`. */
  readonly formatTime?: (epochMs: number) => string;
  readonly issuerNames?: Readonly<Record<string, string>>;
}

const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Takes the token out of what was pasted: surrounding space and a `Bearer ` prefix go. */
export function normalizePastedToken(pasted: string): string {
  return pasted.trim().replace(/^bearer\s+/i, '');
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function timeOf(value: unknown, context: ExplainContext): TokenTime | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? { epochSeconds: value, local: context.formatTime(value * 1000) } : undefined;
}

export function decodeToken(pasted: string, options: DecodeOptions = {}): DecodedToken {
  const token = normalizePastedToken(pasted);
  if (token === '') return { kind: 'invalid', summary: 'no token: the text is empty' };
  if (!B64TOKEN.test(token)) return { kind: 'invalid', summary: 'not a token: it holds characters a bearer token cannot hold (RFC 6750 §2.1)' };
  const parts = token.split('.');
  if (parts.length === 5 && decodeSegment(parts[0] ?? '') !== undefined) {
    return { kind: 'encrypted', summary: 'an encrypted JWT (JWE): only the server holding its key can read the claims' };
  }
  if (parts.length !== 3) {
    return { kind: 'opaque', summary: 'the token is opaque: not a JWT, so its meaning is known only to the server that issued it (ask its introspection endpoint, RFC 7662)' };
  }
  const header = decodeSegment(parts[0] ?? '');
  const claims = decodeSegment(parts[1] ?? '');
  if (header === undefined || claims === undefined) {
    const which = header === undefined ? 'header' : 'claims';
    return { kind: 'invalid', summary: `it has the three parts of a JWT, but its ${which} is not base64url-encoded JSON: the token is damaged or was cut when copied` };
  }
  const now = options.now ?? Date.now;
  const context: ExplainContext = {
    formatTime: options.formatTime ?? localTimeFormatter({ ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }), ...(options.locale === undefined ? {} : { locale: options.locale }) }),
    now,
    ...(options.issuerNames === undefined ? {} : { issuerNames: options.issuerNames }),
  };
  const expiresAt = timeOf(claims['exp'], context);
  const secondsLeft = expiresAt === undefined ? undefined : Math.floor(expiresAt.epochSeconds - now() / 1000);
  const issuedAt = timeOf(claims['iat'], context);
  const notBefore = timeOf(claims['nbf'], context);
  const times: TokenTimes = {
    ...(issuedAt === undefined ? {} : { issuedAt }),
    ...(notBefore === undefined ? {} : { notBefore }),
    ...(expiresAt === undefined || secondsLeft === undefined ? {} : { expiresAt, secondsLeft, timeLeft: timeLeftWords(secondsLeft), expired: secondsLeft <= 0 }),
  };
  const kindWords = String(header['typ']).toLowerCase() === 'at+jwt' ? 'a JWT access token (RFC 9068)' : 'a JWT';
  const expiry = times.timeLeft ?? 'with no expiry';
  return {
    kind: 'jwt',
    header,
    claims,
    headerExplanations: Object.entries(header).map(([name, value]) => explainHeaderParameter(name, value)),
    claimExplanations: Object.entries(claims).map(([name, value]) => explainClaim(name, value, claims, context)),
    times,
    summary: `${kindWords} from ${String(claims['iss'] ?? 'an unnamed issuer')}, ${expiry}; decoded, not yet verified`,
  };
}
