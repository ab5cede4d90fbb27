/**
 * The application's configuration for a repro bundle, never a secret: from the mock's
 * admin API when the target is the mock (grant, scopes, lifetime, mutual TLS, callback
 * URLs, the acting user and their status), otherwise from the credentials summary and
 * the current token's claims (what the Lab can know of a real tenant's app). And what
 * else goes in the bundle: only what belongs to that application (its exchanges on the
 * timeline, the current token if it was issued to it, the last diagnostics if they ran
 * with its token), so that a bundle never mixes apps.
 *
 * @see ../../client/recorder/repro-bundle-schema.ts
 */
import type { CurrentToken } from '../../../shared/contract/client-schemas';
import type { ApplicationView, MockUserView } from '../../../shared/contract/mock-schemas';
import type { ReproApp } from '../../client/recorder/repro-bundle-schema';
import { decodeTokenForBundle, type ReproBundleInput } from '../../client/recorder/repro-bundle';
import { ServiceError } from '../service-error';
import type { ClientSession } from './session-state';

function claimsOf(token: CurrentToken | null): Record<string, unknown> {
  if (token === null) return {};
  const decoded = decodeTokenForBundle(token.accessToken);
  return decoded.kind === 'jwt' ? decoded.claims : {};
}

function lifetimeOf(claims: Record<string, unknown>): number | undefined {
  const { iat, exp } = claims;
  return typeof iat === 'number' && typeof exp === 'number' && exp > iat ? Math.min(Math.round(exp - iat), 86_400) : undefined;
}

async function mockReproApp(session: ClientSession, clientId: string, targetKey: string): Promise<ReproApp> {
  const admin = session.context.mockAdmin;
  const app = await admin.json<ApplicationView>('GET', `/admin/applications/${encodeURIComponent(clientId)}`);
  let actingUser: ReproApp['actingUser'];
  if (app.actingUserId !== null) {
    const user = await admin.json<MockUserView>('GET', `/admin/users/${encodeURIComponent(app.actingUserId)}`);
    actingUser = { id: user.id, email: user.email, status: user.status };
  }
  const token = session.currentToken;
  const requested = token !== null && token.clientId === app.clientId && token.scopes.length > 0 && token.scopes.length < app.scopes.length ? token.scopes : undefined;
  const credentials = await session.credentials.summary(targetKey);
  const issuer = session.mock.known?.regions[app.region].issuer;
  return {
    name: app.name,
    grantType: app.grantType,
    scopes: [...app.scopes],
    ...(requested === undefined ? {} : { requestedScopes: [...requested] }),
    accessTokenTtlSeconds: app.accessTokenTtlSeconds,
    mutualTls: app.mutualTls,
    callbackUrls: [...app.callbackUrls],
    ...(actingUser === undefined ? {} : { actingUser }),
    region: app.region,
    target: { kind: 'mock', ...(issuer === undefined ? {} : { baseUrl: issuer }) },
    ...(credentials?.clientId === app.clientId ? { clientAuthentication: credentials.authMethod } : {}),
    originalClientId: app.clientId,
  };
}

async function realReproApp(session: ClientSession, targetKey: string, clientId: string | undefined): Promise<ReproApp> {
  const entry = await session.targets.entry(targetKey);
  const credentials = await session.credentials.summary(targetKey);
  const current = session.currentToken;
  const currentClaims = claimsOf(current);
  const original = clientId ?? credentials?.clientId ?? (typeof currentClaims['client_id'] === 'string' ? currentClaims['client_id'] : undefined);
  // Only the app's own token tells its scopes, user and lifetime.
  const token = current !== null && (current.clientId === undefined || current.clientId === original) ? current : null;
  const claims = claimsOf(token);
  const scopes = token?.scopes ?? [];
  if (scopes.length === 0) throw new ServiceError('invalid_configuration', `the scopes of the application on "${targetKey}" are unknown to the Lab: get a token for it with a "scope" first, and export the bundle again`);
  const user = claims['totango_user'] as { id?: unknown; email?: unknown } | undefined;
  const ttl = lifetimeOf(claims);
  return {
    name: `application ${original ?? 'unknown'} on ${entry.label}`.slice(0, 100),
    grantType: token?.source === 'authorization_code' || (token?.source === 'pasted' && claims['auth_time'] !== undefined) ? 'authorization_code' : 'client_credentials',
    scopes: [...scopes],
    mutualTls: credentials?.certificate !== null && credentials?.certificate !== undefined,
    callbackUrls: [],
    ...(typeof user?.id === 'string' && typeof user.email === 'string' ? { actingUser: { id: user.id, email: user.email } } : {}),
    region: entry.region ?? 'us',
    target: { kind: entry.kind === 'custom' ? 'custom' : (entry.region ?? 'us'), baseUrl: entry.baseUrl },
    ...(credentials === null ? {} : { clientAuthentication: credentials.authMethod }),
    ...(ttl === undefined ? {} : { accessTokenTtlSeconds: ttl }),
    ...(original === undefined ? {} : { originalClientId: original }),
  };
}

/** The application a bundle describes: the one chosen, else the current token's, else the one loaded for the selected target. */
export async function bundleApp(session: ClientSession, chosen: string | undefined): Promise<ReproApp> {
  const targetKey = session.selectedTarget;
  const fallback = chosen ?? session.currentToken?.clientId;
  if (!targetKey.startsWith('mock:')) return realReproApp(session, targetKey, fallback);
  const id = fallback ?? (await session.credentials.summary(targetKey))?.clientId;
  if (id === undefined) throw new ServiceError('invalid_configuration', `no application to describe on "${targetKey}": load one with "targets.useApplication", or give "clientId"`, { field: 'clientId' });
  return mockReproApp(session, id, targetKey);
}

/** What of the session belongs to the app: its exchanges, the current token if issued to it, the last diagnostics if run with its token. */
export function bundleContents(session: ClientSession, app: ReproApp): ReproBundleInput {
  const clientId = app.originalClientId;
  const token = session.currentToken;
  const diagnostics = session.lastDiagnostics;
  const timeline = clientId === undefined ? [] : session.timeline.listFor(clientId);
  const ownToken = token !== null && clientId !== undefined && token.clientId === clientId ? token : null;
  const ownDiagnostics = diagnostics !== null && clientId !== undefined && diagnostics.clientId === clientId ? diagnostics.matrix : undefined;
  const nothing = timeline.length === 0 && ownToken === null && ownDiagnostics === undefined;
  return {
    app,
    timeline,
    ...(ownToken === null ? {} : { accessToken: ownToken.accessToken }),
    ...(ownDiagnostics === undefined ? {} : { diagnostics: ownDiagnostics }),
    ...(nothing ? { description: `Nothing of application ${clientId ?? '(unknown client ID)'} was recorded in this session: the bundle holds its configuration only.`.slice(0, 4000) } : {}),
  };
}
