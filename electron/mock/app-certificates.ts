/**
 * The client certificates of mutual-TLS applications: issue, renew, export, and tell a
 * presented certificate apart (this app's current one, a renewed-away one, another
 * app's, or one the mock never issued). The article: "the certificate has an expiration
 * date of one year, and should be renewed in time. If the certificate expires the
 * application will not be able to access Totango APIs."
 */
import type { Clock } from './clock';
import type { MockDatabase } from './mock-database';
import type { AppCertificate, StoredApplication } from './mock-state';
import { certificateFacts, issueClientCertificate } from './pki/certificate-authority';
import { pemBundle, pkcs12 } from './pki/certificate-export';

export type PresentedCertificate =
  | { readonly kind: 'current'; readonly app: StoredApplication; readonly certificate: AppCertificate }
  | { readonly kind: 'retired'; readonly app: StoredApplication; readonly reason: 'renewed' | 'mutual_tls_turned_off' }
  | { readonly kind: 'unknown' };

/** What the admin API shows of a certificate: no private key. */
export interface CertificateView {
  readonly serial: string;
  readonly thumbprint: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly expired: boolean;
  readonly certificatePem: string;
}

export class AppCertificates {
  constructor(
    private readonly database: MockDatabase,
    private readonly clock: Clock,
  ) {}

  /** A new certificate for the app, valid one year by the mock's clock. Does not save. */
  issue(app: StoredApplication): AppCertificate {
    const issued = issueClientCertificate(this.database.pki.ca, { clientId: app.clientId, appName: app.name, mockNowMs: this.clock.now() });
    const facts = certificateFacts(issued.certPem);
    return { ...issued, serial: facts.serial, thumbprint: facts.thumbprint, notBefore: facts.notBefore, notAfter: facts.notAfter, expiredByFault: false };
  }

  /** Replaces the app's certificate; the old one, and every token bound to it, stop working. Does not save. */
  replace(app: StoredApplication, reason: 'renewed' | 'mutual_tls_turned_off', next: AppCertificate | null): void {
    if (app.certificate) {
      app.retiredCertificates.push({
        serial: app.certificate.serial,
        thumbprint: app.certificate.thumbprint,
        retiredAt: new Date(this.clock.now()).toISOString(),
        reason,
      });
    }
    app.certificate = next;
  }

  isExpired(certificate: AppCertificate): boolean {
    return certificate.expiredByFault || Date.parse(certificate.notAfter) <= this.clock.now();
  }

  classify(thumbprint: string): PresentedCertificate {
    for (const app of this.database.state.applications) {
      if (app.certificate?.thumbprint === thumbprint) return { kind: 'current', app, certificate: app.certificate };
      const retired = app.retiredCertificates.find((r) => r.thumbprint === thumbprint);
      if (retired) return { kind: 'retired', app, reason: retired.reason };
    }
    return { kind: 'unknown' };
  }

  view(certificate: AppCertificate): CertificateView {
    const { serial, thumbprint, notBefore, notAfter, certPem } = certificate;
    return { serial, thumbprint, notBefore, notAfter, expired: this.isExpired(certificate), certificatePem: certPem };
  }

  exportPem(certificate: AppCertificate): string {
    return pemBundle(certificate, this.database.pki.ca.certPem);
  }

  exportPkcs12(app: StoredApplication, certificate: AppCertificate, password: string): Buffer {
    return pkcs12(certificate, this.database.pki.ca.certPem, password, app.name);
  }
}
