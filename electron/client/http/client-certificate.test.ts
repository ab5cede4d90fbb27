/**
 * Loading an app's certificate from what the mock exports (PEM bundle, PKCS#12), and
 * the clear errors for what cannot be used; the key never shows.
 */
import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabError } from '../flows/lab-error';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { ClientCertificate, certificateThumbprint } from './client-certificate';
import { agentCarriesClientCertificate, agentClientCertificate, agentTrustsCustomCa, createTlsAgent } from './tls-agent';

let lab: LabMock;
let bundle: string;
let pkcs12: Buffer;
let thumbprint: string;

const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const KEY = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/;

beforeAll(async () => {
  lab = await startLabMock();
  const app = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'], mutualTls: true });
  bundle = await lab.exportPem(app.clientId);
  pkcs12 = await lab.exportPkcs12(app.clientId, 'the p12 password');
  thumbprint = String((app.application['certificate'] as Record<string, unknown>)['thumbprint']);
});

afterAll(async () => {
  await lab.stop();
});

function loadError(load: () => unknown): LabError {
  try {
    load();
  } catch (error) {
    return error as LabError;
  }
  throw new Error('expected the certificate to be refused');
}

describe('loading', () => {
  it('reads the mock\'s PEM bundle: the leaf, its key, and the CA as the chain', () => {
    const certificate = ClientCertificate.load({ kind: 'pem', certificatePem: bundle });
    expect(certificate.thumbprint).toBe(thumbprint);
    expect(certificate.chainPems).toHaveLength(1);
    expect(certificate.privateKeyPem()).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(certificate.validTo.getTime()).toBeGreaterThan(certificate.validFrom.getTime());
  });

  it('reads certificate and key given apart', () => {
    const certificate = ClientCertificate.load({ kind: 'pem', certificatePem: CERTIFICATE.exec(bundle)?.[0] ?? '', privateKeyPem: KEY.exec(bundle)?.[0] ?? '' });
    expect(certificate.thumbprint).toBe(thumbprint);
    expect(certificateThumbprint(certificate.certificatePem)).toBe(thumbprint);
  });

  it('reads the PKCS#12 export with its password', () => {
    const certificate = ClientCertificate.load({ kind: 'pkcs12', pkcs12, password: 'the p12 password' });
    expect(certificate.thumbprint).toBe(thumbprint);
    expect(certificate.subject).toBe(ClientCertificate.load({ kind: 'pem', certificatePem: bundle }).subject);
  });
});

describe('refusals', () => {
  it('says the PKCS#12 password is wrong', () => {
    expect(loadError(() => ClientCertificate.load({ kind: 'pkcs12', pkcs12, password: 'guess' }))).toMatchObject({ code: 'certificate', message: 'wrong "password" for the PKCS#12 file' });
  });

  it('says a file is not PKCS#12', () => {
    expect(loadError(() => ClientCertificate.load({ kind: 'pkcs12', pkcs12: Buffer.from(bundle), password: 'x' }))).toMatchObject({ code: 'certificate', message: 'not a PKCS#12 file (expected .p12 or .pfx)' });
  });

  it('says the key does not match the certificate', () => {
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const error = loadError(() => ClientCertificate.load({ kind: 'pem', certificatePem: CERTIFICATE.exec(bundle)?.[0] ?? '', privateKeyPem: otherKey }));
    expect(error).toMatchObject({ code: 'certificate', message: 'the private key does not match the certificate' });
  });

  it('says the key is missing, or encrypted', () => {
    expect(loadError(() => ClientCertificate.load({ kind: 'pem', certificatePem: CERTIFICATE.exec(bundle)?.[0] ?? '' })).message).toBe('no private key: give "privateKeyPem", or a bundle that holds one');
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
    expect(loadError(() => ClientCertificate.load({ kind: 'pem', certificatePem: bundle.replace(KEY, ''), privateKeyPem: encrypted })).message).toBe(
      'the private key is encrypted; export it unencrypted, or use the PKCS#12 file',
    );
  });

  it('says there is no certificate', () => {
    expect(loadError(() => ClientCertificate.load({ kind: 'pem', certificatePem: KEY.exec(bundle)?.[0] ?? '' })).message).toBe('no certificate found in "certificatePem" (expected -----BEGIN CERTIFICATE-----)');
  });
});

describe('the key stays hidden', () => {
  it('from JSON and from util.inspect', () => {
    const certificate = ClientCertificate.load({ kind: 'pem', certificatePem: bundle });
    const key = certificate.privateKeyPem();
    expect(JSON.stringify(certificate)).not.toContain(key.slice(40, 80));
    expect(inspect(certificate, { depth: 5 })).not.toContain(key.slice(40, 80));
    expect(JSON.parse(JSON.stringify(certificate))).toMatchObject({ thumbprint, privateKey: '[not shown]' });
  });
});

describe('the TLS agent', () => {
  it('remembers whether it carries a certificate and trusts a CA of its own', async () => {
    const withCertificate = createTlsAgent({ certificate: { kind: 'pkcs12', pkcs12, password: 'the p12 password' }, caPem: lab.caPem });
    const trustOnly = createTlsAgent({ caPem: lab.caPem });
    expect(agentCarriesClientCertificate(withCertificate)).toBe(true);
    expect(agentClientCertificate(withCertificate)?.thumbprint).toBe(thumbprint);
    expect(agentCarriesClientCertificate(trustOnly)).toBe(false);
    expect(agentTrustsCustomCa(trustOnly)).toBe(true);
    expect(agentTrustsCustomCa(createTlsAgent())).toBe(false);
    await Promise.all([withCertificate.close(), trustOnly.close()]);
  });

  it('refuses a wrong PKCS#12 password when it is built, not at the first request', () => {
    expect(loadError(() => createTlsAgent({ certificate: { kind: 'pkcs12', pkcs12, password: 'nope' } })).code).toBe('certificate');
  });
});
