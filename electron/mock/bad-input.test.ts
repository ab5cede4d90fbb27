/**
 * Malformed input at every endpoint gets the protocol's own error: never a 500, never a
 * stack trace, never a hung request.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockTotango, type MockTotango } from './mock-totango';

let mock: MockTotango;
let basic: string;
let validToken: string;
const logged: unknown[] = [];

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  mock = await startMockTotango({ dataDir: await mkdtemp(join(tmpdir(), 'lab-bad-')), port: 0, logError: (_m, cause) => logged.push(cause) });
  const { application, clientSecret } = await mock.core.applications.create({
    name: 'Fuzz target',
    grantType: 'client_credentials',
    actingUserId: 'u-1001',
    scopes: ['account:read'],
  });
  basic = `Basic ${Buffer.from(`${application.clientId}:${clientSecret}`).toString('base64')}`;
  const response = await fetch(mock.urls.regions.us.token, {
    method: 'POST',
    headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  validToken = ((await response.json()) as { access_token: string }).access_token;
});

afterAll(async () => {
  await mock.stop();
});

async function introspect(token: string): Promise<Record<string, unknown>> {
  const response = await fetch(mock.urls.regions.us.introspection, {
    method: 'POST',
    headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('garbage tokens at introspection', () => {
  const cases: [string, () => string, string][] = [
    ['one part', () => 'not-a-jwt', 'malformed'],
    ['two parts', () => 'a.b', 'malformed'],
    ['five parts (an encrypted JWT)', () => 'a.b.c.d.e', 'malformed'],
    ['a header that is not base64url', () => '!!!.e30.sig', 'malformed'],
    ['a header that is not JSON', () => `${b64('{oops')}.e30.sig`, 'malformed'],
    ['claims that are a JSON array', () => `${b64({ alg: 'ES256', typ: 'at+jwt' })}.${b64([1, 2])}.sig`, 'malformed'],
    ['a header without alg', () => `${b64({ typ: 'at+jwt' })}.${b64({})}.sig`, 'malformed'],
    ['alg none', () => `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64({ sub: 'x' })}.`, 'unsupported_algorithm'],
    ['alg HS256', () => `${b64({ alg: 'HS256', typ: 'at+jwt' })}.${b64({ sub: 'x' })}.c2ln`, 'unsupported_algorithm'],
    ['typ JWT (an ID token, not an access token)', () => swapHeader(validToken, { typ: 'JWT' }), 'wrong_type'],
    ['an unknown kid', () => swapHeader(validToken, { kid: 'nobody' }), 'unknown_key'],
    ['a changed claim', () => swapClaims(validToken, { scope: 'admin' }), 'bad_signature'],
    ['a truncated signature', () => validToken.slice(0, -10), 'bad_signature'],
    ['15 KiB of nonsense in three parts', () => `${'a'.repeat(15 * 1024)}.b.c`, 'malformed'],
    ['non-ASCII text', () => 'ключ.ключ.ключ', 'malformed'],
  ];
  for (const [name, token, reason] of cases) {
    it(`answers active: false with reason ${reason} for ${name}`, async () => {
      const result = await introspect(token());
      expect(result).toMatchObject({ active: false, mock_inactive_reason: reason });
      expect(String(result['mock_inactive_description'])).not.toMatch(/at .*\.ts:\d+/);
    });
  }

  it('answers active: true for the untouched token, so the cases above fail for the reason they name', async () => {
    expect(await introspect(validToken)).toMatchObject({ active: true, scope: 'account:read' });
  });
});

function swapHeader(token: string, changes: Record<string, unknown>): string {
  const [header = '', ...rest] = token.split('.');
  return [b64({ ...JSON.parse(Buffer.from(header, 'base64url').toString()), ...changes }), ...rest].join('.');
}

function swapClaims(token: string, changes: Record<string, unknown>): string {
  const [header = '', claims = '', signature = ''] = token.split('.');
  return [header, b64({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), ...changes }), signature].join('.');
}

describe('hostile requests at every endpoint', () => {
  const bodies: [string, string | Buffer][] = [
    ['empty', ''],
    ['random bytes', Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x41, 0x3d, 0xc3])],
    ['a broken escape', 'grant_type=%zz&token=%E0%A4'],
    ['repeated parameters', 'grant_type=client_credentials&grant_type=authorization_code&token=a&token=b'],
    ['JSON', '{"grant_type":"client_credentials"}'],
    ['a very long parameter', `token=${'x'.repeat(15000)}`],
  ];
  const contentTypes = ['application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded; charset=iso-8859-1'];
  const paths = ['/oauth/token', '/oauth/introspect', '/oauth/revoke', '/oauth/authorize/login', '/oauth/authorize/consent'];

  it('never answers 500 and always answers once, with an error body', async () => {
    for (const path of paths) {
      for (const [bodyName, body] of bodies) {
        for (const contentType of contentTypes) {
          for (const authorization of [undefined, basic, 'Basic ***', 'Bearer x']) {
            const headers: Record<string, string> = { 'content-type': contentType };
            if (authorization) headers['authorization'] = authorization;
            const response = await fetch(`${mock.urls.regions.us.issuer}${path}`, { method: 'POST', headers, body });
            const text = await response.text();
            const where = `${path} with ${bodyName} as ${contentType}, auth ${authorization ?? 'none'}`;
            expect(response.status, where).toBeLessThan(500);
            expect(text, where).not.toMatch(/at .*\.(ts|js):\d+/);
          }
        }
      }
    }
    expect(logged).toEqual([]);
  });

  it('answers an oversized body with 413 invalid_request', async () => {
    const response = await fetch(mock.urls.regions.us.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&pad=${'x'.repeat(300 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('answers malformed authorization queries with the error page, not a 500', async () => {
    for (const query of ['client_id=%zz', 'client_id=%C0%AF', `client_id=${'a'.repeat(5000)}`, 'client_id&client_id', '%%%']) {
      const response = await fetch(`${mock.urls.regions.us.authorization}?${query}`, { redirect: 'manual' });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('location'), query).toBeNull();
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('answers malformed admin input with a JSON error naming the problem', async () => {
    const cases: [string, string, string | undefined, number, string][] = [
      ['POST', '/admin/applications', '{"name":', 400, 'invalid_request'],
      ['POST', '/admin/applications', '[]', 400, 'validation_failed'],
      ['POST', '/admin/applications', '{"name":"x","grantType":"implicit","scopes":["account:read"]}', 400, 'validation_failed'],
      ['PATCH', '/admin/settings', '{"applicationLimit":"many"}', 400, 'validation_failed'],
      ['PATCH', '/admin/settings', '{"unknown":true}', 400, 'validation_failed'],
      ['PATCH', '/admin/users/u-1001', '{"status":"banished"}', 400, 'validation_failed'],
      ['GET', '/admin/applications/%zz', undefined, 400, 'invalid_request'],
      ['DELETE', '/admin/applications/nope', undefined, 404, 'not_found'],
      ['PUT', '/admin/settings', '{}', 405, 'method_not_allowed'],
    ];
    for (const [method, path, body, status, error] of cases) {
      const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
      if (body !== undefined) init.body = body;
      const response = await fetch(`${mock.urls.admin}${path}`, init);
      expect(response.status, `${method} ${path} ${body ?? ''}`).toBe(status);
      expect(await response.json(), `${method} ${path}`).toMatchObject({ error });
    }
  });
});
