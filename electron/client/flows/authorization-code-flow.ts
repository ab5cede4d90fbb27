/**
 * The authorization-code grant of a native app: PKCE S256 and a random state
 * (openid-client), the authorization URL opened through an injected opener (the system
 * browser in the app), the redirect caught by a loopback server on 127.0.0.1, and the
 * code exchanged once openid-client has checked `state` and `iss`. One flow waits at a
 * time; a timeout, a cancel, a port already taken, or an error redirect each end it
 * with its own `LabError`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 * @see https://www.rfc-editor.org/rfc/rfc7636 (PKCE)
 * @see https://www.rfc-editor.org/rfc/rfc8252 (OAuth for native apps)
 * @see https://www.rfc-editor.org/rfc/rfc9207 (iss in the authorization response)
 */
import * as client from 'openid-client';
import { authenticationWords, cancelledBy, humanDuration, tokenReceivedWords } from './client-credentials-flow';
import { StepReporter } from './flow-steps';
import { LabError, isLabError } from './lab-error';
import { startLoopbackCallbackServer, type CapturedCallback, type LoopbackCallbackServer } from './loopback-callback-server';
import { createOAuthClient, type FlowOptions, type OAuthClient } from './oauth-client';
import { toLabError } from './oauth-errors';
import { TokenResult } from './token-result';

/** Opens a URL for the person (the system browser); resolves once it is open, not when they are done. */
export type BrowserOpener = (url: string) => Promise<void>;

export interface AuthorizationCodeFlowOptions extends FlowOptions {
  readonly opener: BrowserOpener;
  /** Scopes to ask for; omitted or empty: all of the app's. */
  readonly scopes?: readonly string[];
  /** The loopback port; 0 or omitted: an ephemeral one (its URL must then be registered as a callback). */
  readonly redirectPort?: number;
  readonly redirectPath?: string;
  /** How long the person has to sign in and consent (default 5 minutes). */
  readonly timeoutMs?: number;
}

export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/** Runs authorization-code flows, one waiting at a time. The app keeps one of these. */
export class AuthorizationCodeFlows {
  #active: { controller: AbortController; redirectUri?: string } | undefined;

  /** Whether a flow is under way. */
  get waiting(): boolean {
    return this.#active !== undefined;
  }

