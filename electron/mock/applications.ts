/**
 * The account's OAuth applications, with every rule of Totango's article: one grant
 * type, callback URLs or an acting user, scopes, a lifetime of at most 24 hours, the
 * mutual-TLS flag, a limit of two per account, and a secret shown once.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { REGION_IDS } from '../../shared/regions';
import { isSelectableScope } from '../../shared/scope-choices';
import { AdminError, notFound } from './admin-error';
import { AppCertificates, type CertificateView } from './app-certificates';
import { callbackUrlProblem, MAX_CALLBACK_URLS } from './callback-urls';
import { generateClientSecret, hashClientSecret, verifyClientSecret, VerifiedSecretCache } from './client-secrets';
import type { Clock } from './clock';
import type { MockDatabase } from './mock-database';
import {
  GRANT_TYPES,
  MAX_ACCESS_TOKEN_TTL_SECONDS,
  MIN_ACCESS_TOKEN_TTL_SECONDS,
  TOTANGO_APPLICATION_LIMIT,
  type StoredApplication,
} from './mock-state';

const ttlSchema = z.number().int().min(MIN_ACCESS_TOKEN_TTL_SECONDS).max(MAX_ACCESS_TOKEN_TTL_SECONDS);

export const createApplicationInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  region: z.enum(REGION_IDS).default('us'),
  grantType: z.enum(GRANT_TYPES),
  callbackUrls: z.array(z.string()).max(MAX_CALLBACK_URLS).optional(),
  actingUserId: z.string().optional(),
  scopes: z.array(z.string()).min(1),
  accessTokenTtlSeconds: ttlSchema.default(MAX_ACCESS_TOKEN_TTL_SECONDS),
  mutualTls: z.boolean().default(false),
});
export type CreateApplicationInput = z.input<typeof createApplicationInput>;

export const updateApplicationInput = z.strictObject({
  accessTokenTtlSeconds: ttlSchema.optional(),
  mutualTls: z.boolean().optional(),
  callbackUrls: z.array(z.string()).max(MAX_CALLBACK_URLS).optional(),
});
export type UpdateApplicationInput = z.input<typeof updateApplicationInput>;

/** An application as the admin API shows it: no secret hash, no private key. */
export type Application = Omit<StoredApplication, 'clientSecretHash' | 'certificate'> & { certificate: CertificateView | null };

export const exportCertificateInput = z.strictObject({
  format: z.enum(['pem', 'pkcs12']),
  password: z.string().min(4).max(256).optional(),
});

export class ApplicationRegistry {
  private readonly verified = new VerifiedSecretCache();
  readonly certificates: AppCertificates;

  constructor(
    private readonly database: MockDatabase,
    private readonly clock: Clock,
  ) {
    this.certificates = new AppCertificates(database, clock);
  }

  publicView(app: StoredApplication): Application {
    const { clientSecretHash: _hidden, certificate, ...rest } = app;
    return { ...rest, certificate: certificate ? this.certificates.view(certificate) : null };
  }

  list(): Application[] {
    return this.database.state.applications.map((a) => this.publicView(a));
  }

  find(clientId: string): StoredApplication | undefined {
    return this.database.state.applications.find((a) => a.clientId === clientId);
  }

  get(clientId: string): Application {
    const app = this.find(clientId);
    if (!app) throw notFound('application', clientId);
    return this.publicView(app);
  }

