/**
 * Replays a repro bundle on the local mock: the same application (grant, scopes,
 * lifetime, mutual TLS, callback URLs, region) registered through the mock's admin API,
 * acting as a user with the same email (created when missing), and that user put in the
 * state the bundle records (disabled or deleted) once the application exists, since the
 * mock registers applications only for active users. Plain HTTP calls to the admin API:
 * the client never imports the mock.
 *
 * @see ../../../docs/mock-totango.md (the admin API it drives)
 */
import { randomUUID } from 'node:crypto';
import type { ReproBundle } from './repro-bundle-schema';

export interface ImportOptions {
  /** The mock's admin origin, e.g. `http://127.0.0.1:4780`. */
  readonly adminBaseUrl: string;
  readonly fetch?: typeof fetch;
  /** Raise the mock's application limit when it is reached, rather than fail. */
  readonly raiseApplicationLimit?: boolean;
}

export interface ImportedApp {
  readonly clientId: string;
  /** Shown once, as the mock returns it: for replaying the failure. */
  readonly clientSecret: string;
  readonly region: 'us' | 'eu';
  readonly actingUserId?: string;
  /** What the import did beyond registering the application, in words. */
  readonly notes: readonly string[];
}

interface MockUser {
  readonly id: string;
  readonly email: string;
  readonly status: 'active' | 'disabled' | 'deleted';
}

type Admin = <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

export async function importReproBundle(bundle: ReproBundle, options: ImportOptions): Promise<ImportedApp> {
  const admin = adminClient(options);
  const notes: string[] = [];
  const { app } = bundle;
  let actingUser: MockUser | undefined;
  if (app.grantType === 'client_credentials') {
    if (app.actingUser === undefined) throw new Error('the bundle\'s client-credentials app has no "app.actingUser"');
    actingUser = await activeUserFor(admin, app.actingUser.email, notes);
  }
  const registration = {
    name: `${app.name} (replay)`.slice(0, 100),
    region: app.region,
    grantType: app.grantType,
    scopes: app.scopes,
    mutualTls: app.mutualTls,
    ...(app.accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds: app.accessTokenTtlSeconds }),
    ...(app.grantType === 'authorization_code' ? { callbackUrls: app.callbackUrls } : { actingUserId: actingUser?.id }),
  };
  let created = await admin<{ application?: { clientId: string }; clientSecret?: string; error_description?: string; error?: string }>('POST', '/admin/applications', registration);
  if (created.status === 409 && created.body.error === 'application_limit_reached' && options.raiseApplicationLimit === true) {
    const settings = await admin<{ applicationLimit: number }>('GET', '/admin/settings');
    await expectOk(admin('PATCH', '/admin/settings', { applicationLimit: settings.body.applicationLimit + 1 }), 'raising the application limit');
    notes.push(`raised the mock's application limit to ${settings.body.applicationLimit + 1}`);
    created = await admin('POST', '/admin/applications', registration);
  }
  if (created.status !== 201 || created.body.application === undefined || created.body.clientSecret === undefined) {
    throw new Error(`the mock refused to register the application: ${created.body.error_description ?? `HTTP ${created.status}`}`);
  }
  const status = replayedUserStatus(bundle);
  if (actingUser !== undefined && status !== 'active') {
    await expectOk(admin('PATCH', `/admin/users/${encodeURIComponent(actingUser.id)}`, { status }), `setting user "${actingUser.id}" ${status}`);
    notes.push(`acting user ${actingUser.email} (${actingUser.id}) set ${status}, as in the bundle`);
  }
  return {
    clientId: created.body.application.clientId,
    clientSecret: created.body.clientSecret,
    region: app.region,
    ...(actingUser === undefined ? {} : { actingUserId: actingUser.id }),
    notes,
  };
}

/** The acting user's status to reproduce: the bundle's, else disabled when the diagnostics blamed the acting user. */
export function replayedUserStatus(bundle: ReproBundle): 'active' | 'disabled' | 'deleted' {
  if (bundle.app.actingUser?.status !== undefined) return bundle.app.actingUser.status;
  const blamed = bundle.diagnostics?.rows.some((row) => (row['cause'] as { code?: unknown } | undefined)?.code === 'acting_user_inactive');
  return blamed === true ? 'disabled' : 'active';
}

/** An active mock user with that email: the existing one (reactivated when disabled), or a new one. */
async function activeUserFor(admin: Admin, email: string, notes: string[]): Promise<MockUser> {
  const listed = await admin<{ users: MockUser[] }>('GET', '/admin/users');
  const existing = listed.body.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
  if (existing?.status === 'active') return existing;
  if (existing?.status === 'disabled') {
    await expectOk(admin('PATCH', `/admin/users/${encodeURIComponent(existing.id)}`, { status: 'active' }), `reactivating user "${existing.id}"`);
    notes.push(`reactivated ${existing.email} (${existing.id}) to register the application`);
    return { ...existing, status: 'active' };
  }
  // A deleted user is final on the mock: a new user stands in, with a tagged email.
  const wanted = existing === undefined ? email : email.replace('@', `+replay-${randomUUID().slice(0, 8)}@`);
  const local = wanted.split('@')[0] ?? 'replay';
  const [first = 'Replay', last = 'User'] = local.split(/[._+-]/).filter((part) => part !== '').map((part) => part[0]?.toUpperCase() + part.slice(1));
  const created = await admin<MockUser & { error_description?: string }>('POST', '/admin/users', { email: wanted, firstName: first, lastName: last });
  if (created.status !== 201) throw new Error(`the mock refused to create the acting user "${wanted}": ${created.body.error_description ?? `HTTP ${created.status}`}`);
  notes.push(`created acting user ${wanted} (${created.body.id})`);
  return created.body;
}

function adminClient(options: ImportOptions): Admin {
  const base = options.adminBaseUrl.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? fetch;
  return async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetchFn(`${base}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as T };
  };
}

async function expectOk(pending: Promise<{ status: number; body: unknown }>, what: string): Promise<void> {
  const { status, body } = await pending;
  if (status >= 300) throw new Error(`${what} failed on the mock: ${(body as { error_description?: string }).error_description ?? `HTTP ${status}`}`);
}
