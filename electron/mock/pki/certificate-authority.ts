/**
 * The mock's PKI, one certificate authority per data directory (node-forge). It issues
 * the mock's own TLS server certificate and each mutual-TLS application's client
 * certificate, valid one year as the article says.
 *
 * @see https://www.rfc-editor.org/rfc/rfc5280
 */
import { generateKeyPairSync, randomBytes, X509Certificate, createHash } from 'node:crypto';
import forge from 'node-forge';

export interface IssuedCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}

export interface CertificateFacts {
  readonly serial: string;
  readonly subject: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** RFC 8705 §3.1: base64url(SHA-256(DER)), the `cnf` `x5t#S256` of tokens bound to it. */
  readonly thumbprint: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const CLIENT_CERTIFICATE_DAYS = 365;

function newKeyPair(): { forgeKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; keyPem: string } {
  // node:crypto generates RSA keys in native code; forge's pure-JS generator takes seconds.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  return { forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), keyPem };
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // a positive INTEGER
  return bytes.toString('hex');
}

function subject(commonName: string, organizationalUnit: string): forge.pki.CertificateField[] {
  return [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Totango OAuth Lab (mock)' },
    { name: 'organizationalUnitName', value: organizationalUnit },
  ];
}

export function createCertificateAuthority(nowMs: number): IssuedCertificate {
  const { forgeKey, publicKey, keyPem } = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(nowMs - DAY_MS);
  cert.validity.notAfter = new Date(nowMs + 10 * 365 * DAY_MS);
  const name = subject(`Totango OAuth Lab mock CA ${randomBytes(3).toString('hex')}`, 'Certificate authority');
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgeKey, forge.md.sha256.create());
  return { certPem: toPem(cert), keyPem };
}

/** forge writes CRLF line ends; PEM files elsewhere in the Lab use LF. */
function toPem(cert: forge.pki.Certificate): string {
  return forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
}

function issue(
  ca: IssuedCertificate,
  options: { commonName: string; unit: string; notBefore: number; notAfter: number; extensions: object[] },
): IssuedCertificate {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem) as forge.pki.rsa.PrivateKey;
  const { forgeKey: _unused, publicKey, keyPem } = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(options.notBefore);
  cert.validity.notAfter = new Date(options.notAfter);
  cert.setSubject(subject(options.commonName, options.unit));
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
    { name: 'subjectKeyIdentifier' },
    ...options.extensions,
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: toPem(cert), keyPem };
}

/** The mock's TLS server certificate, for 127.0.0.1, ::1 and localhost. Real time: TLS clients check it by their own clock. */
export function issueServerCertificate(ca: IssuedCertificate, realNowMs: number): IssuedCertificate {
  return issue(ca, {
    commonName: '127.0.0.1',
    unit: 'Mock Totango server',
    notBefore: realNowMs - DAY_MS,
    notAfter: realNowMs + 365 * DAY_MS,
    extensions: [
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }, { type: 2, value: 'localhost' }] },
    ],
  });
}

/** An application's client certificate, valid one year from now by the mock's clock. */
export function issueClientCertificate(ca: IssuedCertificate, options: { clientId: string; appName: string; mockNowMs: number }): IssuedCertificate {
  return issue(ca, {
    commonName: options.clientId,
    unit: options.appName.slice(0, 64) || 'OAuth application',
    notBefore: options.mockNowMs - 60_000,
    notAfter: options.mockNowMs + CLIENT_CERTIFICATE_DAYS * DAY_MS,
    extensions: [
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  });
}

export function certificateFacts(certPem: string): CertificateFacts {
  const x509 = new X509Certificate(certPem);
  return {
    serial: x509.serialNumber.toLowerCase(),
    subject: x509.subject,
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
    thumbprint: thumbprintOfDer(x509.raw),
  };
}

export function thumbprintOfDer(der: Buffer): string {
  return createHash('sha256').update(der).digest('base64url');
}

/** Whether `certPem` was issued by `ca` (checked by signature). */
export function issuedBy(certPem: string, ca: IssuedCertificate): boolean {
  try {
    return new X509Certificate(certPem).verify(new X509Certificate(ca.certPem).publicKey);
  } catch {
    return false;
  }
}