  async create(raw: unknown): Promise<{ application: Application; clientSecret: string }> {
    const input = createApplicationInput.parse(raw);
    const { applications, settings } = this.database.state;
    // The input is checked first: a mistake in it is worth fixing whatever the limit.
    const scopes = checkScopes(input.scopes);
    const grant =
      input.grantType === 'authorization_code'
        ? { callbackUrls: checkCallbackUrls(input.callbackUrls), actingUserId: null }
        : { callbackUrls: noCallbacks(input.callbackUrls), actingUserId: this.checkActingUser(input.actingUserId) };
    if (input.grantType === 'authorization_code' && input.actingUserId !== undefined) {
      throw new AdminError('validation_failed', 'an authorization-code application acts as the user who signs in; "actingUserId" is for client credentials', 400, 'actingUserId');
    }
    if (applications.length >= settings.applicationLimit) throw limitReached(applications.length, settings.applicationLimit);
    const clientSecret = generateClientSecret();
    const now = new Date(this.clock.now()).toISOString();
    const app: StoredApplication = {
      clientId: randomUUID(),
      name: input.name,
      region: input.region,
      grantType: input.grantType,
      ...grant,
      scopes,
      accessTokenTtlSeconds: input.accessTokenTtlSeconds,
      mutualTls: input.mutualTls,
      clientSecretHash: await hashClientSecret(clientSecret),
      certificate: null,
      retiredCertificates: [],
      createdAt: now,
      updatedAt: now,
    };
    if (app.mutualTls) app.certificate = this.certificates.issue(app);
    applications.push(app);
    await this.database.save();
    return { application: this.publicView(app), clientSecret };
  }

  async update(clientId: string, raw: unknown): Promise<Application> {
    const input = updateApplicationInput.parse(raw);
    const app = this.find(clientId);
    if (!app) throw notFound('application', clientId);
    if (input.callbackUrls !== undefined) {
      if (app.grantType !== 'authorization_code') {
        throw new AdminError('validation_failed', 'only an authorization-code application has callback URLs', 400, 'callbackUrls');
      }
      app.callbackUrls = checkCallbackUrls(input.callbackUrls);
    }
    if (input.accessTokenTtlSeconds !== undefined) app.accessTokenTtlSeconds = input.accessTokenTtlSeconds;
    if (input.mutualTls === true && !app.mutualTls) {
      app.mutualTls = true;
      app.certificate = this.certificates.issue(app);
    } else if (input.mutualTls === false && app.mutualTls) {
      // Tokens bound to the certificate stop working with it; new tokens are unbound.
      app.mutualTls = false;
      this.certificates.replace(app, 'mutual_tls_turned_off', null);
    }
    app.updatedAt = new Date(this.clock.now()).toISOString();
    await this.database.save();
    return this.publicView(app);
  }

  /** Deletes the application; every token it was issued stops working, since none verifies without its app. */
  async delete(clientId: string): Promise<void> {
    const state = this.database.state;
    const index = state.applications.findIndex((a) => a.clientId === clientId);
    if (index < 0) throw notFound('application', clientId);
    state.applications.splice(index, 1);
    this.verified.forget(clientId);
    await this.database.save();
  }

  /** Gives a certificate to mutual-TLS apps that have none (state written before the mock had a PKI). */
  async issueMissingCertificates(): Promise<void> {
    const missing = this.database.state.applications.filter((a) => a.mutualTls && !a.certificate);
    for (const app of missing) app.certificate = this.certificates.issue(app);
    if (missing.length > 0) await this.database.save();
  }

  /** Issues a new certificate; the old one and every token bound to it stop working. */
  async renewCertificate(clientId: string): Promise<Application> {
    const app = this.requireMutualTls(clientId);
    this.certificates.replace(app, 'renewed', this.certificates.issue(app));
    app.updatedAt = new Date(this.clock.now()).toISOString();
    await this.database.save();
    return this.publicView(app);
  }

  /** Marks the app's certificate expired (fault injection), whatever its dates say. */
  async expireCertificate(clientId: string): Promise<Application> {
    const app = this.requireMutualTls(clientId);
    if (app.certificate) app.certificate.expiredByFault = true;
    await this.database.save();
    return this.publicView(app);
  }

