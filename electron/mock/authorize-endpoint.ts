/**
 * `/oauth/authorize`: validates the request, signs a mock user in, asks for consent, and
 * redirects back with a code, `state` and `iss` (RFC 9207), or with an error. A request
 * whose client or redirect URI cannot be trusted gets an error page and no redirect.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 * @see https://www.rfc-editor.org/rfc/rfc7636 (PKCE)
 * @see https://www.rfc-editor.org/rfc/rfc9207 (iss)
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { covers, parseScope, splitScopeParameter, type Scope } from '../../shared/scopes';
import { CODE_CHALLENGE } from './authorization-codes';
import { matchesCallbackUrl } from './callback-urls';
import { answerFault, injectedFault, redirectBack, sendPage, type RedirectTarget } from './authorize-answers';
import { consentPage, errorPage, signInPage } from './authorize-pages';
import { FormParams } from './http/form-params';
import { Interactions, newSessionId, readCookie, SESSION_COOKIE, type Interaction } from './interactions';
import { OAuthError } from './oauth-error';
import type { RegionContext } from './region-context';

/** An error that must not be redirected: shown as a page. */
class UntrustedRequest extends Error {}

/** An error to send back to the client's redirect URI. */
class RedirectableError extends OAuthError {}

export function registerAuthorizeEndpoint(server: FastifyInstance, context: RegionContext): void {
  const interactions = new Interactions(context.core.clock);

  server.get('/oauth/authorize', async (request, reply) => {
    const fault = await injectedFault(context);
    let target: RedirectTarget | undefined;
    try {
      const params = FormParams.fromUrl(request.url);
      const { app, redirectUri, effectiveRedirectUri } = trustedTarget(context, params);
      // Known before "state" is read: a repeated "state" is still an error sent back to the client.
      target = { redirectUri: effectiveRedirectUri, state: undefined };
      target = { redirectUri: effectiveRedirectUri, state: params.get('state') };
      if (fault) return answerFault(context, reply, fault, target);
      params.assertNoRepeats();
      const responseType = params.get('response_type');
      if (responseType === undefined) throw new RedirectableError('invalid_request', 'missing "response_type"');
      if (responseType !== 'code') throw new RedirectableError('unsupported_response_type', `response type "${responseType}" is not supported; use "code"`);
      const scopes = requestedScopes(params.get('scope'), app.scopes);
      const codeChallenge = pkceChallenge(params, context.core.database.state.settings.pkceRequired);
      const sessionId = readCookie(request.headers.cookie, SESSION_COOKIE) ?? newSessionId();
      const interaction = interactions.start({
        sessionId,
        region: context.region,
        clientId: app.clientId,
        redirectUri,
        effectiveRedirectUri,
        scopes,
        state: target.state,
        codeChallenge,
      });
      setSessionCookie(reply, sessionId);
      return sendPage(reply, 200, signInPage(context.page, { interactionId: interaction.id, appName: app.name, users: context.core.users.list() }));
    } catch (error) {
      if (fault) return answerFault(context, reply, fault, target);
      return answerError(context, reply, error, target);
    }
  });

  server.post('/oauth/authorize/login', async (request, reply) => {
    const form = formOf(request);
    if (!form) return notAForm(context, reply);
    const interaction = interactions.find(form.get('interaction'), readCookie(request.headers.cookie, SESSION_COOKIE));
    if (!interaction) return expiredInteraction(context, reply);
    const app = context.core.applications.find(interaction.clientId);
    if (!app) return expiredInteraction(context, reply);
    const email = form.get('email');
    const userId = form.get('user_id');
    const user = email !== undefined ? context.core.users.findByEmail(email) : userId !== undefined ? context.core.users.find(userId) : undefined;
    const problem = !user ? (email ?? userId ? `no Totango user "${email ?? userId}" in this account` : 'pick a user to sign in as') : user.status === 'active' ? undefined : `${user.email} is ${user.status} and cannot sign in`;
    if (problem || !user) {
      // A failed sign-in forgets an earlier one: consent must follow the last sign-in.
      delete interaction.userId;
      delete interaction.authTime;
      return sendPage(reply, 200, signInPage(context.page, { interactionId: interaction.id, appName: app.name, users: context.core.users.list(), error: problem ?? 'sign-in failed' }));
    }
    interaction.userId = user.id;
    interaction.authTime = Math.floor(context.core.clock.now() / 1000);
    return sendPage(
      reply,
      200,
      consentPage(context.page, { interactionId: interaction.id, appName: app.name, user, scopes: interaction.scopes, redirectUri: interaction.effectiveRedirectUri }),
    );
  });

  server.post('/oauth/authorize/consent', async (request, reply) => {
    const form = formOf(request);
    if (!form) return notAForm(context, reply);
    const interaction = interactions.find(form.get('interaction'), readCookie(request.headers.cookie, SESSION_COOKIE));
    if (!interaction?.userId || interaction.authTime === undefined) return expiredInteraction(context, reply);
    const decision = form.get('decision');
    // Anything but the two buttons' values is a broken form, not a refusal: the sign-in stays open.
    if (decision !== 'approve' && decision !== 'deny') {
      return sendPage(reply, 400, errorPage(context.page, 'This consent answer is not valid', `"decision" must be "approve" or "deny", not ${decision === undefined ? 'missing' : `"${decision.slice(0, 20)}"`}`));
    }
    interactions.finish(interaction.id);
    const target = { redirectUri: interaction.effectiveRedirectUri, state: interaction.state };
    if (decision === 'deny') {
      return answerError(context, reply, new RedirectableError('access_denied', 'the user denied the request'), target);
    }
    const user = context.core.users.find(interaction.userId);
    if (!user || user.status !== 'active') {
      return answerError(context, reply, new RedirectableError('access_denied', 'the user is no longer active'), target);
    }
    if (!context.core.applications.find(interaction.clientId)) {
      return answerError(context, reply, new RedirectableError('unauthorized_client', 'the application was deleted during sign-in'), target);
    }
    const code = context.core.codes.create({ ...grantOf(interaction), userId: user.id, authTime: interaction.authTime });
    return redirectBack(context, reply, target.redirectUri, { code, state: target.state });
  });
}

