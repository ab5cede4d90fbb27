/**
 * An application's client certificate for mutual TLS, loaded from PEM (certificate and
 * key, or the one-file bundle Totango exports) or from PKCS#12 with its password, and
 * checked: the key must match the certificate. The private key never shows in JSON, in
 * `util.inspect`, or in an error message.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2 (mutual-TLS client authentication)
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3.1 (the x5t#S256 confirmation method)
 */
import { X509Certificate, createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import forge from 'node-forge';
import { LabError } from '../flows/lab-error';

/** Where a client certificate comes from. */
export type ClientCertificateSource =
  | {
      readonly kind: 'pem';
      /** The certificate, or a bundle holding certificate, key and CA certificates (as Totango exports it). */
      readonly certificatePem: string;
      /** The private key; omit when `certificatePem` is a bundle that holds it. */
      readonly privateKeyPem?: string;
    }
  | { readonly kind: 'pkcs12'; readonly pkcs12: Uint8Array; readonly password: string };

const CERTIFICATE_PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const PRIVATE_KEY_PEM = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]+?-----END \1PRIVATE KEY-----/;

export class ClientCertificate {
  readonly #privateKeyPem: string;

  private constructor(
    /** The leaf certificate (PEM). */
    readonly certificatePem: string,
    privateKeyPem: string,
    /** The other certificates that came with it (the issuing CA, usually), PEM. */
    readonly chainPems: readonly string[],
  ) {
    this.#privateKeyPem = privateKeyPem;
  }

  /** Loads and checks a certificate; every failure is a `LabError` with code `certificate`. */
  static load(source: ClientCertificateSource): ClientCertificate {
    if (source.kind === 'pkcs12') return ClientCertificate.fromPem(...pkcs12ToPem(source.pkcs12, source.password));
    const keyPem = source.privateKeyPem ?? PRIVATE_KEY_PEM.exec(source.certificatePem)?.[0];
    if (keyPem === undefined) throw new LabError('certificate', 'no private key: give "privateKeyPem", or a bundle that holds one');
    return ClientCertificate.fromPem(source.certificatePem, keyPem);
  }

  private static fromPem(certificatesPem: string, keyPem: string): ClientCertificate {
    const pems = certificatesPem.match(CERTIFICATE_PEM) ?? [];
    if (pems.length === 0) throw new LabError('certificate', 'no certificate found in "certificatePem" (expected -----BEGIN CERTIFICATE-----)');
    let key: KeyObject;
    try {
      key = createPrivateKey(keyPem);
    } catch (error) {
      const encrypted = /ENCRYPTED/.test(keyPem) || /passphrase/i.test((error as Error).message);
      throw new LabError('certificate', encrypted ? 'the private key is encrypted; export it unencrypted, or use the PKCS#12 file' : 'the private key cannot be read (expected PEM)', { cause: error });
    }
    const certificates = pems.map((pem) => parseCertificate(pem));
    const leaf = certificates.findIndex((certificate) => certificate.checkPrivateKey(key));
    if (leaf < 0) throw new LabError('certificate', 'the private key does not match the certificate');
    const keyPemNormalized = key.export({ format: 'pem', type: 'pkcs8' }).toString();
    return new ClientCertificate(pems[leaf] ?? '', keyPemNormalized, pems.filter((_pem, i) => i !== leaf));
  }

  /** The private key (PEM, PKCS#8), for the TLS stack only. */
  privateKeyPem(): string {
    return this.#privateKeyPem;
  }

  private get x509(): X509Certificate {
    return new X509Certificate(this.certificatePem);
  }

  /** base64url(SHA-256(DER)): what a bound token carries as `cnf.x5t#S256` (RFC 8705 §3.1). */
  get thumbprint(): string {
    return certificateThumbprint(this.certificatePem);
  }

  get subject(): string {
    return this.x509.subject;
  }

  get issuer(): string {
    return this.x509.issuer;
  }

  get validFrom(): Date {
    return new Date(this.x509.validFrom);
  }

  get validTo(): Date {
    return new Date(this.x509.validTo);
  }

  /** What may be shown or exported: never the key. */
  toJSON(): { subject: string; issuer: string; thumbprint: string; validFrom: string; validTo: string; privateKey: string } {
    return {
      subject: this.subject,
      issuer: this.issuer,
      thumbprint: this.thumbprint,
      validFrom: this.validFrom.toISOString(),
      validTo: this.validTo.toISOString(),
      privateKey: '[not shown]',
    };
  }

  [inspect.custom](): string {
    return `ClientCertificate ${inspect(this.toJSON())}`;
  }
}

/** The RFC 8705 §3.1 thumbprint of a PEM certificate. */
export function certificateThumbprint(certificatePem: string): string {
  return createHash('sha256').update(parseCertificate(certificatePem).raw).digest('base64url');
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (error) {
    throw new LabError('certificate', 'a certificate in "certificatePem" cannot be read', { cause: error });
  }
}

/** The certificates and the key of a PKCS#12 file, as PEM. Any key type: Node reads the decrypted PKCS#8. */
function pkcs12ToPem(file: Uint8Array, password: string): [certificatesPem: string, keyPem: string] {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(file).toString('binary')), password);
  } catch (error) {
    const message = (error as Error).message;
    if (/password/i.test(message)) throw new LabError('certificate', 'wrong "password" for the PKCS#12 file', { cause: error });
    throw new LabError('certificate', 'not a PKCS#12 file (expected .p12 or .pfx)', { cause: error });
  }
  const bags = p12.safeContents.flatMap((contents) => contents.safeBags);
  const certificates = bags
    .filter((bag) => bag.type === forge.pki.oids['certBag'])
    .map((bag) => derToPem(forge.asn1.toDer(bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag.asn1 as forge.asn1.Asn1)).getBytes(), 'CERTIFICATE'));
  const keyBag = bags.find((bag) => bag.type === forge.pki.oids['pkcs8ShroudedKeyBag'] || bag.type === forge.pki.oids['keyBag']);
  if (certificates.length === 0 || keyBag === undefined) throw new LabError('certificate', 'the PKCS#12 file must hold a certificate and its private key');
  const keyInfo = keyBag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key)) : (keyBag.asn1 as forge.asn1.Asn1);
  const keyDer = Buffer.from(forge.asn1.toDer(keyInfo).getBytes(), 'binary');
  const keyPem = createPrivateKey({ key: keyDer, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
  return [certificates.join('\n'), keyPem];
}

function derToPem(binaryDer: string, label: string): string {
  const base64 = Buffer.from(binaryDer, 'binary').toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}
