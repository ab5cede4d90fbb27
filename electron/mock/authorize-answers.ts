/**
 * How the authorization endpoint answers: its HTML pages (with protective headers), the
 * redirect back to the client (always with `iss`, RFC 9207), and injected faults, which
 * it answers as an authorization server does.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2
 */
import type { FastifyReply } from 'fastify';
import { setTimeout as delay } from 'node:timers/promises';
import { errorPage } from './authorize-pages';
import type { FaultResponse } from './faults';
import type { RegionContext } from './region-context';

/** Where an authorization response goes: the redirect URI in force, and the client's state. */
export interface RedirectTarget {
  readonly redirectUri: string;
  readonly state: string | undefined;
}

/**
 * The faults in force for an authorization request ("authorize", "any"), applied once per
 * request: latency first, then the error to answer, if any. The sign-in and consent pages
 * take none: they are the user's side of the same request.
 */
export async function injectedFault(context: RegionContext): Promise<FaultResponse | undefined> {
  if (context.core.faults.empty) return undefined;
  const applied = context.core.faults.apply(['authorize', 'any']);
  if (applied.latencyMs > 0) await delay(applied.latencyMs);
  return applied.response;
}

/**
 * An injected fault, answered as an authorization server answers: a fault that names its
 * OAuth error goes back to the client's redirect URI (with `state` and `iss`), since a
 * browser never hands an error page to the client; one with only a status, or a request
 * whose client or redirect URI cannot be trusted, gets an error page with that status.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2
 */
export function answerFault(context: RegionContext, reply: FastifyReply, fault: FaultResponse, target: RedirectTarget | undefined) {
  if (target && fault.namesError) {
    return redirectBack(context, reply, target.redirectUri, { error: fault.body.error, error_description: fault.body.error_description, state: target.state });
  }
  reply.headers(fault.headers);
  return sendPage(reply, fault.status, errorPage(context.page, 'Totango could not handle this request', `${fault.body.error_description} (${fault.body.error})`));
}

export function redirectBack(context: RegionContext, reply: FastifyReply, redirectUri: string, fields: Record<string, string | undefined>) {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) url.searchParams.append(name, value);
  url.searchParams.append('iss', context.core.issuer(context.region));
  return reply.code(303).header('cache-control', 'no-store').header('location', url.toString()).send();
}

export function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .send(html);
}
