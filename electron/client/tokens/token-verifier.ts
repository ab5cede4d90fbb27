/**
 * Checks a JWT access token the way a Totango API would, one check at a time so that
 * each can be shown: the signature against the issuer's JWKS (fetched through the
 * recording fetch, so it is on the timeline, with the target's CA trusted), `typ`,
 * `iss`, `aud`, `exp` and `nbf` by an injectable clock, and, for a bound token, that
 * `cnf.x5t#S256` is the thumbprint of the loaded certificate.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4 (validating JWT access tokens)
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3 (certificate-bound tokens)
 */
import { compactVerify, createLocalJWKSet, errors as joseErrors, type JSONWebKeySet } from 'jose';
import type { ClientCertificate } from '../http/client-certificate';
import type { LabFetch } from '../http/recording-fetch';
import { durationWords } from './claim-explanations';
import { decodeToken } from './token-decoder';

export type TokenCheckName = 'format' | 'signature' | 'typ' | 'iss' | 'aud' | 'exp' | 'nbf' | 'cnf';

export interface TokenCheck {
  readonly name: TokenCheckName;
  readonly status: 'pass' | 'fail' | 'skipped';
  /** One sentence. */
  readonly message: string;
}

export interface TokenVerification {
  /** True when no check failed (skipped ones do not count against it). */
  readonly valid: boolean;
  readonly checks: readonly TokenCheck[];
}

export interface VerifyOptions {
  /** The issuer expected: the selected target's. */
  readonly issuer: string;
  /** The audience expected (default: the issuer, as Totango's tokens carry it). */
  readonly audience?: string;
  /** Default: the issuer's `/.well-known/jwks.json`. */
  readonly jwksUri?: string;
  /** A recording fetch, trusting the target's CA. */
  readonly fetch: LabFetch;
  /** Epoch milliseconds (default `Date.now`): the mock's clock, when the mock's has been moved. */
  readonly now?: () => number;
  /** Names the clock `now` reads when it is not this machine's ("the mock's clock"), in the exp and nbf messages. */
  readonly clockName?: string;
  /** The certificate to check a bound token against. */
  readonly certificate?: ClientCertificate;
  /** Leeway for exp and nbf, in seconds (default 0). */
  readonly clockToleranceSeconds?: number;
  readonly signal?: AbortSignal;
}

const pass = (name: TokenCheckName, message: string): TokenCheck => ({ name, status: 'pass', message });
const fail = (name: TokenCheckName, message: string): TokenCheck => ({ name, status: 'fail', message });
const skipped = (name: TokenCheckName, message: string): TokenCheck => ({ name, status: 'skipped', message });

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

