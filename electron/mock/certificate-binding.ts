/**
 * Which certificate a mutual-TLS application's token request must bring, and why a
 * presented one is refused. The token endpoint answers these with `invalid_request`
 * (docs/mock-totango.md explains the choice); the APIs with `invalid_token`.
 */
import type { AppCertificates } from './app-certificates';
import type { PeerCertificate } from './http/peer-certificate';
import type { StoredApplication } from './mock-state';

export type BindingCheck = { readonly ok: true; readonly thumbprint: string } | { readonly ok: false; readonly description: string };

/** For the token endpoint: the certificate of this request must be the app's current, unexpired one. */
export function checkClientCertificate(
  app: StoredApplication,
  peer: PeerCertificate,
  certificates: AppCertificates,
  httpsTokenEndpoint: string,
): BindingCheck {
  if (peer.transport === 'http') {
    return { ok: false, description: `application "${app.name}" uses mutual TLS: request its tokens from ${httpsTokenEndpoint} with its client certificate` };
  }
  if (peer.thumbprint === undefined) {
    return { ok: false, description: `no client certificate was presented; application "${app.name}" uses mutual TLS and must send its certificate` };
  }
  return matchPresented(app, peer.thumbprint, certificates);
}

export function matchPresented(app: StoredApplication, thumbprint: string, certificates: AppCertificates): BindingCheck {
  const presented = certificates.classify(thumbprint);
  switch (presented.kind) {
    case 'unknown':
      return { ok: false, description: 'the client certificate was not issued by this Totango account; export the application\'s certificate and use it' };
    case 'retired':
      if (presented.app.clientId !== app.clientId) return { ok: false, description: `the client certificate belongs to another application ("${presented.app.name}")` };
      return {
        ok: false,
        description: presented.reason === 'renewed'
          ? 'the client certificate has been renewed; use the new certificate (export it again)'
          : 'the client certificate was retired when mutual TLS was turned off for the application',
      };
    case 'current':
      if (presented.app.clientId !== app.clientId) return { ok: false, description: `the client certificate belongs to another application ("${presented.app.name}")` };
      if (certificates.isExpired(presented.certificate)) {
        const when = presented.certificate.expiredByFault ? 'has been expired by the mock\'s fault injection' : `expired on ${presented.certificate.notAfter}`;
        return { ok: false, description: `the client certificate ${when}; renew it` };
      }
      return { ok: true, thumbprint };
  }
}
