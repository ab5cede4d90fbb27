/**
 * Exports of an application's certificate: a PEM bundle (certificate, private key, CA)
 * and PKCS#12 protected by a password the user chooses. The article: Totango "issues
 * Public Key Infrastructure (PKI) of certificate and private key, and allows you to
 * export it".
 */
import forge from 'node-forge';
import type { IssuedCertificate } from './certificate-authority';

export function pemBundle(client: IssuedCertificate, caCertPem: string): string {
  return [client.certPem.trim(), client.keyPem.trim(), caCertPem.trim(), ''].join('\n');
}

/** PKCS#12 with AES-256 (PBES2), which OpenSSL 3 and Node read without the legacy provider. */
export function pkcs12(client: IssuedCertificate, caCertPem: string, password: string, friendlyName: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(client.keyPem),
    [forge.pki.certificateFromPem(client.certPem), forge.pki.certificateFromPem(caCertPem)],
    password,
    { algorithm: 'aes256', friendlyName, generateLocalKeyId: true },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