/** The form a page posted; undefined when the body is something else (JSON, say). An empty body is an empty form. */
function formOf(request: FastifyRequest): FormParams | undefined {
  if (request.body instanceof FormParams) return request.body;
  return request.body === undefined || request.body === null ? FormParams.parse('') : undefined;
}

function notAForm(context: RegionContext, reply: FastifyReply) {
  return sendPage(reply, 400, errorPage(context.page, 'This form could not be read', 'the sign-in and consent pages post "application/x-www-form-urlencoded" forms; send the form as they do'));
}

function grantOf(interaction: Interaction) {
  const { region, clientId, redirectUri, effectiveRedirectUri, scopes, codeChallenge } = interaction;
  return { region, clientId, redirectUri, effectiveRedirectUri, scopes, codeChallenge };
}

/** Finds the client and the redirect URI; anything wrong here must not redirect. */
function trustedTarget(context: RegionContext, params: FormParams) {
  let clientId: string | undefined;
  let redirectUri: string | undefined;
  try {
    clientId = params.get('client_id');
    redirectUri = params.get('redirect_uri');
  } catch (error) {
    throw new UntrustedRequest((error as Error).message);
  }
  if (clientId === undefined) throw new UntrustedRequest('the request has no "client_id"');
  const app = context.core.applications.find(clientId);
  if (!app) throw new UntrustedRequest(`no application has the client ID "${clientId.slice(0, 80)}"`);
  if (app.region !== context.region) {
    throw new UntrustedRequest(`the application "${app.name}" is registered in the ${app.region.toUpperCase()} region; start the flow at ${context.core.issuer(app.region)}/oauth/authorize`);
  }
  if (app.grantType !== 'authorization_code') {
    throw new UntrustedRequest(`the application "${app.name}" uses the client-credentials grant and has no authorization flow`);
  }
  if (redirectUri !== undefined && !matchesCallbackUrl(app.callbackUrls, redirectUri)) {
    throw new UntrustedRequest(
      `the redirect URI "${redirectUri.slice(0, 200)}" is not one of the application's registered callback URLs (they must match exactly; only the port of http://127.0.0.1 and http://[::1] may differ)`,
    );
  }
  const only = app.callbackUrls.length === 1 ? app.callbackUrls[0] : undefined;
  const effectiveRedirectUri = redirectUri ?? only;
  if (effectiveRedirectUri === undefined) {
    throw new UntrustedRequest('the application has several callback URLs, so the request must name one in "redirect_uri"');
  }
  return { app, redirectUri, effectiveRedirectUri };
}

