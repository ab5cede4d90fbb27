/**
 * Access tokens: JWTs per RFC 9068 (`typ: at+jwt`), signed with the region's key, and
 * the checks that introspection and the APIs run on them, each failure with its cause.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068
 */
import { randomUUID } from 'node:crypto';
import type { RegionId } from '../../shared/regions';
import type { ApplicationRegistry } from './applications';
import { seconds, type Clock } from './clock';
import { decodeJwt, jwtSigningInput, verifySignature, type DecodedJwt, type JwtClaims } from './jwt';
import type { MockDatabase } from './mock-database';
import type { MockUser, StoredApplication } from './mock-state';
import { SigningPool } from './signing-pool';
import { loadSigningKey, RegionKeys } from './signing-keys';
import { inactiveUserReason, type UserDirectory } from './users';

export const ACCESS_TOKEN_TYPE = 'at+jwt';

export interface AccessTokenClaims extends JwtClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly client_id: string;
  readonly scope: string;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
  readonly auth_time?: number;
  /** The Totango user the token acts as. */
  readonly totango_user: { readonly id: string; readonly email: string };
  /** The Totango account (service) the token belongs to. */
  readonly service_id: string;
  /** RFC 8705 §3.1: the thumbprint of the certificate the token is bound to. */
  readonly cnf?: { readonly 'x5t#S256': string };
}

export type TokenFailure =
  | 'malformed'
  | 'unsupported_algorithm'
  | 'wrong_type'
  | 'wrong_region'
  | 'unknown_key'
  | 'bad_signature'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'expired'
  | 'not_yet_valid'
  | 'revoked'
  | 'application_deleted'
  | 'user_inactive'
  | 'certificate_replaced'
  | 'certificate_expired';

export type TokenCheck =
  | { readonly ok: true; readonly claims: AccessTokenClaims; readonly app: StoredApplication; readonly user: MockUser }
  | { readonly ok: false; readonly failure: TokenFailure; readonly description: string; readonly claims?: JwtClaims };

export interface IssueRequest {
  readonly region: RegionId;
  readonly app: StoredApplication;
  readonly user: MockUser;
  readonly scopes: readonly string[];
  /** For the authorization-code grant: when the user signed in, in seconds. */
  readonly authTime?: number;
  /** For a mutual-TLS app: the thumbprint of the certificate the token is bound to. */
  readonly certificateThumbprint?: string;
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly scope: string;
  readonly jti: string;
  readonly exp: number;
}

const REGION_NAMES: Readonly<Record<RegionId, string>> = { us: 'US', eu: 'EU' };

/** How many tokens whose signature verified are remembered, so that a repeated call skips the signature check. */
const VERIFIED_CACHE_SIZE = 10_000;

export class AccessTokens {
  private readonly keys: Readonly<Record<RegionId, RegionKeys>>;
  private readonly revoked: Map<string, number>;
  private readonly signer: SigningPool;
  /** Signature-verified tokens by region; every other check still runs on each use. */
  private readonly verified = new Map<string, { region: RegionId; jwt: DecodedJwt }>();

  constructor(
    private readonly database: MockDatabase,
    private readonly clock: Clock,
    private readonly applications: ApplicationRegistry,
    private readonly users: UserDirectory,
    /** The issuer (and audience) of each region, known once its server listens. */
    private readonly issuerOf: (region: RegionId) => string,
  ) {
    const { keys } = database.state;
    this.keys = { us: new RegionKeys(keys.us.map(loadSigningKey)), eu: new RegionKeys(keys.eu.map(loadSigningKey)) };
    this.revoked = new Map(database.state.revokedTokens.map((r) => [r.jti, r.exp]));
    this.signer = new SigningPool([...this.keys.us.keys, ...this.keys.eu.keys]);
  }

  close(): Promise<void> {
    return this.signer.close();
  }

  jwks(region: RegionId): ReturnType<RegionKeys['jwks']> {
    return this.keys[region].jwks();
  }

  async issue(request: IssueRequest): Promise<IssuedToken> {
    const { app, user, region } = request;
    const iat = seconds(this.clock.now());
    const exp = iat + app.accessTokenTtlSeconds;
    const jti = randomUUID();
    const scope = request.scopes.join(' ');
    const issuer = this.issuerOf(region);
    const claims: AccessTokenClaims = {
      iss: issuer,
      sub: app.grantType === 'client_credentials' ? app.clientId : user.id,
      aud: issuer,
      client_id: app.clientId,
      scope,
      iat,
      exp,
      jti,
      ...(request.authTime === undefined ? {} : { auth_time: request.authTime }),
      totango_user: { id: user.id, email: user.email },
      service_id: this.database.state.account.serviceId,
      ...(request.certificateThumbprint === undefined ? {} : { cnf: { 'x5t#S256': request.certificateThumbprint } }),
    };
    const key = this.keys[region].forAlgorithm(this.database.state.settings.signingAlgorithm);
    const signingInput = jwtSigningInput({ typ: ACCESS_TOKEN_TYPE }, claims, key);
    const signature = await this.signer.sign(key.kid, signingInput);
    return { accessToken: `${signingInput}.${signature}`, expiresIn: app.accessTokenTtlSeconds, scope, jti, exp };
  }