  /** Cancels the flow under way; false when there is none. */
  cancel(): boolean {
    if (this.#active === undefined) return false;
    this.#active.controller.abort(new LabError('cancelled', 'the authorization-code flow was cancelled'));
    return true;
  }

  async run(options: AuthorizationCodeFlowOptions): Promise<TokenResult> {
    const now = options.now ?? Date.now;
    const steps = new StepReporter('authorization_code', options.onStep, now);
    if (this.#active !== undefined) {
      const where = this.#active.redirectUri === undefined ? '' : ` at ${this.#active.redirectUri}`;
      const refused = new LabError('flow_in_progress', `another authorization-code flow is still waiting for its callback${where}; finish or cancel it first`);
      steps.report('failed', `The flow did not start: ${refused.message}.`, { error: refused.toJSON() });
      throw refused;
    }
    const controller = new AbortController();
    const active: { controller: AbortController; redirectUri?: string } = { controller };
    this.#active = active;
    const signal = options.signal === undefined ? controller.signal : AbortSignal.any([controller.signal, options.signal]);
    const ended = new Promise<never>((_resolve, reject) => {
      const stop = () => reject(cancelledBy(signal));
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    });
    ended.catch(() => undefined);
    let server: LoopbackCallbackServer | undefined;
    let oauth: OAuthClient | undefined;
    let captured: CapturedCallback | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      signal.throwIfAborted();
      server = await startLoopbackCallbackServer({
        ...(options.redirectPort === undefined ? {} : { port: options.redirectPort }),
        ...(options.redirectPath === undefined ? {} : { path: options.redirectPath }),
        now,
      });
      active.redirectUri = server.redirectUri;
      oauth = createOAuthClient({ ...options, signal }, 'authorization_code');
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const scopes = [...(options.scopes ?? [])];
      const url = client.buildAuthorizationUrl(oauth.config, {
        redirect_uri: server.redirectUri,
        state,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        ...(scopes.length === 0 ? {} : { scope: scopes.join(' ') }),
      });
      steps.report(
        'request-built',
        `Built the authorization request to ${options.target.authorizationEndpoint} for ${scopes.length === 0 ? "all of the app's scopes" : `the scopes ${scopes.join(', ')}`}, with a PKCE S256 challenge, a random state, and the callback ${server.redirectUri}.`,
        { url: url.href },
      );

      const timeoutMs = options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
      const redirectUri = server.redirectUri;
      timer = setTimeout(() => controller.abort(new LabError('timeout', `no callback reached ${redirectUri} within ${humanDuration(Math.ceil(timeoutMs / 1000))}; the sign-in may have been abandoned in the browser`)), timeoutMs);
      try {
        await Promise.race([options.opener(url.href), ended]);
      } catch (error) {
        if (isLabError(error)) throw error;
        throw new LabError('browser_failed', `the browser could not be opened (${error instanceof Error ? error.message : String(error)}); open the authorization URL of the first step yourself`, { cause: error });
      }
      steps.report('browser-opened', `Sent the person to the authorization page in their browser (or printed its address when no browser could be opened); waiting for them to sign in and consent (at most ${humanDuration(Math.ceil(timeoutMs / 1000))}).`);

      captured = await Promise.race([server.callback, ended]);
      clearTimeout(timer);
      options.sink?.(captured.exchange);
      steps.report('callback-received', callbackWords(captured.url), { exchange: captured.exchange });

      const response = await client.authorizationCodeGrant(oauth.config, captured.url, { pkceCodeVerifier: verifier, expectedState: state });
      const tokenExchange = oauth.lastTokenExchange();
      steps.report(
        'code-exchanged',
        `Exchanged the code at the token endpoint with the PKCE verifier, after checking state and iss, authenticating with ${authenticationWords(options.credentials.authMethod, oauth.overMutualTls)}.`,
        tokenExchange === undefined ? {} : { exchange: tokenExchange },
      );
      const result = new TokenResult({ flow: 'authorization_code', response, requestedScopes: scopes, receivedAt: new Date(now()).toISOString(), overMutualTls: oauth.overMutualTls, steps: steps.reported });
      steps.report('token-received', tokenReceivedWords(result), tokenExchange === undefined ? {} : { exchange: tokenExchange });
      return result;
    } catch (error) {
      const failure = signal.aborted ? cancelledBy(signal) : await toLabError(error);
      const exchange = oauth?.lastTokenExchange() ?? captured?.exchange;
      steps.report('failed', `The flow failed: ${failure.message}.`, { error: failure.toJSON(), ...(exchange === undefined ? {} : { exchange }) });
      throw failure;
    } finally {
      clearTimeout(timer);
      await Promise.allSettled([server?.close(), oauth?.close()]);
      if (this.#active === active) this.#active = undefined;
    }
  }
}

function callbackWords(url: URL): string {
  const error = url.searchParams.get('error');
  if (error !== null) return `The browser came back to the loopback server with the error "${error}".`;
  if (url.searchParams.has('code')) return `The browser came back to the loopback server with an authorization code${url.searchParams.has('iss') ? ', the state and the issuer (iss)' : ' and the state'}.`;
  return 'The browser came back to the loopback server with neither a code nor an error.';
}

/** The process's runner, for callers that do not keep their own. */
export const authorizationCodeFlows = new AuthorizationCodeFlows();

/** Runs a flow on the process's runner (one waiting at a time across the process). */
export function runAuthorizationCodeFlow(options: AuthorizationCodeFlowOptions): Promise<TokenResult> {
  return authorizationCodeFlows.run(options);
}
