/**
 * Client authentication at the token, revocation and introspection endpoints: HTTP Basic
 * (`client_secret_basic`) or the form body (`client_secret_post`), exactly one of them.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
import type { RegionId } from '../../../shared/regions';
import type { ApplicationRegistry } from '../applications';
import type { StoredApplication } from '../mock-state';
import { OAuthError } from '../oauth-error';
import type { FormParams } from './form-params';

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

export interface AuthenticatedClient {
  readonly app: StoredApplication;
  readonly method: ClientAuthMethod;
}

interface PresentedCredentials {
  readonly clientId: string;
  readonly secret: string;
  readonly method: ClientAuthMethod;
}

export class ClientAuthenticator {
  constructor(
    private readonly applications: ApplicationRegistry,
    private readonly region: RegionId,
    private readonly realm: string,
    private readonly tokenEndpointOf: (region: RegionId) => string,
  ) {}

  async authenticate(authorization: string | undefined, params: FormParams): Promise<AuthenticatedClient> {
    const presented = this.presented(authorization, params);
    const fail = (description: string) => this.invalidClient(description);
    const app = this.applications.find(presented.clientId);
    if (!app) throw fail(`unknown client "${printable(presented.clientId)}"`);
    if (!(await this.applications.secretMatches(app, presented.secret))) throw fail('the client secret does not match');
    if (app.region !== this.region) {
      throw fail(`client "${app.clientId}" is registered in the ${app.region.toUpperCase()} region; use its token endpoint, ${this.tokenEndpointOf(app.region)}`);
    }
    return { app, method: presented.method };
  }

  private presented(authorization: string | undefined, params: FormParams): PresentedCredentials {
    const bodyId = params.get('client_id');
    const bodySecret = params.get('client_secret');
    if (authorization !== undefined) {
      const basic = this.parseBasic(authorization);
      if (bodySecret !== undefined) {
        throw new OAuthError('invalid_request', 'the client authenticated with more than one method (HTTP Basic and "client_secret"); use one');
      }
      if (bodyId !== undefined && bodyId !== basic.clientId) {
        throw new OAuthError('invalid_request', '"client_id" in the body differs from the client of the Authorization header');
      }
      return basic;
    }
    if (bodySecret !== undefined) {
      if (bodyId === undefined) throw this.invalidClient('"client_secret" was sent without "client_id"');
      return { clientId: bodyId, secret: bodySecret, method: 'client_secret_post' };
    }
    if (bodyId !== undefined) {
      throw this.invalidClient('client authentication is required: send the client secret with HTTP Basic or as "client_secret"');
    }
    throw this.invalidClient('no client authentication: send the client ID and secret with HTTP Basic or as "client_id" and "client_secret"');
  }

  private parseBasic(header: string): PresentedCredentials {
    const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
    if (!match?.[1]) {
      const scheme = header.split(' ')[0] ?? '';
      throw this.invalidClient(
        /^basic$/i.test(scheme) ? 'the Basic credentials are not base64' : `the Authorization scheme "${printable(scheme)}" is not supported here; use Basic`,
      );
    }
    let decoded: string;
    try {
      decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(match[1], 'base64'));
    } catch {
      throw this.invalidClient('the Basic credentials are not valid UTF-8');
    }
    const colon = decoded.indexOf(':');
    if (colon < 0) throw this.invalidClient('the Basic credentials have no ":" between client ID and secret');
    try {
      // RFC 6749 §2.3.1: both halves are form-urlencoded before they are joined.
      const clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      const secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
      if (clientId === '') throw this.invalidClient('the Basic credentials have an empty client ID');
      return { clientId, secret, method: 'client_secret_basic' };
    } catch (error) {
      if (error instanceof OAuthError) throw error;
      throw this.invalidClient('the Basic credentials have a malformed percent-escape');
    }
  }

  private invalidClient(description: string): OAuthError {
    return new OAuthError('invalid_client', description, 401, { 'www-authenticate': `Basic realm="${this.realm}", charset="UTF-8"` });
  }
}

function printable(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}...` : value;
  return shown.replace(/[^\x20-\x7E]/g, '?').replace(/"/g, "'");
}
