/**
 * The client-credentials grant: the application authenticates (Basic or form body, and
 * its certificate under mutual TLS) and gets a token acting as its Totango user, for
 * all of its scopes or the subset asked for.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
import * as client from 'openid-client';
import { StepReporter } from './flow-steps';
import { toLabError } from './oauth-errors';
import { createOAuthClient, type FlowOptions } from './oauth-client';
import { LabError } from './lab-error';
import { TokenResult } from './token-result';

export interface ClientCredentialsFlowOptions extends FlowOptions {
  /** A subset of the app's scopes; omitted or empty: all of them (the server decides). */
  readonly scopes?: readonly string[];
}

export function authenticationWords(method: string, overMutualTls: boolean): string {
  const how = method === 'client_secret_post' ? 'the secret in the form body (client_secret_post)' : 'HTTP Basic (client_secret_basic)';
  return overMutualTls ? `${how}, over mutual TLS with the app's certificate` : how;
}

/** Runs the grant; resolves with the token or rejects with a `LabError`, reporting each step on the way. */
export async function runClientCredentialsFlow(options: ClientCredentialsFlowOptions): Promise<TokenResult> {
  const now = options.now ?? Date.now;
  const steps = new StepReporter('client_credentials', options.onStep, now);
  let oauth: ReturnType<typeof createOAuthClient> | undefined;
  try {
    options.signal?.throwIfAborted();
    oauth = createOAuthClient(options, 'client_credentials');
    const scopes = [...(options.scopes ?? [])];
    const parameters: Record<string, string> = scopes.length === 0 ? {} : { scope: scopes.join(' ') };
    steps.report(
      'request-built',
      `Built a client-credentials token request to ${oauth.tokenEndpoint} for ${scopes.length === 0 ? "all of the app's scopes" : `the scopes ${scopes.join(', ')}`}, authenticating with ${authenticationWords(options.credentials.authMethod, oauth.overMutualTls)}.`,
    );
    const response = await client.clientCredentialsGrant(oauth.config, parameters);
    const result = new TokenResult({
      flow: 'client_credentials',
      response,
      requestedScopes: scopes,
      receivedAt: new Date(now()).toISOString(),
      overMutualTls: oauth.overMutualTls,
      steps: steps.reported,
    });
    const exchange = oauth.lastTokenExchange();
    steps.report('token-received', tokenReceivedWords(result), exchange === undefined ? {} : { exchange });
    return result;
  } catch (error) {
    const failure = options.signal?.aborted ? cancelledBy(options.signal) : await toLabError(error);
    const exchange = oauth?.lastTokenExchange();
    steps.report('failed', `The flow failed: ${failure.message}.`, { error: failure.toJSON(), ...(exchange === undefined ? {} : { exchange }) });
    throw failure;
  } finally {
    await oauth?.close();
  }
}

/** The sentence of the token-received step. */
export function tokenReceivedWords(result: TokenResult): string {
  const lifetime = result.expiresInSeconds === undefined ? 'with no stated lifetime' : `valid ${humanDuration(result.expiresInSeconds)}`;
  const scopes = result.scopes.length === 0 ? 'no stated scope' : `the scopes ${result.scopes.join(', ')}`;
  return `Received a ${result.tokenType} access token for ${scopes}, ${lifetime}${result.overMutualTls ? ', bound to the certificate' : ''}.`;
}

export function humanDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** The LabError a cancelled flow ends with: the abort reason when it is one. */
export function cancelledBy(signal: AbortSignal): LabError {
  return signal.reason instanceof LabError ? signal.reason : new LabError('cancelled', 'the flow was cancelled');
}
