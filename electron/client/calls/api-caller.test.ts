import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTlsAgent } from '../http/tls-agent';
import type { HttpExchange } from '../http/exchange';
import { clientCredentialsToken, registerClientApp } from '../testing/diagnostics-fixture';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { runClientCredentialsFlow } from '../flows/client-credentials-flow';
import { AppCredentials } from '../targets/app-credentials';
import { resolveTarget } from '../targets/resolve-target';
import { createRecordingFetch } from '../http/recording-fetch';
import { callEndpoint, parseBody } from './api-caller';
import { exampleRequest } from './example-requests';

let lab: LabMock;
beforeAll(async () => {
  lab = await startLabMock();
});
afterAll(async () => lab.stop());

describe('callEndpoint', () => {
  it('sends the request with the bearer token and returns status, headers, parsed body, timing and the redacted exchange', async () => {
    const token = await clientCredentialsToken(lab, await registerClientApp(lab, ['account:read']));
    const sunk: HttpExchange[] = [];
    const clock = Date.parse('2030-01-02T03:04:05.000Z');
    const result = await callEndpoint(exampleRequest('search-accounts'), { baseUrl: lab.issuer(), accessToken: token.accessToken, sink: (x) => sunk.push(x), now: () => clock });
    expect(result).toMatchObject({ method: 'POST', url: `${lab.issuer()}/api/v1/search/accounts`, startedAt: '2030-01-02T03:04:05.000Z', response: { status: 200, statusText: 'OK' } });
    expect(result.response?.headers['content-type']).toMatch(/^application\/json/);
    expect((result.response?.body as { response: { accounts: { total_hits: number } } }).response.accounts.total_hits).toBeGreaterThan(0);
    expect(result.durationMs).toBeGreaterThan(0);
    expect(result.exchange).toBe(sunk[0]);
    expect(sunk).toHaveLength(1);
    expect(result.exchange).toMatchObject({ purpose: 'call search-accounts', clientCertificate: false, response: { status: 200 } });
    expect(result.exchange?.request.headers['authorization']).toBe(`Bearer ${token.accessToken.slice(0, 4)}…${token.accessToken.slice(-4)}`);
    expect(JSON.stringify(sunk)).not.toContain(token.accessToken);
  });

  it('returns a refusal as data: the status, the RFC 6750 challenge, the JSON error', async () => {
    const token = await clientCredentialsToken(lab, await registerClientApp(lab, ['account:read']));
    const result = await callEndpoint(exampleRequest('whoami'), { baseUrl: lab.issuer(), accessToken: token.accessToken });
    expect(result.response).toMatchObject({ status: 403, body: { error: 'insufficient_scope', scope: 'system_user:read' } });
    expect(result.response?.headers['www-authenticate']).toMatch(/error="insufficient_scope"/);
  });

  it('carries the client certificate through the dispatcher, and records that it did', async () => {
    const app = await registerClientApp(lab, ['system_user:read'], { mutualTls: true });
    const certificate = { kind: 'pem' as const, certificatePem: await lab.exportPem(app.clientId) };
    const target = await resolveTarget(lab.target('us'), { fetch: createRecordingFetch({ sink: () => undefined }) });
    const token = await runClientCredentialsFlow({ target, credentials: new AppCredentials({ clientId: app.clientId, clientSecret: app.clientSecret, certificate, caPem: lab.caPem }) });
    const dispatcher = createTlsAgent({ certificate, caPem: lab.caPem });
    try {
      const result = await callEndpoint(exampleRequest('whoami'), { baseUrl: target.mtlsApiBase, accessToken: token.accessToken, dispatcher });
      expect(result.response).toMatchObject({ status: 200, body: { id: 'u-1003' } });
      expect(result.exchange?.clientCertificate).toBe(true);
    } finally {
      await dispatcher.close();
    }
  });

  it('refuses an empty token, naming the parameter', async () => {
    await expect(callEndpoint(exampleRequest('whoami'), { baseUrl: lab.issuer(), accessToken: '' })).rejects.toThrow('missing access token in "accessToken"');
  });
});

describe('parseBody', () => {
  it('parses JSON by media type, keeps other text, and gives undefined for nothing', () => {
    expect(parseBody('{"a":1}', 'application/json; charset=utf-8')).toEqual({ a: 1 });
    expect(parseBody('{"a":1}', 'application/scim+json')).toEqual({ a: 1 });
    expect(parseBody('<p>hi</p>', 'text/html')).toBe('<p>hi</p>');
    expect(parseBody('{broken', 'application/json')).toBe('{broken');
    expect(parseBody('', 'application/json')).toBeUndefined();
  });
});
