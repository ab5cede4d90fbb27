/**
 * One region of the mock Totango: its authorization server on its own origin and keys.
 * The catalogued APIs join it in the next layer of the mock.
 */
import type { FastifyInstance } from 'fastify';
import type { RegionId } from '../../shared/regions';
import { registerAuthorizeEndpoint } from './authorize-endpoint';
import { ClientAuthenticator } from './http/client-authentication';
import { createServerShell } from './http/server-shell';
import { registerMetadata } from './metadata';
import type { MockCore } from './mock-core';
import type { RegionContext } from './region-context';
import { registerTokenEndpoint } from './token-endpoint';
import { registerTokenManagementEndpoints } from './token-management-endpoints';

export const REGION_LABELS: Readonly<Record<RegionId, string>> = { us: 'US region', eu: 'EU region' };

export function createRegionServer(core: MockCore, region: RegionId): FastifyInstance {
  const server = createServerShell({ logError: core.logError });
  const context: RegionContext = { core, region, page: { regionLabel: REGION_LABELS[region], accountName: core.database.state.account.name } };
  const authenticator = new ClientAuthenticator(core.applications, region, `Totango mock ${region.toUpperCase()}`, (r) => `${core.issuer(r)}/oauth/token`);
  registerMetadata(server, context);
  registerAuthorizeEndpoint(server, context);
  registerTokenEndpoint(server, context, authenticator);
  registerTokenManagementEndpoints(server, context, authenticator);
  return server;
}
