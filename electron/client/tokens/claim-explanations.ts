/**
 * Each JWT header parameter and claim of a Totango access token in plain words: the
 * RFC 9068 claims, Totango's own (`totango_user`, `service_id`), the RFC 8705
 * certificate binding, and each scope through the shared scope model. A claim the Lab
 * does not know is said to be unknown, not guessed at.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2 (access token claims)
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1 (registered claims)
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3.1 (cnf, x5t#S256)
 */
import { REGIONS } from '../../../shared/regions';
import { describeScope, isScope, splitScopeParameter } from '../../../shared/scopes';

export interface Explanation {
  readonly name: string;
  readonly value: unknown;
  /** Whether the Lab knows this claim or header parameter. */
  readonly known: boolean;
  /** One sentence. */
  readonly explanation: string;
  /** More lines where a value has parts (each scope of `scope`). */
  readonly details?: readonly string[];
}

export interface ExplainContext {
  /** Epoch milliseconds to local time (see `localTimeFormatter`). */
  readonly formatTime: (epochMs: number) => string;
  /** The clock for "time left" (epoch milliseconds). */
  readonly now: () => number;
  /** Names for issuers (the mock's regions, say); Totango's own are known. */
  readonly issuerNames?: Readonly<Record<string, string>>;
}

/** Local time in a time zone (the system's when omitted), e.g. "Mar 4, 2026, 10:15:00 AM GMT+1". */
export function localTimeFormatter(options: { readonly timeZone?: string; readonly locale?: string } = {}): (epochMs: number) => string {
  const format = new Intl.DateTimeFormat(options.locale ?? 'en-US', { dateStyle: 'medium', timeStyle: 'long', ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }) });
  return (epochMs) => format.format(new Date(epochMs));
}

/** "23 h 59 min left", "expired 5 min ago", "expires now". */
export function timeLeftWords(secondsLeft: number): string {
  const words = durationWords(Math.abs(secondsLeft));
  if (secondsLeft === 0) return 'expires now';
  return secondsLeft > 0 ? `${words} left` : `expired ${words} ago`;
}

export function durationWords(seconds: number): string {
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return `${minutes} min`;
  return `${s} s`;
}

function issuerName(issuer: string, context: ExplainContext): string | undefined {
  const trimmed = issuer.replace(/\/+$/, '');
  const named = context.issuerNames?.[trimmed];
  if (named !== undefined) return named;
  const region = Object.values(REGIONS).find((r) => r.baseUrl === trimmed);
  return region === undefined ? undefined : `Totango ${region.id.toUpperCase()}`;
}

function timeClaim(value: unknown, context: ExplainContext, lead: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${lead}: not a number of seconds, as it should be (RFC 7519 NumericDate).`;
  return `${lead} ${context.formatTime(value * 1000)}.`;
}

function describeScopes(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return splitScopeParameter(value).map((scope) => (isScope(scope) ? `${scope}: ${describeScope(scope)}` : `${scope}: not a Totango scope`));
}

type ClaimExplainer = (value: unknown, claims: Readonly<Record<string, unknown>>, context: ExplainContext) => string;

const CLAIMS: Readonly<Record<string, ClaimExplainer>> = {
  iss: (value, _claims, context) => {
    const name = typeof value === 'string' ? issuerName(value, context) : undefined;
    return `Issuer: the authorization server that issued the token (${String(value)}${name === undefined ? '' : `, ${name}`}).`;
  },
  sub: (value, claims) =>
    value === claims['client_id']
      ? `Subject: the application itself (its client ID); a client-credentials token acts for the app (RFC 9068 §2.2).`
      : `Subject: the Totango user who signed in and consented (${String(value)}).`,
  aud: (value) => `Audience: who must accept the token (${Array.isArray(value) ? value.join(', ') : String(value)}); Totango's APIs accept only their own region's tokens.`,
  exp: (value, _claims, context) => {
    const at = timeClaim(value, context, 'Expires at');
    return typeof value === 'number' ? `${at.slice(0, -1)} (${timeLeftWords(Math.floor(value - context.now() / 1000))}).` : at;
  },
  iat: (value, _claims, context) => timeClaim(value, context, 'Issued at'),
  nbf: (value, _claims, context) => timeClaim(value, context, 'Not valid before'),
  auth_time: (value, _claims, context) => timeClaim(value, context, 'The person signed in at'),
  jti: (value) => `Token ID: unique to this token, which lets the server revoke it and spot a replay (${String(value)}).`,
  client_id: (value) => `The application the token was issued to (client ID ${String(value)}).`,
  scope: (value) => {
    const count = typeof value === 'string' ? splitScopeParameter(value).length : 0;
    return `Scopes: what the token allows, ${count} in all (each below).`;
  },
  cnf: (value) => {
    const thumbprint = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['x5t#S256'] : undefined;
    return typeof thumbprint === 'string'
      ? `Bound to a client certificate (RFC 8705): only a request presenting the certificate whose SHA-256 thumbprint is ${thumbprint} may use the token.`
      : `Confirmation: a proof-of-possession key the token is bound to (RFC 7800), of a kind the Lab does not check.`;
  },
  totango_user: (value) => {
    const user = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    return `The Totango user the token acts as: ${String(user['email'] ?? 'no email')} (${String(user['id'] ?? 'no ID')}).`;
  },
  service_id: (value) => `The Totango account (service) the token works in: ${String(value)}.`,
};

const HEADER: Readonly<Record<string, (value: unknown) => string>> = {
  alg: (value) =>
    `Signature algorithm: ${String(value)}${value === 'ES256' ? ' (ECDSA on P-256 with SHA-256)' : value === 'RS256' ? ' (RSA PKCS#1 v1.5 with SHA-256)' : value === 'none' ? ': unsigned, which no access token may be' : ''}.`,
  typ: (value) => (String(value).toLowerCase() === 'at+jwt' ? 'Type: an OAuth 2.0 access token in JWT form (at+jwt, RFC 9068 §2.1).' : `Type: "${String(value)}", not the "at+jwt" an RFC 9068 access token carries.`),
  kid: (value) => `Key ID: which key of the issuer's JWKS signed the token (${String(value)}).`,
};

/** One claim in plain words. */
export function explainClaim(name: string, value: unknown, claims: Readonly<Record<string, unknown>>, context: ExplainContext): Explanation {
  const explain = Object.hasOwn(CLAIMS, name) ? CLAIMS[name] : undefined;
  if (explain === undefined) return { name, value, known: false, explanation: 'An unknown claim: not part of RFC 9068 or of Totango tokens as the Lab knows them.' };
  const details = name === 'scope' ? describeScopes(value) : [];
  return { name, value, known: true, explanation: explain(value, claims, context), ...(details.length === 0 ? {} : { details }) };
}

/** One header parameter in plain words. */
export function explainHeaderParameter(name: string, value: unknown): Explanation {
  const explain = Object.hasOwn(HEADER, name) ? HEADER[name] : undefined;
  if (explain === undefined) return { name, value, known: false, explanation: 'An unknown header parameter: not one a Totango access token carries.' };
  return { name, value, known: true, explanation: explain(value) };
}
