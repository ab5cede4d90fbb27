/**
 * The undici dispatcher behind a target's HTTPS: it presents the application's client
 * certificate (mutual TLS) and trusts the CA the target needs (the mock's, or a
 * corporate one) on top of the system's. Requests that go through it are recorded as
 * carrying a certificate (see `recording-fetch.ts`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2 (mutual-TLS client authentication)
 */
import { rootCertificates } from 'node:tls';
import { Agent, type Dispatcher } from 'undici';
import { ClientCertificate, type ClientCertificateSource } from './client-certificate';

export interface TlsAgentOptions {
  /** The application's certificate and key: a source to load, or one loaded already. */
  readonly certificate?: ClientCertificateSource | ClientCertificate;
  /** CA certificates (PEM) to trust in addition to the system's. */
  readonly caPem?: string;
  /** How long a TCP and TLS connection may take (default 10 s). */
  readonly connectTimeoutMs?: number;
}

interface AgentFacts {
  readonly certificate?: ClientCertificate;
  readonly customCa: boolean;
}

const facts = new WeakMap<Dispatcher, AgentFacts>();

/**
 * Builds the dispatcher. A wrong PKCS#12 password, a key that does not match, or an
 * unreadable file is a `LabError` with code `certificate`, raised here, before any
 * request, rather than as a TLS failure later.
 */
export function createTlsAgent(options: TlsAgentOptions = {}): Agent {
  const certificate = options.certificate === undefined || options.certificate instanceof ClientCertificate ? options.certificate : ClientCertificate.load(options.certificate);
  const ca = options.caPem === undefined ? undefined : [...rootCertificates, options.caPem];
  const agent = new Agent({
    connect: {
      timeout: options.connectTimeoutMs ?? 10_000,
      ...(ca === undefined ? {} : { ca }),
      ...(certificate === undefined ? {} : { cert: [certificate.certificatePem, ...certificate.chainPems].join('\n'), key: certificate.privateKeyPem() }),
    },
  });
  facts.set(agent, certificate === undefined ? { customCa: ca !== undefined } : { certificate, customCa: ca !== undefined });
  return agent;
}

/** Whether a dispatcher made by `createTlsAgent` presents a client certificate. */
export function agentCarriesClientCertificate(dispatcher: Dispatcher | undefined): boolean {
  return dispatcher !== undefined && facts.get(dispatcher)?.certificate !== undefined;
}

/** The certificate a dispatcher made by `createTlsAgent` presents, if any. */
export function agentClientCertificate(dispatcher: Dispatcher | undefined): ClientCertificate | undefined {
  return dispatcher === undefined ? undefined : facts.get(dispatcher)?.certificate;
}

/** Whether a dispatcher made by `createTlsAgent` trusts a CA of its own. */
export function agentTrustsCustomCa(dispatcher: Dispatcher | undefined): boolean {
  return dispatcher !== undefined && facts.get(dispatcher)?.customCa === true;
}
