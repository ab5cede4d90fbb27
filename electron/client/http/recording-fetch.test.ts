/**
 * The recording fetch against the real mock: what it records of requests and answers,
 * failures, certificates, and what it never records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { freePort, rejectionOf } from '../testing/test-support';
import type { HttpExchange } from './exchange';
import { createRecordingFetch, recordedExchange } from './recording-fetch';
import { PKCS12_OMITTED, PRIVATE_KEY_OMITTED } from './redaction';
import { createTlsAgent } from './tls-agent';

let lab: LabMock;

beforeAll(async () => {
  lab = await startLabMock();
});

afterAll(async () => {
  await lab.stop();
});

function recorder(options: Partial<Parameters<typeof createRecordingFetch>[0]> = {}) {
  const exchanges: HttpExchange[] = [];
  const fetch = createRecordingFetch({ sink: (e) => exchanges.push(e), ...options });
  return { fetch, exchanges };
}

describe('what an exchange holds', () => {
  it('records method, URL, headers, bodies, status and timing, before the caller has the response', async () => {
    const { fetch, exchanges } = recorder({ now: () => Date.parse('2026-03-04T10:15:00.000Z') });
    const response = await fetch(`${lab.issuer('us')}/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials' }) });
    expect(exchanges).toHaveLength(1);
    const exchange = exchanges[0] as HttpExchange;
    expect(recordedExchange(response)).toBe(exchange);
    expect(exchange).toMatchObject({
      purpose: 'POST /oauth/token',
      startedAt: '2026-03-04T10:15:00.000Z',
      clientCertificate: false,
      request: { method: 'POST', url: `${lab.issuer('us')}/oauth/token`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' },
      response: { status: 401, headers: { 'cache-control': 'no-store' } },
    });
    expect(JSON.parse(exchange.response?.body ?? '{}')).toMatchObject({ error: 'invalid_client' });
    expect(exchange.durationMs).toBeGreaterThanOrEqual(0);
    expect(exchange.timings?.waitMs).toBeGreaterThanOrEqual(0);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('names the purpose with the function given', async () => {
    const { fetch, exchanges } = recorder({ purpose: ({ method, url }) => `${method} of ${url.pathname.split('/').pop() ?? ''}` });
    await (await fetch(lab.mock.urls.regions.us.jwks)).text();
    expect(exchanges[0]?.purpose).toBe('GET of jwks.json');
  });

  it('records a Request object with its body', async () => {
    const { fetch, exchanges } = recorder();
    await fetch(new Request(`${lab.mock.urls.admin}/admin/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"seconds":0}' }));
    expect(exchanges[0]?.request).toMatchObject({ method: 'POST', body: '{"seconds":0}' });
    expect(exchanges[0]?.response?.status).toBe(200);
  });

  it('records a refused connection with the reason, and rethrows the error', async () => {
    const { fetch, exchanges } = recorder();
    const error = await rejectionOf(fetch(`http://127.0.0.1:${await freePort()}/oauth/token`));
    expect(error).toBeInstanceOf(TypeError);
    expect(exchanges[0]?.response).toBeUndefined();
    expect(exchanges[0]?.error).toMatch(/ECONNREFUSED/);
  });

  it('records a request cancelled through its signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const { fetch, exchanges } = recorder({ signal: controller.signal });
    await rejectionOf(fetch(lab.mock.urls.regions.us.jwks));
    expect(exchanges[0]?.error).toBe('the request was cancelled');
  });
});

describe('what it never records', () => {
  it('drops the private key of a PEM export, and gives the caller all of it', async () => {
    const app = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'], mutualTls: true });
    const { fetch, exchanges } = recorder();
    const response = await fetch(`${lab.mock.urls.admin}/admin/applications/${app.clientId}/certificate/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"format":"pem"}' });
    expect(await response.text()).toContain('PRIVATE KEY');
    expect(exchanges[0]?.response?.body).toContain('-----BEGIN CERTIFICATE-----');
    expect(exchanges[0]?.response?.body).toContain(PRIVATE_KEY_OMITTED);
    expect(exchanges[0]?.response?.body).not.toContain('PRIVATE KEY-----');

    const p12 = await fetch(`${lab.mock.urls.admin}/admin/applications/${app.clientId}/certificate/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"format":"pkcs12","password":"a p12 password"}' });
    expect((await p12.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(exchanges[1]?.response?.body).toBe(PKCS12_OMITTED);
    expect(exchanges[1]?.request.body).toBe('{"format":"pkcs12","password":"[redacted]"}');
  });

  it('scrubs the secrets it is told about, wherever they are', async () => {
    const { fetch, exchanges } = recorder({ knownSecrets: ['a-secret-in-a-strange-place'] });
    await (await fetch(`${lab.mock.urls.admin}/admin/users/a-secret-in-a-strange-place?note=a-secret-in-a-strange-place`)).text();
    expect(JSON.stringify(exchanges)).not.toContain('a-secret-in-a-strange-place');
  });
});

describe('client certificates', () => {
  it('says a request carried the certificate only over HTTPS with a certificate-carrying dispatcher', async () => {
    const app = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'], mutualTls: true });
    const bundle = await lab.exportPem(app.clientId);
    const { fetch, exchanges } = recorder({ dispatcher: createTlsAgent({ certificate: { kind: 'pem', certificatePem: bundle }, caPem: lab.caPem }) });
    await (await fetch(`${lab.mock.urls.regions.us.mtls.origin}/.well-known/jwks.json`)).text();
    await (await fetch(lab.mock.urls.regions.us.jwks)).text();
    const trustOnly = recorder({ dispatcher: createTlsAgent({ caPem: lab.caPem }) });
    await (await trustOnly.fetch(`${lab.mock.urls.regions.us.mtls.origin}/.well-known/jwks.json`)).text();
    expect(exchanges.map((e) => e.clientCertificate)).toEqual([true, false]);
    expect(trustOnly.exchanges[0]).toMatchObject({ clientCertificate: false, customCa: true, response: { status: 200 } });
  });
});
