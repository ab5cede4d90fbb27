/**
 * The application's configuration for a repro bundle, never a secret: from the mock's
 * admin API when the target is the mock (grant, scopes, lifetime, mutual TLS, callback
 * URLs, the acting user and their status), otherwise from the credentials summary and
 * the current token's claims (what the Lab can know of a real tenant's app).
 *
 * @see ../../client/recorder/repro-bundle-schema.ts
 */
import type { CurrentToken } from '../../../shared/contract/client-schemas';
import type { ApplicationView, MockUserView } from '../../../shared/contract/mock-schemas';
import type { ReproApp } from '../../client/recorder/repro-bundle-schema';
import { decodeTokenForBundle } from '../../client/recorder/repro-bundle';
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

export async function mockReproApp(session: ClientSession, clientId: string, targetKey: string): Promise<ReproApp> {
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

export async function realReproApp(session: ClientSession, targetKey: string, clientId: string | undefined): Promise<ReproApp> {
  const entry = await session.targets.entry(targetKey);
  const credentials = await session.credentials.summary(targetKey);
  const token = session.currentToken;
  const claims = claimsOf(token);
  const scopes = token?.scopes ?? [];
  if (scopes.length === 0) throw new ServiceError('invalid_configuration', `the scopes of the application on "${targetKey}" are unknown to the Lab: get a token with a "scope" first, and export the bundle again`);
  const user = claims['totango_user'] as { id?: unknown; email?: unknown } | undefined;
  const original = clientId ?? credentials?.clientId ?? (typeof claims['client_id'] === 'string' ? claims['client_id'] : undefined);
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
