/**
 * An application's credentials at a target: client ID, client secret, how the client
 * authenticates (RFC 6749 §2.3.1: Basic or form body), the mutual-TLS certificate and
 * the CA to trust. The secret and the certificate's key are private fields: they show
 * in no JSON, no `util.inspect`, no log line and no error message.
 */
import { inspect } from 'node:util';
import { LabError } from '../flows/lab-error';
import { ClientCertificate, type ClientCertificateSource } from '../http/client-certificate';

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

export interface AppCredentialsInput {
  readonly clientId: string;
  readonly clientSecret?: string;
  /** Default `client_secret_basic`, which Totango's article shows. */
  readonly authMethod?: ClientAuthMethod;
  /** The mutual-TLS certificate and key (PEM or PKCS#12), when the app uses mutual TLS. */
  readonly certificate?: ClientCertificateSource;
  /** A CA (PEM) to trust for this app's target, besides the system's. */
  readonly caPem?: string;
}

export class AppCredentials {
  readonly clientId: string;
  readonly authMethod: ClientAuthMethod;
  readonly caPem?: string;
  readonly #clientSecret: string | undefined;
  readonly #certificate: ClientCertificateSource | undefined;
  #loaded: ClientCertificate | undefined;

  constructor(input: AppCredentialsInput) {
    if (typeof input.clientId !== 'string' || input.clientId.trim() === '') throw new LabError('invalid_configuration', '"clientId" is required');
    if (input.authMethod !== undefined && input.authMethod !== 'client_secret_basic' && input.authMethod !== 'client_secret_post') {
      throw new LabError('invalid_configuration', `"authMethod" must be "client_secret_basic" or "client_secret_post", got ${JSON.stringify(String(input.authMethod)).slice(0, 60)}`);
    }
    this.clientId = input.clientId;
    this.authMethod = input.authMethod ?? 'client_secret_basic';
    if (input.caPem !== undefined) this.caPem = input.caPem;
    this.#clientSecret = input.clientSecret === '' ? undefined : input.clientSecret;
    this.#certificate = input.certificate;
  }

  get hasClientSecret(): boolean {
    return this.#clientSecret !== undefined;
  }

  get hasCertificate(): boolean {
    return this.#certificate !== undefined;
  }

  /** The secret, for the token request only. */
  clientSecret(): string | undefined {
    return this.#clientSecret;
  }

  /** The certificate source, for storing it (sealed) only. */
  certificateSource(): ClientCertificateSource | undefined {
    return this.#certificate;
  }

  /** The certificate, loaded and checked once (a `LabError` `certificate` when the key or password is wrong). */
  certificate(): ClientCertificate | undefined {
    if (this.#certificate === undefined) return undefined;
    this.#loaded ??= ClientCertificate.load(this.#certificate);
    return this.#loaded;
  }

  /** The same credentials with some fields changed. */
  with(changes: Partial<AppCredentialsInput>): AppCredentials {
    return new AppCredentials({ ...this.toInput(), ...changes });
  }

  /** Every field, secrets included: for sealing into the credential store only. */
  toInput(): AppCredentialsInput {
    return {
      clientId: this.clientId,
      authMethod: this.authMethod,
      ...(this.#clientSecret === undefined ? {} : { clientSecret: this.#clientSecret }),
      ...(this.#certificate === undefined ? {} : { certificate: this.#certificate }),
      ...(this.caPem === undefined ? {} : { caPem: this.caPem }),
    };
  }

  toJSON(): { clientId: string; authMethod: ClientAuthMethod; clientSecret?: string; certificate?: string; caPem?: string } {
    return {
      clientId: this.clientId,
      authMethod: this.authMethod,
      ...(this.#clientSecret === undefined ? {} : { clientSecret: '[hidden]' }),
      ...(this.#certificate === undefined ? {} : { certificate: `[hidden ${this.#certificate.kind === 'pem' ? 'PEM' : 'PKCS#12'}]` }),
      ...(this.caPem === undefined ? {} : { caPem: '[CA certificate]' }),
    };
  }

  [inspect.custom](): string {
    return `AppCredentials ${inspect(this.toJSON())}`;
  }
}
