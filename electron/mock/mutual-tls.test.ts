/**
 * Certificate-bound tokens (RFC 8705) over real TLS: openid-client with an undici
 * dispatcher carrying the exported certificate, against the mock's HTTPS endpoints.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as client from 'openid-client';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueClientCertificate } from './pki/certificate-authority';
import { startMockTotango, type MockTotango } from './mock-totango';

let mock: MockTotango;
let dataDir: string;
let caPem: string;

interface Registered {
  clientId: string;
  clientSecret: string;
  certificate: { thumbprint: string } | null;
}

async function admin(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${mock.urls.admin}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

async function register(name: string, mutualTls: boolean, scopes = ['system_user:read', 'account:read']): Promise<Registered> {
  const response = await admin('/admin/applications', { body: { name, grantType: 'client_credentials', actingUserId: 'u-1003', scopes, mutualTls } });
  expect(response.status).toBe(201);
  const { application, clientSecret } = (await response.json()) as { application: { clientId: string; certificate: { thumbprint: string } | null }; clientSecret: string };
  return { clientId: application.clientId, clientSecret, certificate: application.certificate };
}

async function pemOf(clientId: string): Promise<string> {
  const response = await admin(`/admin/applications/${clientId}/certificate/export`, { body: { format: 'pem' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/x-pem-file/);
  return response.text();
}

function agentWith(bundle?: string): Agent {
  return new Agent({ connect: bundle ? { cert: bundle, key: bundle, ca: caPem } : { ca: caPem } });
}

async function configFor(app: Registered, agent: Agent): Promise<client.Configuration> {
  const config = await client.discovery(
    new URL(mock.urls.regions.us.issuer),
    app.clientId,
    { use_mtls_endpoint_aliases: true },
    client.ClientSecretBasic(app.clientSecret),
    { algorithm: 'oauth2', execute: [client.allowInsecureRequests] },
  );
  config[client.customFetch] = (url, options) => undiciFetch(url, { ...options, dispatcher: agent } as never) as never;
  return config;
}

async function tokenError(promise: Promise<unknown>): Promise<{ error: string; error_description: string; status: number }> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as client.ResponseBodyError | undefined;
  expect(error, 'the token request should have failed').toBeInstanceOf(client.ResponseBodyError);
  return { error: error!.error, error_description: error!.error_description ?? '', status: error!.status };
}

async function whoami(token: string, agent: Agent, origin = mock.urls.regions.us.mtls.origin) {
  const response = await undiciFetch(`${origin}/api/v1/users/whoami`, { headers: { authorization: `Bearer ${token}` }, dispatcher: agent });
  return { status: response.status, challenge: response.headers.get('www-authenticate') ?? '', body: (await response.json()) as Record<string, unknown> };
}

function thumbprintOf(bundle: string): string {
  return createHash('sha256').update(new X509Certificate(bundle).raw).digest('base64url');
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lab-mtls-'));
  mock = await startMockTotango({ dataDir, port: 0, logError: () => {} });
  await admin('/admin/settings', { method: 'PATCH', body: { applicationLimit: 10 } });
  caPem = await (await fetch(mock.urls.caCertificate)).text();
});

afterAll(async () => {
  await mock.stop();
});

describe('mutual TLS (RFC 8705)', () => {
  it('issues a token bound to the exported certificate, and the API accepts it only with that certificate', async () => {
    const app = await register('Bound', true);
    const bundle = await pemOf(app.clientId);
    const agent = agentWith(bundle);
    const token = await client.clientCredentialsGrant(await configFor(app, agent), {});
    const claims = JSON.parse(Buffer.from(token.access_token.split('.')[1] ?? '', 'base64url').toString()) as { cnf?: Record<string, string> };
    expect(claims.cnf).toEqual({ 'x5t#S256': thumbprintOf(bundle) });
    expect(app.certificate?.thumbprint).toBe(thumbprintOf(bundle));

    const ok = await whoami(token.access_token, agent);
    expect(ok.status).toBe(200);

    const withoutCertificate = await whoami(token.access_token, agentWith());
    expect(withoutCertificate.status).toBe(401);
    expect(withoutCertificate.challenge).toMatch(/^Bearer realm="[^"]+", error="invalid_token"/);
    expect(withoutCertificate.body['error_description']).toMatch(/presented none/);

    const overHttp = await whoami(token.access_token, agentWith(), mock.urls.regions.us.issuer);
    expect(overHttp.status).toBe(401);
    expect(overHttp.body['error_description']).toContain(`over HTTPS at ${mock.urls.regions.us.mtls.origin}`);

    const introspected = (await (
      await undiciFetch(mock.urls.regions.us.mtls.introspection, {
        method: 'POST',
        dispatcher: agent,
        headers: { authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: token.access_token }).toString(),
      })
    ).json()) as Record<string, unknown>;
    expect(introspected).toMatchObject({ active: true, cnf: { 'x5t#S256': thumbprintOf(bundle) } });
  });

  it('refuses a token request without a certificate, over plain HTTP, or with another app\'s certificate', async () => {
    const app = await register('Needs its certificate', true);
    const other = await register('Another bound app', true);
    const noCertificate = await tokenError(client.clientCredentialsGrant(await configFor(app, agentWith()), {}));
    expect(noCertificate).toMatchObject({ status: 400, error: 'invalid_request' });
    expect(noCertificate.error_description).toMatch(/no client certificate was presented/);

    const plainResponse = await fetch(mock.urls.regions.us.token, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(plainResponse.status).toBe(400);
    expect(await plainResponse.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining(mock.urls.regions.us.mtls.token) });

    const wrong = await tokenError(client.clientCredentialsGrant(await configFor(app, agentWith(await pemOf(other.clientId))), {}));
    expect(wrong).toMatchObject({ error: 'invalid_request' });
    expect(wrong.error_description).toContain('belongs to another application ("Another bound app")');
  });

  it('refuses a certificate the mock never issued', async () => {
    const app = await register('Foreign certificate', true);
    const foreignCa = createCertificateAuthority(Date.now());
    const foreign = issueClientCertificate(foreignCa, { clientId: app.clientId, appName: 'Forged', mockNowMs: Date.now() });
    const agent = new Agent({ connect: { cert: foreign.certPem, key: foreign.keyPem, ca: caPem } });
    const refused = await tokenError(client.clientCredentialsGrant(await configFor(app, agent), {}));
    expect(refused.error_description).toMatch(/not issued by this Totango account/);
  });

  it('after renewal refuses the old certificate and its tokens, and accepts the new one', async () => {
    const app = await register('Renewed', true);
    const oldBundle = await pemOf(app.clientId);
    const oldToken = await client.clientCredentialsGrant(await configFor(app, agentWith(oldBundle)), {});
    const renewed = await admin(`/admin/applications/${app.clientId}/certificate/renew`, { body: {} });
    expect(renewed.status).toBe(200);

    const refused = await tokenError(client.clientCredentialsGrant(await configFor(app, agentWith(oldBundle)), {}));
    expect(refused.error_description).toMatch(/has been renewed/);
    const oldCall = await whoami(oldToken.access_token, agentWith(oldBundle));
    expect(oldCall.status).toBe(401);
    expect(oldCall.body['error_description']).toMatch(/no longer has/);

    const newBundle = await pemOf(app.clientId);
    expect(thumbprintOf(newBundle)).not.toBe(thumbprintOf(oldBundle));
    const fresh = await client.clientCredentialsGrant(await configFor(app, agentWith(newBundle)), {});
    expect((await whoami(fresh.access_token, agentWith(newBundle))).status).toBe(200);
  });

  it('refuses an expired certificate: by the mock clock a year on, and by fault injection', async () => {
    const app = await register('Expiring', true);
    const bundle = await pemOf(app.clientId);
    await admin('/admin/clock/advance', { body: { seconds: 366 * 86400 } });
    try {
      const refused = await tokenError(client.clientCredentialsGrant(await configFor(app, agentWith(bundle)), {}));
      expect(refused.error_description).toMatch(/expired on \d{4}-/);
    } finally {
      await admin('/admin/clock/reset', { body: {} });
    }
    const token = await client.clientCredentialsGrant(await configFor(app, agentWith(bundle)), {});
    const expired = await admin(`/admin/applications/${app.clientId}/certificate/expire`, { body: {} });
    expect(((await expired.json()) as { certificate: { expired: boolean } }).certificate.expired).toBe(true);
    const refused = await tokenError(client.clientCredentialsGrant(await configFor(app, agentWith(bundle)), {}));
    expect(refused.error_description).toMatch(/fault injection/);
    const call = await whoami(token.access_token, agentWith(bundle));
    expect(call.status).toBe(401);
    expect(call.body['error_description']).toMatch(/certificate that has expired/);
  });

  it('exports PKCS#12 that a client loads with its password', async () => {
    const app = await register('PKCS12', true);
    const missing = await admin(`/admin/applications/${app.clientId}/certificate/export`, { body: { format: 'pkcs12' } });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'validation_failed', field: 'password' });
    const response = await admin(`/admin/applications/${app.clientId}/certificate/export`, { body: { format: 'pkcs12', password: 'correct horse' } });
    expect(response.headers.get('content-type')).toBe('application/x-pkcs12');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="PKCS12.p12"');
    const pfx = Buffer.from(await response.arrayBuffer());
    const agent = new Agent({ connect: { pfx, passphrase: 'correct horse', ca: caPem } });
    const token = await client.clientCredentialsGrant(await configFor(app, agent), {});
    expect((await whoami(token.access_token, agent)).status).toBe(200);
  });

  it('turning mutual TLS on issues a certificate; turning it off retires it and its tokens', async () => {
    const app = await register('Toggled', false);
    expect(app.certificate).toBeNull();
    const plain = await client.clientCredentialsGrant(await configFor(app, agentWith()), {});
    expect(JSON.parse(Buffer.from(plain.access_token.split('.')[1] ?? '', 'base64url').toString())).not.toHaveProperty('cnf');

    const on = (await (await admin(`/admin/applications/${app.clientId}`, { method: 'PATCH', body: { mutualTls: true } })).json()) as { certificate: { thumbprint: string } };
    expect(on.certificate.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const unbound = await whoami(plain.access_token, agentWith());
    expect(unbound.status).toBe(401);
    expect(unbound.body['error_description']).toMatch(/not bound to its certificate/);

    const bundle = await pemOf(app.clientId);
    const bound = await client.clientCredentialsGrant(await configFor(app, agentWith(bundle)), {});
    await admin(`/admin/applications/${app.clientId}`, { method: 'PATCH', body: { mutualTls: false } });
    const afterOff = await whoami(bound.access_token, agentWith(bundle));
    expect(afterOff.status).toBe(401);
    const exported = await admin(`/admin/applications/${app.clientId}/certificate/export`, { body: { format: 'pem' } });
    expect(exported.status).toBe(409);
  });

  it('keeps its CA across restarts, so exported certificates keep working', async () => {
    const app = await register('Survives restart', true);
    const bundle = await pemOf(app.clientId);
    await mock.stop();
    mock = await startMockTotango({ dataDir, port: 0, logError: () => {} });
    expect(await (await fetch(mock.urls.caCertificate)).text()).toBe(caPem);
    const token = await client.clientCredentialsGrant(await configFor(app, agentWith(bundle)), {});
    expect((await whoami(token.access_token, agentWith(bundle))).status).toBe(200);
  });

  it('survives a TLS connection that speaks garbage and a plain-HTTP request to the HTTPS port', async () => {
    const url = new URL(mock.urls.regions.us.mtls.origin);
    await new Promise<void>((resolve) => {
      const socket = tlsConnect({ host: url.hostname, port: Number(url.port), rejectUnauthorized: false }, () => {
        socket.write('this is not HTTP\r\n\r\n');
      });
      socket.resume(); // read what the server answers, so that its close is seen
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
    });
    await new Promise<void>((resolve) => {
      const socket = netConnect(Number(url.port), url.hostname, () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
      socket.resume();
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
    });
    const metadata = await fetch(mock.urls.regions.us.metadata);
    expect(metadata.status).toBe(200);
    expect(await metadata.json()).toMatchObject({ tls_client_certificate_bound_access_tokens: true, mtls_endpoint_aliases: { token_endpoint: mock.urls.regions.us.mtls.token } });
  });
});