  exportCertificate(clientId: string, raw: unknown): { contentType: string; fileName: string; body: string | Buffer } {
    const input = exportCertificateInput.parse(raw);
    const app = this.requireMutualTls(clientId);
    const certificate = app.certificate;
    if (!certificate) throw new AdminError('conflict', `application "${clientId}" has no certificate`, 409);
    const base = app.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '') || 'application';
    if (input.format === 'pem') {
      if (input.password !== undefined) throw new AdminError('validation_failed', 'a PEM bundle takes no password; the private key in it is unencrypted', 400, 'password');
      return { contentType: 'application/x-pem-file', fileName: `${base}.pem`, body: this.certificates.exportPem(certificate) };
    }
    if (input.password === undefined) throw new AdminError('validation_failed', 'a PKCS#12 export needs a "password" of at least 4 characters', 400, 'password');
    return { contentType: 'application/x-pkcs12', fileName: `${base}.p12`, body: this.certificates.exportPkcs12(app, certificate, input.password) };
  }

  private requireMutualTls(clientId: string): StoredApplication {
    const app = this.find(clientId);
    if (!app) throw notFound('application', clientId);
    if (!app.mutualTls) throw new AdminError('conflict', `application "${app.name}" does not use mutual TLS; turn it on first ("mutualTls": true)`, 409, 'mutualTls');
    return app;
  }

  /** Checks a presented secret; a secret that passed once is remembered for this process. */
  async secretMatches(app: StoredApplication, secret: string): Promise<boolean> {
    if (this.verified.has(app.clientId, secret)) return true;
    const ok = await verifyClientSecret(secret, app.clientSecretHash);
    // The app may have been deleted while scrypt ran.
    if (ok && this.find(app.clientId) === app) this.verified.remember(app.clientId, secret);
    return ok;
  }

  private checkActingUser(userId: string | undefined): string {
    if (userId === undefined) {
      throw new AdminError('validation_failed', 'a client-credentials application needs "actingUserId", the Totango user it acts as', 400, 'actingUserId');
    }
    const user = this.database.state.users.find((u) => u.id === userId);
    if (!user) throw new AdminError('validation_failed', `no user "${userId}"`, 400, 'actingUserId');
    if (user.status !== 'active') {
      throw new AdminError('validation_failed', `user "${userId}" is ${user.status}; an application can act only as an active user`, 400, 'actingUserId');
    }
    return userId;
  }
}

function checkScopes(scopes: readonly string[]): string[] {
  const seen = new Set<string>();
  scopes.forEach((scope, i) => {
    if (!isSelectableScope(scope)) {
      throw new AdminError('validation_failed', `scope "${scope}" is not one Totango offers; see GET /admin/scopes`, 400, `scopes.${i}`);
    }
    if (seen.has(scope)) throw new AdminError('validation_failed', `scope "${scope}" is listed twice`, 400, `scopes.${i}`);
    seen.add(scope);
  });
  return [...scopes];
}

function checkCallbackUrls(urls: readonly string[] | undefined): string[] {
  if (urls === undefined || urls.length === 0) {
    throw new AdminError('validation_failed', 'an authorization-code application needs one or more "callbackUrls"', 400, 'callbackUrls');
  }
  urls.forEach((url, i) => {
    const problem = callbackUrlProblem(url);
    if (problem) throw new AdminError('validation_failed', `callback URL "${url}" ${problem}`, 400, `callbackUrls.${i}`);
    if (urls.indexOf(url) !== i) throw new AdminError('validation_failed', `callback URL "${url}" is listed twice`, 400, `callbackUrls.${i}`);
  });
  return [...urls];
}

function noCallbacks(urls: readonly string[] | undefined): string[] {
  if (urls !== undefined && urls.length > 0) {
    throw new AdminError('validation_failed', 'a client-credentials application has no callback URLs', 400, 'callbackUrls');
  }
  return [];
}

/** Totango's limit, in Totango's words; a raised limit is the mock's setting, and says so. */
function limitReached(count: number, limit: number): AdminError {
  const whose = limit === TOTANGO_APPLICATION_LIMIT ? `Totango limits an account to ${limit}` : `the mock's "applicationLimit" setting allows ${limit} (Totango limits an account to ${TOTANGO_APPLICATION_LIMIT})`;
  return new AdminError(
    'application_limit_reached',
    `this account already has ${count} applications, and ${whose}; contact your Totango representative if you need additional applications (on the mock, raise "applicationLimit" in the settings)`,
    409,
  );
}
