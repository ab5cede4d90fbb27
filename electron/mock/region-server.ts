/**
 * One region of the mock Totango: its authorization server on its own origin and keys.
 * The catalogued APIs join it in the next layer of the mock.
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
  server.addHook('onRequest', async (request, reply) => {
    if (core.faults.empty) return;
    const path = request.url.split('?')[0] ?? '';
    const targets = faultTargets(request.method, path);
    if (!targets) return;
    const applied = core.faults.apply(targets);
    if (applied.latencyMs > 0) await delay(applied.latencyMs);
    const fault = applied.response;
    if (!fault) return;
    reply.code(fault.status).headers(fault.headers).header('cache-control', 'no-store');
    if (fault.status === 401) {
      reply.header('www-authenticate', path.startsWith('/oauth/') ? `Basic realm="Totango mock ${region.toUpperCase()}"` : `Bearer realm="Totango mock ${region.toUpperCase()}", error="${fault.body.error}"`);
    }
    return reply.send(fault.body);
  });
  return server;
}

/** The fault targets a request matches, most specific first; undefined when faults never apply (metadata, JWKS). */
function faultTargets(method: string, path: string): string[] | undefined {
  if (path === '/oauth/token') return ['token', 'any'];
  if (path.startsWith('/oauth/authorize')) return ['authorize', 'any'];
  const match = matchEndpoint(method, path);
  return match ? [match.endpoint.id, 'any_api', 'any'] : undefined;
}