  /** Every check a resource server runs, in order; the first failure is the answer. */
  check(region: RegionId, token: string): TokenCheck {
    const known = this.verified.get(token);
    if (known?.region === region) return this.checkClaims(region, known.jwt.claims);
    const signed = this.checkSignature(region, token);
    if (!signed.ok) return signed;
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value ?? '');
    this.verified.set(token, { region, jwt: signed.jwt });
    return this.checkClaims(region, signed.jwt.claims);
  }

  private checkSignature(region: RegionId, token: string): { ok: true; jwt: DecodedJwt } | (TokenCheck & { ok: false }) {
    const decoded = decodeJwt(token);
    if (!decoded.ok) return fail('malformed', `the access token is malformed: ${decoded.reason}`);
    const { header, claims } = decoded.jwt;
    if (header.alg !== 'ES256' && header.alg !== 'RS256') {
      return fail('unsupported_algorithm', `the access token's "alg" is "${String(header.alg)}"; only ES256 and RS256 are accepted`, claims);
    }
    if (typeof header.typ !== 'string' || header.typ.toLowerCase().replace(/^application\//, '') !== ACCESS_TOKEN_TYPE) {
      return fail('wrong_type', `the token's "typ" is ${JSON.stringify(header.typ ?? null)}, not "at+jwt": it is not an access token (RFC 9068)`, claims);
    }
    const kid = typeof header.kid === 'string' ? header.kid : '';
    const key = this.keys[region].find(kid);
    if (!key) {
      const other = otherRegion(region);
      if (this.keys[other].find(kid)) {
        return fail('wrong_region', `the access token was issued by the ${REGION_NAMES[other]} region (${this.issuerOf(other)}); this is the ${REGION_NAMES[region]} region (${this.issuerOf(region)})`, claims);
      }
      return fail('unknown_key', `the access token is signed with a key this issuer does not know ("kid" ${JSON.stringify(kid)})`, claims);
    }
    if (!verifySignature(decoded.jwt, key)) return fail('bad_signature', 'the access token\'s signature does not verify', claims);
    return { ok: true, jwt: decoded.jwt };
  }

  /** The checks that depend on time and state: they run on every use of a token. */
  private checkClaims(region: RegionId, claims: JwtClaims): TokenCheck {
    const shape = accessTokenShape(claims);
    if (!shape) return fail('malformed', 'the access token lacks a claim RFC 9068 requires', claims);
    if (shape.iss !== this.issuerOf(region)) return fail('wrong_issuer', `the access token's issuer is "${shape.iss}", not "${this.issuerOf(region)}"`, claims);
    if (shape.aud !== this.issuerOf(region)) return fail('wrong_audience', `the access token's audience is "${shape.aud}", not "${this.issuerOf(region)}"`, claims);
    const now = seconds(this.clock.now());
    if (shape.exp <= now) return fail('expired', `the access token expired at ${new Date(shape.exp * 1000).toISOString()} (mock clock: ${new Date(now * 1000).toISOString()})`, claims);
    if (shape.iat > now + 60) return fail('not_yet_valid', `the access token was issued in the future (${new Date(shape.iat * 1000).toISOString()})`, claims);
    if (this.revoked.has(shape.jti)) return fail('revoked', 'the access token has been revoked', claims);
    const app = this.applications.find(shape.client_id);
    if (!app) return fail('application_deleted', `the application "${shape.client_id}" that was issued this token has been deleted`, claims);
    const user = this.users.find(shape.totango_user.id);
    const inactive = inactiveUserReason(user, shape.totango_user.id);
    if (inactive || !user) return fail('user_inactive', inactive ?? 'the acting user is not active', claims);
    const bound = shape.cnf?.['x5t#S256'];
    if (bound !== undefined) {
      if (app.certificate?.thumbprint !== bound) {
        return fail('certificate_replaced', 'the access token is bound to a certificate the application no longer has (renewed, or mutual TLS turned off); get a new token with the current certificate', claims);
      }
      if (this.applications.certificates.isExpired(app.certificate)) {
        return fail('certificate_expired', `the access token is bound to a certificate that has expired (${app.certificate.expiredByFault ? 'expired by the mock\'s fault injection' : `on ${app.certificate.notAfter}`}); renew the certificate`, claims);
      }
    } else if (app.mutualTls) {
      return fail('certificate_replaced', 'the application uses mutual TLS, and this token is not bound to its certificate; get a new token with the certificate', claims);
    }
    return { ok: true, claims: shape, app, user };
  }

  isRevoked(jti: string): boolean {
    return this.revoked.has(jti);
  }

  async revoke(entries: readonly { jti: string; exp: number }[]): Promise<void> {
    const fresh = entries.filter((e) => !this.revoked.has(e.jti));
    if (fresh.length === 0) return;
    for (const entry of fresh) this.revoked.set(entry.jti, entry.exp);
    this.database.state.revokedTokens.push(...fresh);
    await this.database.save();
  }
}

function fail(failure: TokenFailure, description: string, claims?: JwtClaims): TokenCheck & { ok: false } {
  return claims === undefined ? { ok: false, failure, description } : { ok: false, failure, description, claims };
}

export function otherRegion(region: RegionId): RegionId {
  return region === 'us' ? 'eu' : 'us';
}

function accessTokenShape(claims: JwtClaims): AccessTokenClaims | undefined {
  const c = claims as Partial<AccessTokenClaims>;
  const user = c.totango_user;
  const ok =
    typeof c.iss === 'string' &&
    typeof c.sub === 'string' &&
    typeof c.aud === 'string' &&
    typeof c.client_id === 'string' &&
    typeof c.scope === 'string' &&
    typeof c.iat === 'number' &&
    typeof c.exp === 'number' &&
    typeof c.jti === 'string' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string';
  return ok ? (claims as AccessTokenClaims) : undefined;
}
