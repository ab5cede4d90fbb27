/**
 * The admin API over real HTTP: applications and users with the article's rules, the
 * secret shown once and stored only as a hash, the loopback guard, and an OpenAPI
 * document that covers every route.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STATE_FILE } from '../mock-database';
import { rawRequest, startMockHarness, type MockHarness } from '../testing/mock-harness';
import { createAdminServer } from './admin-server';

interface ApplicationBody {
  clientId: string;
  name: string;
  region: string;
  grantType: string;
  callbackUrls: string[];
  actingUserId: string | null;
  scopes: string[];
  accessTokenTtlSeconds: number;
  mutualTls: boolean;
  createdAt: string;
  updatedAt: string;
}

interface ErrorBody {
  error: string;
  error_description: string;
  field?: string;
}

const machineInput = { name: 'Nightly sync', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'user:upsert'] } as const;
const portalInput = { name: 'Partner portal', grantType: 'authorization_code', callbackUrls: ['https://partner.example.com/cb'], scopes: ['account:read'] } as const;

function useHarness(options: { applicationLimit?: number } = {}): () => MockHarness {
  let harness: MockHarness | undefined;
  beforeAll(async () => {
    harness = await startMockHarness(options);
  });
  afterEach(() => {
    expect(harness?.loggedErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await harness?.stop();
  });
  return () => {
    if (!harness) throw new Error('the mock has not started');
    return harness;
  };
}

describe('applications', () => {
  const mock = useHarness();

  it('creates an application and returns its client secret once', async () => {
    const created = await mock().admin<{ application: ApplicationBody; clientSecret: string }>('POST', '/admin/applications', machineInput);
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { application, clientSecret } = created.body;
    expect(created.headers.get('location')).toBe(`/admin/applications/${application.clientId}`);
    expect(application).toMatchObject({
      clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Nightly sync',
      region: 'us',
      grantType: 'client_credentials',
      callbackUrls: [],
      actingUserId: 'u-1003',
      scopes: ['account:read', 'user:upsert'],
      accessTokenTtlSeconds: 86400,
      mutualTls: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(clientSecret).toMatch(/^[\w-]{43}$/);

    const secretFree = async (path: string) => {
      const response = await mock().admin('GET', path);
      expect(response.status, path).toBe(200);
      const text = JSON.stringify(response.body);
      expect(text, path).not.toContain(clientSecret);
      expect(text, path).not.toContain('scrypt$');
      expect(text, path).not.toContain('clientSecretHash');
      return response.body;
    };
    expect(await secretFree('/admin/applications')).toEqual({ applications: [application] });
    expect(await secretFree(`/admin/applications/${application.clientId}`)).toEqual(application);
    expect(await secretFree('/admin/status')).toMatchObject({ status: 'running', counts: { applications: 1 } });

    const onDisk = await readFile(join(mock().dataDir, STATE_FILE), 'utf8');
    expect(onDisk).toContain(application.clientId);
    expect(onDisk).not.toContain(clientSecret);
    const stored = (JSON.parse(onDisk) as { applications: { clientId: string; clientSecretHash: string }[] }).applications.find((a) => a.clientId === application.clientId);
    expect(stored?.clientSecretHash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  });

  it('updates the token lifetime and the callback URLs', async () => {
    const { body } = await mock().admin<{ application: ApplicationBody }>('POST', '/admin/applications', portalInput);
    const { clientId } = body.application;
    const updated = await mock().admin<ApplicationBody>('PATCH', `/admin/applications/${clientId}`, { accessTokenTtlSeconds: 3600, callbackUrls: ['http://127.0.0.1:9000/cb', 'com.example.lab:/oauth'] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ accessTokenTtlSeconds: 3600, callbackUrls: ['http://127.0.0.1:9000/cb', 'com.example.lab:/oauth'] });
    expect((await mock().admin<ApplicationBody>('GET', `/admin/applications/${clientId}`)).body.accessTokenTtlSeconds).toBe(3600);
  });

  it('refuses to change what the article does not let change after creation', async () => {
    const { body } = await mock().admin<{ applications: ApplicationBody[] }>('GET', '/admin/applications');
    const machine = body.applications.find((a) => a.grantType === 'client_credentials');
    const scopes = await mock().admin<ErrorBody>('PATCH', `/admin/applications/${machine?.clientId}`, { scopes: ['admin'] });
    expect(scopes.status).toBe(400);
    expect(scopes.body.error).toBe('validation_failed');
    expect(scopes.body.error_description).toContain('"scopes"');
    const callbacks = await mock().admin<ErrorBody>('PATCH', `/admin/applications/${machine?.clientId}`, { callbackUrls: ['https://x.example/cb'] });
    expect(callbacks.body).toEqual({ error: 'validation_failed', error_description: 'only an authorization-code application has callback URLs', field: 'callbackUrls' });
  });

  it('refuses a third application with 409 application_limit_reached, naming the limit, until the limit is raised', async () => {
    const refused = await mock().admin<ErrorBody>('POST', '/admin/applications', machineInput);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('application_limit_reached');
    expect(refused.body.error_description).toContain('Totango limits an account to 2');
    expect(refused.body.error_description).toContain('raise "applicationLimit"');

    const raised = await mock().admin('PATCH', '/admin/settings', { applicationLimit: 3 });
    expect(raised.body).toMatchObject({ applicationLimit: 3 });
    expect((await mock().admin('POST', '/admin/applications', machineInput)).status).toBe(201);
    const again = await mock().admin<ErrorBody>('POST', '/admin/applications', machineInput);
    expect(again.status).toBe(409);
    expect(again.body.error_description).toContain('the mock\'s "applicationLimit" setting allows 3 (Totango limits an account to 2)');
  });

  it('names a mistake in the input before the limit: it is worth fixing either way', async () => {
    const { body } = await mock().admin<{ applications: unknown[] }>('GET', '/admin/applications');
    await mock().admin('PATCH', '/admin/settings', { applicationLimit: body.applications.length });
    const refused = await mock().admin<ErrorBody>('POST', '/admin/applications', { ...machineInput, scopes: ['account:frobnicate'] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('validation_failed');
    expect((await mock().admin<ErrorBody>('POST', '/admin/applications', machineInput)).body.error).toBe('application_limit_reached');
  });

  it('deletes an application, after which it is not found', async () => {
    const { body } = await mock().admin<{ applications: ApplicationBody[] }>('GET', '/admin/applications');
    const clientId = body.applications[0]?.clientId ?? '';
    const deleted = await mock().admin('DELETE', `/admin/applications/${clientId}`);
    expect(deleted.status).toBe(204);
    const gone = await mock().admin<ErrorBody>('GET', `/admin/applications/${clientId}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ error: 'not_found', error_description: `no application "${clientId}"` });
    expect((await mock().admin('DELETE', `/admin/applications/${clientId}`)).status).toBe(404);
    const listed = await mock().admin<{ applications: ApplicationBody[] }>('GET', '/admin/applications');
    expect(listed.body.applications.map((a) => a.clientId)).not.toContain(clientId);
    expect(await readFile(join(mock().dataDir, STATE_FILE), 'utf8')).not.toContain(clientId);
  });
});

describe('application validation', () => {
  const mock = useHarness();

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a scope Totango does not offer', { ...machineInput, scopes: ['account:read', 'account:write'] }, 'scopes.1', 'scope "account:write" is not one Totango offers'],
    ['a scope listed twice', { ...machineInput, scopes: ['account:read', 'user:read', 'account:read'] }, 'scopes.2', 'scope "account:read" is listed twice'],
    ['no scopes', { ...machineInput, scopes: [] }, 'scopes', '"scopes"'],
    ['a callback URL over http on a host that is not loopback', { ...portalInput, callbackUrls: ['http://partner.example.com/cb'] }, 'callbackUrls.0', 'uses plain http on a host that is not loopback'],
    ['a callback URL with a fragment', { ...portalInput, callbackUrls: ['https://partner.example.com/ok', 'https://partner.example.com/cb#top'] }, 'callbackUrls.1', 'has a fragment'],
    ['a callback URL that is not absolute', { ...portalInput, callbackUrls: ['/cb'] }, 'callbackUrls.0', 'is not an absolute URL'],
    ['an authorization-code app without callback URLs', { ...portalInput, callbackUrls: [] }, 'callbackUrls', 'needs one or more "callbackUrls"'],
    ['a lifetime over 24 hours', { ...machineInput, accessTokenTtlSeconds: 86401 }, 'accessTokenTtlSeconds', '"accessTokenTtlSeconds"'],
    ['a lifetime under a minute', { ...machineInput, accessTokenTtlSeconds: 30 }, 'accessTokenTtlSeconds', '"accessTokenTtlSeconds"'],
    ['client credentials without an acting user', { name: 'No user', grantType: 'client_credentials', scopes: ['account:read'] }, 'actingUserId', 'needs "actingUserId"'],
    ['a disabled acting user', { ...machineInput, actingUserId: 'u-1004' }, 'actingUserId', 'user "u-1004" is disabled; an application can act only as an active user'],
    ['an acting user that does not exist', { ...machineInput, actingUserId: 'u-9999' }, 'actingUserId', 'no user "u-9999"'],
    ['an acting user on an authorization-code app', { ...portalInput, actingUserId: 'u-1001' }, 'actingUserId', '"actingUserId" is for client credentials'],
    ['a grant type Totango does not have', { ...machineInput, grantType: 'implicit' }, 'grantType', '"grantType"'],
    ['an unknown field', { ...machineInput, secret: 'mine' }, '', 'unrecognized key'],
    ['an empty name', { ...machineInput, name: '  ' }, 'name', '"name"'],
  ];
  for (const [what, input, field, message] of cases) {
    it(`refuses ${what}, naming the field`, async () => {
      const response = await mock().admin<ErrorBody>('POST', '/admin/applications', input);
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('validation_failed');
      expect(response.body.error_description).toContain(message);
      if (field === '') expect(response.body.field).toBeUndefined();
      else expect(response.body.field).toBe(field);
    });
  }

  it('created nothing while refusing', async () => {
    const listed = await mock().admin<{ applications: unknown[] }>('GET', '/admin/applications');
    expect(listed.body.applications).toEqual([]);
  });
});

describe('users', () => {
  const mock = useHarness();

  it('lists the seeded users, one of each status', async () => {
    const { body } = await mock().admin<{ users: { id: string; status: string }[] }>('GET', '/admin/users');
    expect(body.users.map((u) => [u.id, u.status])).toEqual([
      ['u-1001', 'active'],
      ['u-1002', 'active'],
      ['u-1003', 'active'],
      ['u-1004', 'disabled'],
      ['u-1005', 'deleted'],
    ]);
  });

  it('creates a user, disables, re-enables and deletes them, and keeps deletion final', async () => {
    const created = await mock().admin<{ id: string; status: string; role: string }>('POST', '/admin/users', { email: 'new.hire@acme-demo.example', firstName: 'New', lastName: 'Hire' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'u-1006', status: 'active', role: 'user' });
    const path = `/admin/users/${created.body.id}`;

    expect((await mock().admin('PATCH', path, { status: 'disabled' })).body).toMatchObject({ status: 'disabled' });
    expect((await mock().admin('GET', path)).body).toMatchObject({ status: 'disabled' });
    expect((await mock().admin('PATCH', path, { status: 'active' })).body).toMatchObject({ status: 'active' });

    const deleted = await mock().admin('DELETE', path);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: 'u-1006', status: 'deleted' });
    const revived = await mock().admin<ErrorBody>('PATCH', path, { status: 'active' });
    expect(revived.status).toBe(409);
    expect(revived.body).toEqual({ error: 'conflict', error_description: 'user "u-1006" is deleted, which is final; create a new user instead', field: 'status' });
  });

  it('refuses a second user with the same email, whatever its case', async () => {
    const response = await mock().admin<ErrorBody>('POST', '/admin/users', { email: 'MAYA.COHEN@acme-demo.example', firstName: 'Maya', lastName: 'Again' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'conflict', field: 'email' });
  });

  it('refuses an invalid email and an unknown status, naming the field', async () => {
    const email = await mock().admin<ErrorBody>('POST', '/admin/users', { email: 'not-an-email', firstName: 'A', lastName: 'B' });
    expect(email.body).toMatchObject({ error: 'validation_failed', field: 'email' });
    const status = await mock().admin<ErrorBody>('PATCH', '/admin/users/u-1001', { status: 'suspended' });
    expect(status.body).toMatchObject({ error: 'validation_failed', field: 'status' });
  });

  it('answers 404 for an unknown user', async () => {
    const response = await mock().admin<ErrorBody>('PATCH', '/admin/users/u-4242', { status: 'disabled' });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: 'not_found', error_description: 'no user "u-4242"' });
  });
});

describe('settings', () => {
  const mock = useHarness();

  it('reads and changes the settings, refusing values out of range', async () => {
    expect((await mock().admin('GET', '/admin/settings')).body).toEqual({ applicationLimit: 2, pkceRequired: false, signingAlgorithm: 'ES256', authorizationCodeTtlSeconds: 60 });
    const changed = await mock().admin('PATCH', '/admin/settings', { pkceRequired: true, signingAlgorithm: 'RS256' });
    expect(changed.body).toEqual({ applicationLimit: 2, pkceRequired: true, signingAlgorithm: 'RS256', authorizationCodeTtlSeconds: 60 });
    const refused = await mock().admin<ErrorBody>('PATCH', '/admin/settings', { signingAlgorithm: 'HS256' });
    expect(refused.body).toMatchObject({ error: 'validation_failed', field: 'signingAlgorithm' });
    const tooLong = await mock().admin<ErrorBody>('PATCH', '/admin/settings', { authorizationCodeTtlSeconds: 3600 });
    expect(tooLong.body).toMatchObject({ error: 'validation_failed', field: 'authorizationCodeTtlSeconds' });
    expect((await mock().admin('GET', '/admin/settings')).body).toMatchObject({ signingAlgorithm: 'RS256', authorizationCodeTtlSeconds: 60 });
  });
});

describe('the loopback guard', () => {
  const mock = useHarness();
  const adminUrl = () => mock().mock.urls.admin;
  const ownHost = () => new URL(adminUrl()).host;

  it('refuses a Host that is not the admin API\'s own with 403', async () => {
    const refused = await rawRequest(`${adminUrl()}/admin/status`, { headers: { host: 'totango-lab.attacker.example' } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'forbidden' });
    expect(refused.body['error_description']).toContain('the Host header "totango-lab.attacker.example" is not this admin API\'s');
    const rebound = await rawRequest(`${adminUrl()}/admin/status`, { headers: { host: `attacker.example:${new URL(adminUrl()).port}` } });
    expect(rebound.status).toBe(403);
  });

  it('accepts its own Host, as 127.0.0.1 or localhost', async () => {
    expect((await rawRequest(`${adminUrl()}/admin/status`, { headers: { host: ownHost() } })).status).toBe(200);
    expect((await rawRequest(`${adminUrl()}/admin/status`, { headers: { host: `localhost:${new URL(adminUrl()).port}` } })).status).toBe(200);
  });

  it('refuses a request from a foreign web origin with 403, and accepts its own origin', async () => {
    const refused = await rawRequest(`${adminUrl()}/admin/applications`, {
      method: 'POST',
      headers: { host: ownHost(), origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify(machineInput),
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: 'forbidden', error_description: 'requests from the web origin "https://evil.example" are refused' });
    expect((await rawRequest(`${adminUrl()}/admin/status`, { headers: { host: ownHost(), origin: 'null' } })).status).toBe(403);
    expect((await rawRequest(`${adminUrl()}/admin/status`, { headers: { host: ownHost(), origin: adminUrl() } })).status).toBe(200);
    expect((await mock().admin<{ applications: unknown[] }>('GET', '/admin/applications')).body.applications).toEqual([]);
  });

  it('refuses a body that is not declared JSON with 415', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain']) {
      const response = await fetch(`${adminUrl()}/admin/applications`, { method: 'POST', headers: { 'content-type': contentType }, body: 'name=Sneaky&grantType=client_credentials' });
      expect(response.status, contentType).toBe(415);
      expect(await response.json()).toEqual({ error: 'invalid_request', error_description: 'the admin API takes JSON bodies: send Content-Type: application/json' });
    }
  });

  it('refuses a body that is not valid JSON with 400', async () => {
    const response = await fetch(`${adminUrl()}/admin/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": "Half' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: 'the body is not valid JSON' });
  });

  it('answers an unknown admin path with a JSON 404 and a wrong method with 405', async () => {
    const missing = await mock().admin<ErrorBody>('GET', '/admin/tokens');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('not_found');
    const wrongMethod = await mock().admin<ErrorBody>('PUT', '/admin/users/u-1001', { status: 'active' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD, PATCH, DELETE');
  });
});

describe('the OpenAPI document', () => {
  const mock = useHarness();

  /** Every (method, path) the admin server serves, read from Fastify's route tree. */
  async function serverRoutes(): Promise<Set<string>> {
    const server = createAdminServer(mock().mock.core, () => mock().mock.urls);
    await server.ready();
    const tree = server.printRoutes({ commonPrefix: false });
    await server.close();
    const routes = new Set<string>();
    const stack: string[] = [];
    for (const line of tree.split('\n')) {
      const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]+)\))?$/.exec(line);
      if (!match) continue;
      const depth = (match[1] ?? '').length / 4;
      stack.length = depth;
      stack.push(match[2] ?? '');
      const path = stack.join('').replace(/:([^/]+)/g, '{$1}');
      for (const method of (match[3] ?? '').split(', ').filter((m) => m !== '' && m !== 'HEAD')) routes.add(`${method} ${path}`);
    }
    return routes;
  }

  it('is OpenAPI 3.1 and documents every route the admin server has, and no other', async () => {
    const response = await mock().admin<{ openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, unknown>> }>('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\.1\.\d+$/);
    expect(response.body.servers).toEqual([{ url: mock().mock.urls.admin }]);
    const documented = new Set(
      Object.entries(response.body.paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key))
          .map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const served = new Set(await serverRoutes());
    expect(served).toContain('PATCH /admin/applications/{clientId}');
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it('describes the request bodies with the schemas that validate them', async () => {
    const response = await mock().admin<{ components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } }>('GET', '/openapi.json');
    const create = response.body.components.schemas['CreateApplication'];
    expect(Object.keys(create?.properties ?? {}).sort()).toEqual(['accessTokenTtlSeconds', 'actingUserId', 'callbackUrls', 'grantType', 'mutualTls', 'name', 'region', 'scopes']);
    expect(create?.required).toEqual(expect.arrayContaining(['name', 'grantType', 'scopes']));
    expect(response.body.components.schemas['Application']?.properties).not.toHaveProperty('clientSecretHash');
  });
});
