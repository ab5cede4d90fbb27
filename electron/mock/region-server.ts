/**
 * One region of the mock Totango on its own origin and keys: its authorization server,
 * the catalogued APIs, and the fault injection in front of them.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RegionId } from '../../shared/regions';
import { setTimeout as delay } from 'node:timers/promises';
import { matchEndpoint } from '../../shared/catalogue';
import { answerUnreadableApiPath, registerCatalogueApis } from './api/resource-server';
import { registerAuthorizeEndpoint } from './authorize-endpoint';
import { ClientAuthenticator } from './http/client-authentication';
import { createServerShell } from './http/server-shell';
import { registerMetadata } from './metadata';
import type { MockCore } from './mock-core';
import type { RegionContext } from './region-context';
import { recordRequests } from './request-log';
import { registerTokenEndpoint } from './token-endpoint';
import { registerTokenManagementEndpoints } from './token-management-endpoints';

export const REGION_LABELS: Readonly<Record<RegionId, string>> = { us: 'US region', eu: 'EU region' };

/**
 * One region's server on one transport. Both transports serve the same endpoints; the
 * HTTPS one asks for a client certificate, for mutual-TLS apps (RFC 8705).
 */
export function createRegionServer(core: MockCore, region: RegionId, transport: 'http' | 'https' = 'http'): FastifyInstance {
  const { pki } = core.database;
  const tls = transport === 'https' ? { key: pki.server.keyPem, cert: pki.server.certPem, ca: pki.ca.certPem } : undefined;
  const context: RegionContext = { core, region, page: { regionLabel: REGION_LABELS[region], accountName: core.database.state.account.name } };
  const onUnreadablePath = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => answerUnreadableApiPath(context, error, request, reply);
  const server = createServerShell(tls ? { logError: core.logError, tls, onUnreadablePath } : { logError: core.logError, onUnreadablePath });
  const authenticator = new ClientAuthenticator(core.applications, region, `Totango mock ${region.toUpperCase()}`, (r) => `${core.issuer(r)}/oauth/token`);
  recordRequests(server, core.requestLog, { server: region, tls: transport === 'https' });
  registerMetadata(server, context);
  registerAuthorizeEndpoint(server, context);
  registerTokenEndpoint(server, context, authenticator);
  registerTokenManagementEndpoints(server, context, authenticator);
  registerCatalogueApis(server, context);
  // A callback hook, not an async one: with no fault in force (nearly always) it costs no promise.
  server.addHook('onRequest', (request, reply, done) => {
    if (core.faults.empty) return done();
    answerFault(core, region, request, reply).then((answered) => {
      if (!answered) done();
    }, done);
  });
  return server;
}

/** Applies the faults `request` matches (latency, then an error answer); true when it answered. */
async function answerFault(core: MockCore, region: RegionId, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const path = request.url.split('?')[0] ?? '';
  const targets = faultTargets(request.method, path);
  if (!targets) return false;
  const applied = core.faults.apply(targets);
  if (applied.latencyMs > 0) await delay(applied.latencyMs);
  const fault = applied.response;
  if (!fault) return false;
  reply.code(fault.status).headers(fault.headers).header('cache-control', 'no-store');
  if (fault.status === 401) {
    reply.header('www-authenticate', path.startsWith('/oauth/') ? `Basic realm="Totango mock ${region.toUpperCase()}"` : `Bearer realm="Totango mock ${region.toUpperCase()}", error="${fault.body.error}"`);
  }
  reply.send(fault.body);
  return true;
}

/**
 * The fault targets a request matches, most specific first; undefined when faults never
 * apply here (metadata, JWKS; the authorization endpoint, which applies its own so as to
 * answer as an authorization server does, see authorize-endpoint.ts).
 */
function faultTargets(method: string, path: string): string[] | undefined {
  if (path === '/oauth/token') return ['token', 'any'];
  if (path.startsWith('/oauth/authorize')) return undefined;
  const match = matchEndpoint(method, path);
  return match ? [match.endpoint.id, 'any_api', 'any'] : undefined;
}
