/**
 * Targets: Totango's regions with the article's paths (no network needed), and the
 * mock and custom base URLs resolved over HTTP(S) through their RFC 8414 metadata, or
 * falling back to the article's paths when a server publishes none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyLabError } from '../flows/lab-error';
import type { HttpExchange } from '../http/exchange';
import { createRecordingFetch } from '../http/recording-fetch';
import { createTlsAgent } from '../http/tls-agent';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { rejectionOf } from '../testing/test-support';
import { checkBaseUrl, metadataUrl, resolveTarget } from './resolve-target';
import { articleTarget, targetKey, targetLabel } from './target';

let lab: LabMock;

beforeAll(async () => {
  lab = await startLabMock();
});

afterAll(async () => {
  await lab.stop();
});

function recording(caPem?: string) {
  const exchanges: HttpExchange[] = [];
  const fetch = createRecordingFetch({ sink: (e) => exchanges.push(e), ...(caPem === undefined ? {} : { dispatcher: createTlsAgent({ caPem }) }) });
  return { fetch, exchanges };
}

describe("Totango's regions", () => {
  it.each([
    ['us', 'https://api.totango.com'],
    ['eu', 'https://api-eu1.totango.com'],
  ] as const)('give %s the article\'s endpoints on %s', (region, base) => {
    const target = articleTarget({ kind: 'totango', region });
    expect(target).toMatchObject({
      key: `totango:${region}`,
      region,
      issuer: base,
      authorizationEndpoint: `${base}/oauth/authorize`,
      tokenEndpoint: `${base}/oauth/token`,
      apiBase: base,
      mtlsApiBase: base,
      source: 'article',
    });
    expect(targetLabel({ kind: 'totango', region })).toBe(`Totango ${region.toUpperCase()} (${base})`);
  });

  it('key custom targets by their base URL', () => {
    expect(targetKey({ kind: 'custom', baseUrl: 'https://totango.example/' })).toBe('custom:https://totango.example');
  });
});

describe('the mock, through its metadata', () => {
  it('resolves a region over HTTP from RFC 8414 metadata, recording the request', async () => {
    const { fetch, exchanges } = recording();
    const target = await resolveTarget(lab.target('eu'), { fetch });
    const urls = lab.mock.urls.regions.eu;
    expect(target).toMatchObject({
      key: 'mock:eu',
      label: 'Local mock Totango (EU)',
      region: 'eu',
      issuer: urls.issuer,
      authorizationEndpoint: urls.authorization,
      tokenEndpoint: urls.token,
      mtlsTokenEndpoint: urls.mtls.token,
      jwksUri: urls.jwks,
      introspectionEndpoint: urls.introspection,
      revocationEndpoint: urls.revocation,
      apiBase: urls.issuer,
      mtlsApiBase: urls.mtls.origin,
      caPem: lab.caPem,
      source: 'rfc8414',
    });
    expect(target.metadata?.['authorization_response_iss_parameter_supported']).toBe(true);
    expect(exchanges.map((e) => e.request.url)).toEqual([urls.metadata]);
  });

  it('reaches an HTTPS origin with its CA trusted, and refuses metadata that names another issuer (RFC 8414 §3.3)', async () => {
    const origin = lab.mock.urls.regions.us.mtls.origin;
    const { fetch, exchanges } = recording(lab.caPem);
    const error = (await rejectionOf(resolveTarget({ kind: 'custom', baseUrl: origin, caPem: lab.caPem }, { fetch }))) as AnyLabError;
    expect(error.code).toBe('issuer_mismatch');
    expect(error.message).toBe(`the metadata at "${origin}/.well-known/oauth-authorization-server" names the issuer "${lab.issuer('us')}", not "${origin}" (RFC 8414 §3.3)`);
    expect(exchanges[0]).toMatchObject({ customCa: true, response: { status: 200 } });
  });

  it('says TLS failed when the CA is not trusted', async () => {
    const error = (await rejectionOf(resolveTarget({ kind: 'custom', baseUrl: lab.mock.urls.regions.us.mtls.origin }, { fetch: recording().fetch }))) as AnyLabError;
    expect(error.code).toBe('tls');
    expect(error.message).toMatch(/^the server's certificate is not trusted \(\w+\); add its CA certificate \("caPem"\)$/);
  });
});

describe('a server without metadata', () => {
  it("falls back to the article's fixed paths when the metadata is not found", async () => {
    const base = lab.mock.urls.admin;
    const { fetch, exchanges } = recording();
    const target = await resolveTarget({ kind: 'custom', baseUrl: `${base}/`, label: 'Staging' }, { fetch });
    expect(target).toMatchObject({ key: `custom:${base}`, label: 'Staging', issuer: base, authorizationEndpoint: `${base}/oauth/authorize`, tokenEndpoint: `${base}/oauth/token`, apiBase: base, source: 'article' });
    expect(target.metadata).toBeUndefined();
    expect(exchanges[0]?.response?.status).toBe(404);
  });
});

describe('base URLs', () => {
  it('puts the well-known segment before the path (RFC 8414 §3)', () => {
    expect(metadataUrl('https://totango.example')).toBe('https://totango.example/.well-known/oauth-authorization-server');
    expect(metadataUrl('https://totango.example/tenant/')).toBe('https://totango.example/.well-known/oauth-authorization-server/tenant');
  });

  it.each([
    ['not a url', '"baseUrl" is not an absolute URL: "not a url"'],
    ['http://totango.example', '"baseUrl" must use https (plain http only on 127.0.0.1), got "http://totango.example"'],
    ['ftp://127.0.0.1', '"baseUrl" must use https (plain http only on 127.0.0.1), got "ftp://127.0.0.1"'],
    ['https://totango.example/?tenant=1', '"baseUrl" must not carry a query, a fragment or credentials'],
    ['https://user:pw@totango.example', '"baseUrl" must not carry a query, a fragment or credentials'],
  ])('refuses %s', (raw, message) => {
    expect(() => checkBaseUrl(raw)).toThrow(message);
  });

  it('accepts https anywhere and http on loopback', () => {
    expect(checkBaseUrl('https://api.totango.com').host).toBe('api.totango.com');
    expect(checkBaseUrl('http://127.0.0.1:4781').port).toBe('4781');
  });
});