async function checkSignature(token: string, jwksUri: string, options: VerifyOptions): Promise<TokenCheck> {
  let jwks: JSONWebKeySet;
  try {
    const response = await options.fetch(jwksUri, { headers: { accept: 'application/json' }, ...(options.signal ? { signal: options.signal } : {}) });
    if (response.status !== 200) return fail('signature', `the JWKS at ${jwksUri} could not be fetched (HTTP ${response.status}), so the signature is unchecked`);
    jwks = (await response.json()) as JSONWebKeySet;
  } catch (error) {
    return fail('signature', `the JWKS at ${jwksUri} could not be fetched (${error instanceof Error ? error.message : String(error)}), so the signature is unchecked`);
  }
  try {
    await compactVerify(token, createLocalJWKSet(jwks), { algorithms: ['ES256', 'RS256', 'PS256', 'ES384', 'RS384', 'EdDSA'] });
    return pass('signature', `the signature verifies with a key of ${jwksUri}`);
  } catch (error) {
    if (error instanceof joseErrors.JWKSNoMatchingKey) return fail('signature', `no key of ${jwksUri} matches the token's "kid": another issuer signed it (another region, or another server)`);
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) return fail('signature', `the signature does not verify with the issuer's key: the token was altered, or forged`);
    if (error instanceof joseErrors.JOSEAlgNotAllowed) return fail('signature', `the token's "alg" is not one an access token may use`);
    return fail('signature', `the signature cannot be checked: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function checkTime(name: 'exp' | 'nbf', value: unknown, nowSeconds: number, tolerance: number, clockName: string | undefined): TokenCheck {
  if (value === undefined) return name === 'exp' ? fail('exp', 'the token has no "exp": an access token must expire (RFC 9068 §2.2)') : skipped('nbf', 'the token has no "nbf"');
  if (typeof value !== 'number') return fail(name, `"${name}" is not a number of seconds`);
  const by = clockName === undefined ? '' : ` by ${clockName}`;
  if (name === 'exp') {
    return value + tolerance > nowSeconds ? pass('exp', `not expired${by}: ${durationWords(value - nowSeconds)} left`) : fail('exp', `expired${by} ${durationWords(nowSeconds - value)} ago`);
  }
  return value - tolerance <= nowSeconds ? pass('nbf', `already valid${by} ("nbf" has passed)`) : fail('nbf', `not valid${by} for another ${durationWords(value - nowSeconds)}`);
}

function checkBinding(cnf: unknown, certificate: ClientCertificate | undefined): TokenCheck {
  const thumbprint = typeof cnf === 'object' && cnf !== null ? (cnf as Record<string, unknown>)['x5t#S256'] : undefined;
  if (thumbprint === undefined) return skipped('cnf', 'the token is not bound to a certificate');
  if (certificate === undefined) return skipped('cnf', 'the token is bound to a certificate; load the app\'s certificate to check it is that one');
  // X.509 names come one attribute a line ("C=US\nO=…\nCN=…"): one line here.
  const subject = certificate.subject.split(/\r?\n/).filter((part) => part !== '').join(', ');
  if (thumbprint === certificate.thumbprint) return pass('cnf', `bound to the loaded certificate (${subject}, SHA-256 thumbprint ${certificate.thumbprint})`);
  return fail('cnf', `bound to the certificate with thumbprint ${String(thumbprint)}, not to the loaded one (${certificate.thumbprint}): use the certificate the token was issued with, or get a new token`);
}

export async function verifyToken(pasted: string, options: VerifyOptions): Promise<TokenVerification> {
  const decoded = decodeToken(pasted);
  if (decoded.kind !== 'jwt') return { valid: false, checks: [fail('format', `cannot be verified here: ${decoded.summary}`)] };
  const token = pasted.trim().replace(/^bearer\s+/i, '');
  const issuer = trimSlash(options.issuer);
  const audience = options.audience ?? issuer;
  const { header, claims } = decoded;
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  const tolerance = options.clockToleranceSeconds ?? 0;
  const aud = claims['aud'];
  const audiences = Array.isArray(aud) ? aud.map(String) : aud === undefined ? [] : [String(aud)];
  const iss = typeof claims['iss'] === 'string' ? claims['iss'] : undefined;
  const checks: TokenCheck[] = [
    await checkSignature(token, options.jwksUri ?? `${issuer}/.well-known/jwks.json`, options),
    String(header['typ']).toLowerCase() === 'at+jwt' ? pass('typ', 'typ is "at+jwt": an access token (RFC 9068 §2.1)') : fail('typ', `typ is ${JSON.stringify(header['typ'] ?? null)}, not "at+jwt": not an RFC 9068 access token`),
    iss !== undefined && trimSlash(iss) === issuer ? pass('iss', `issued by ${issuer}, the selected target`) : fail('iss', `issued by ${iss ?? 'no one named'}, not by the selected target ${issuer} (wrong region, or another server)`),
    audiences.some((a) => trimSlash(a) === trimSlash(audience)) ? pass('aud', `meant for ${audience}`) : fail('aud', `meant for ${audiences.join(', ') || 'no audience'}, not for ${audience}`),
    checkTime('exp', claims['exp'], nowSeconds, tolerance, options.clockName),
    checkTime('nbf', claims['nbf'], nowSeconds, tolerance, options.clockName),
    checkBinding(claims['cnf'], options.certificate),
  ];
  return { valid: checks.every((check) => check.status !== 'fail'), checks };
}