function requestedScopes(parameter: string | undefined, appScopes: readonly string[]): string[] {
  if (parameter === undefined) return [...appScopes];
  const scopes = [...new Set(splitScopeParameter(parameter))];
  // Only spaces names no scope: all of the app's, as at the token endpoint (not a token with an empty scope).
  if (scopes.length === 0) return [...appScopes];
  for (const scope of scopes) {
    const parsed = parseScope(scope);
    if (!parsed.ok) throw new RedirectableError('invalid_scope', parsed.message);
    if (!covers(appScopes, scope as Scope).covered) throw new RedirectableError('invalid_scope', `scope "${scope}" is not granted to this application`);
  }
  return scopes;
}

/** PKCE: only S256 (RFC 9700 §2.1.1); required when the mock setting says so. */
function pkceChallenge(params: FormParams, required: boolean): string | undefined {
  const challenge = params.get('code_challenge');
  const method = params.get('code_challenge_method');
  if (challenge === undefined) {
    if (method !== undefined) throw new RedirectableError('invalid_request', '"code_challenge_method" was sent without "code_challenge"');
    if (required) throw new RedirectableError('invalid_request', 'PKCE is required: send "code_challenge" with "code_challenge_method=S256"');
    return undefined;
  }
  if (method === undefined) throw new RedirectableError('invalid_request', '"code_challenge_method" is missing, and its default "plain" is not supported; use S256');
  if (method !== 'S256') throw new RedirectableError('invalid_request', `"code_challenge_method" "${method.slice(0, 20)}" is not supported; use S256`);
  if (!CODE_CHALLENGE.test(challenge)) throw new RedirectableError('invalid_request', '"code_challenge" is not a base64url SHA-256 value (43 characters)');
  return challenge;
}

function answerError(
  context: RegionContext,
  reply: FastifyReply,
  error: unknown,
  target: RedirectTarget | undefined,
) {
  if (error instanceof OAuthError && target && !(error instanceof UntrustedRequest)) {
    return redirectBack(context, reply, target.redirectUri, { error: error.code, error_description: error.description, state: target.state });
  }
  const message = error instanceof Error && (error instanceof UntrustedRequest || error instanceof OAuthError) ? error.message : 'the request could not be read';
  if (!(error instanceof UntrustedRequest || error instanceof OAuthError)) context.core.logError('authorization request failed', error);
  return sendPage(reply, 400, errorPage(context.page, 'This authorization request is not valid', message));
}

function expiredInteraction(context: RegionContext, reply: FastifyReply) {
  return sendPage(
    reply,
    400,
    errorPage(context.page, 'This sign-in has expired', 'the sign-in is unknown, finished, expired, or was started in another browser; start again from the application'),
  );
}

function setSessionCookie(reply: FastifyReply, sessionId: string): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=${sessionId}; Path=/oauth; HttpOnly; SameSite=Lax`);
}
