/**
 * Mutual TLS (RFC 8705) through the flows: the app's certificate from a PEM bundle or a
 * PKCS#12 file, carried by an undici dispatcher to the mock's HTTPS token endpoint (its
 * `mtls_endpoint_aliases`), and the token bound to it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClientCertificate, type ClientCertificateSource } from '../http/client-certificate';
import type { HttpExchange } from '../http/exchange';
import { createRecordingFetch } from '../http/recording-fetch';
import { AppCredentials } from '../targets/app-credentials';
import { resolveTarget } from '../targets/resolve-target';
import type { ResolvedTarget } from '../targets/target';
import { startLabMock, type LabMock, type RegisteredApp } from '../testing/lab-mock';
import { rejectionOf } from '../testing/test-support';
import { runClientCredentialsFlow } from './client-credentials-flow';
import type { AnyLabError } from './lab-error';

let lab: LabMock;
let target: ResolvedTarget;

beforeAll(async () => {
  lab = await startLabMock();
  target = await resolveTarget(lab.target('us'), { fetch: createRecordingFetch({ sink: () => {} }) });
});

afterEach(() => {
  expect(lab.loggedErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await lab.stop();
});

function boundApp(): Promise<RegisteredApp> {
  return lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['system_user:read'], mutualTls: true });
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function flowWith(registered: RegisteredApp, certificate: ClientCertificateSource | undefined) {
  const exchanges: HttpExchange[] = [];
  const credentials = new AppCredentials({ clientId: registered.clientId, clientSecret: registered.clientSecret, ...(certificate === undefined ? {} : { certificate }) });
  const promise = runClientCredentialsFlow({ target, credentials, sink: (e) => exchanges.push(e) });
  return { promise, exchanges };
}

describe('mutual TLS', () => {
  it('finds the HTTPS token endpoint in the metadata (mtls_endpoint_aliases)', () => {
    expect(target.mtlsTokenEndpoint).toBe(`${lab.mock.urls.regions.us.mtls.origin}/oauth/token`);
    expect(target.mtlsApiBase).toBe(lab.mock.urls.regions.us.mtls.origin);
  });

  it('gets a token bound to the certificate of a PEM bundle, over the HTTPS alias, recorded as carrying it', async () => {
    const registered = await boundApp();
    const bundle = await lab.exportPem(registered.clientId);
    const { promise, exchanges } = await flowWith(registered, { kind: 'pem', certificatePem: bundle });
    const result = await promise;
    const thumbprint = ClientCertificate.load({ kind: 'pem', certificatePem: bundle }).thumbprint;
    expect(claimsOf(result.accessToken)['cnf']).toEqual({ 'x5t#S256': thumbprint });
    expect(result.overMutualTls).toBe(true);
    const exchange = exchanges.at(-1);
    expect(exchange).toMatchObject({ purpose: 'token request (client credentials, mutual TLS)', clientCertificate: true, customCa: true, request: { url: target.mtlsTokenEndpoint } });
    const recorded = JSON.stringify(exchanges);
    expect(recorded).not.toContain('PRIVATE KEY');
    expect(recorded).not.toContain(registered.clientSecret);
  });

  it('gets a bound token with the certificate of a PKCS#12 file', async () => {
    const registered = await boundApp();
    const pkcs12 = await lab.exportPkcs12(registered.clientId, 'correct horse battery');
    const { promise } = await flowWith(registered, { kind: 'pkcs12', pkcs12, password: 'correct horse battery' });
    const result = await promise;
    const thumbprint = ClientCertificate.load({ kind: 'pkcs12', pkcs12, password: 'correct horse battery' }).thumbprint;
    expect(claimsOf(result.accessToken)['cnf']).toEqual({ 'x5t#S256': thumbprint });
  });

  it('refuses a PKCS#12 file with the wrong password before sending anything', async () => {
    const registered = await boundApp();
    const pkcs12 = await lab.exportPkcs12(registered.clientId, 'correct horse battery');
    const { promise, exchanges } = await flowWith(registered, { kind: 'pkcs12', pkcs12, password: 'wrong password' });
    const error = (await rejectionOf(promise)) as AnyLabError;
    expect(error).toMatchObject({ code: 'certificate', message: 'wrong "password" for the PKCS#12 file' });
    expect(exchanges).toEqual([]);
  });

  it('refuses a certificate whose key is another one', async () => {
    const first = await boundApp();
    const second = await boundApp();
    const certificatePem = (await lab.exportPem(first.clientId)).match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0] ?? '';
    const privateKeyPem = (await lab.exportPem(second.clientId)).match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/)?.[0] ?? '';
    const { promise } = await flowWith(first, { kind: 'pem', certificatePem, privateKeyPem });
    const error = (await rejectionOf(promise)) as AnyLabError;
    expect(error).toMatchObject({ code: 'certificate', message: 'the private key does not match the certificate' });
    expect(error.message).not.toContain('BEGIN');
  });

  it('gets invalid_request, naming the HTTPS endpoint, when a mutual-TLS app sends no certificate', async () => {
    const registered = await boundApp();
    const { promise } = await flowWith(registered, undefined);
    const error = (await rejectionOf(promise)) as AnyLabError;
    expect(error.code).toBe('invalid_request');
    expect(error.oauth?.error_description).toContain(lab.mock.urls.regions.us.mtls.token);
  });

  it("gets invalid_request when the certificate is another application's", async () => {
    const registered = await boundApp();
    const other = await boundApp();
    const { promise } = await flowWith(registered, { kind: 'pem', certificatePem: await lab.exportPem(other.clientId) });
    const error = (await rejectionOf(promise)) as AnyLabError;
    expect(error.code).toBe('invalid_request');
    expect(error.oauth?.error_description).toMatch(/another application/);
  });
});
