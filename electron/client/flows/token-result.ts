/**
 * What a flow obtains: the token response (RFC 6749 §5.1), with the tokens held in
 * private fields so that serialising or logging a result shows only their first
 * characters.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
import { inspect } from 'node:util';
import { splitScopeParameter } from '../../../shared/scopes';
import { shortenSecret } from '../http/redaction';
import type { FlowKind, FlowStep } from './flow-steps';

export interface TokenResponseFields {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in?: number;
  readonly scope?: string;
  readonly refresh_token?: string;
  readonly id_token?: string;
}

export class TokenResult {
  readonly flow: FlowKind;
  readonly tokenType: string;
  readonly expiresInSeconds?: number;
  /** The granted scopes, as the server stated them (RFC 6749 §3.3), or the requested ones when it did not. */
  readonly scopes: readonly string[];
  /** ISO time the token arrived. */
  readonly receivedAt: string;
  /** Whether the token was obtained over mutual TLS (and is then bound to the certificate, RFC 8705 §3). */
  readonly overMutualTls: boolean;
  /** The steps the flow went through. */
  readonly steps: readonly FlowStep[];
  readonly #accessToken: string;
  readonly #refreshToken: string | undefined;
  readonly #idToken: string | undefined;

  constructor(init: { flow: FlowKind; response: TokenResponseFields; requestedScopes?: readonly string[]; receivedAt: string; overMutualTls: boolean; steps: readonly FlowStep[] }) {
    const { response } = init;
    this.flow = init.flow;
    this.tokenType = response.token_type;
    if (response.expires_in !== undefined) this.expiresInSeconds = response.expires_in;
    this.scopes = Object.freeze(response.scope !== undefined ? splitScopeParameter(response.scope) : [...(init.requestedScopes ?? [])]);
    this.receivedAt = init.receivedAt;
    this.overMutualTls = init.overMutualTls;
    this.steps = init.steps;
    this.#accessToken = response.access_token;
    this.#refreshToken = response.refresh_token;
    this.#idToken = response.id_token;
  }

  get accessToken(): string {
    return this.#accessToken;
  }

  get refreshToken(): string | undefined {
    return this.#refreshToken;
  }

  get idToken(): string | undefined {
    return this.#idToken;
  }

  /** When the token expires, by the lifetime the server gave and the local clock at receipt. */
  get expiresAt(): string | undefined {
    return this.expiresInSeconds === undefined ? undefined : new Date(Date.parse(this.receivedAt) + this.expiresInSeconds * 1000).toISOString();
  }

  toJSON(): Record<string, unknown> {
    return {
      flow: this.flow,
      tokenType: this.tokenType,
      accessToken: shortenSecret(this.#accessToken),
      ...(this.#refreshToken === undefined ? {} : { refreshToken: shortenSecret(this.#refreshToken) }),
      ...(this.expiresInSeconds === undefined ? {} : { expiresInSeconds: this.expiresInSeconds, expiresAt: this.expiresAt }),
      scopes: this.scopes,
      receivedAt: this.receivedAt,
      overMutualTls: this.overMutualTls,
    };
  }

  [inspect.custom](): string {
    return `TokenResult ${inspect(this.toJSON())}`;
  }
}
