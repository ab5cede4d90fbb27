import type { FastifyInstance } from 'fastify';
import { createServerShell } from '../http/server-shell';
import type { MockCore } from '../mock-core';
import type { MockUrls } from '../mock-urls';
import { recordRequests } from '../request-log';
import { guardAdmin } from './admin-guard';
import { registerAdminRoutes, REQUEST_LOG_ROUTE } from './admin-routes';
import { registerSupportRoutes } from './admin-support-routes';
import { openApiDocument } from './openapi';

export function createAdminServer(core: MockCore, urls: () => MockUrls): FastifyInstance {
  const server = createServerShell({ logError: core.logError });
  guardAdmin(server, () => urls().admin);
  // The log's own reader is left out: a window polling it would fill it with itself.
  recordRequests(server, core.requestLog, { server: 'admin', tls: false, skip: (request) => request.routeOptions.url === REQUEST_LOG_ROUTE });
  registerAdminRoutes(server, core, urls);
  registerSupportRoutes(server, core);
  let document: ReturnType<typeof openApiDocument> | undefined;
  server.get('/openapi.json', async () => (document ??= openApiDocument(urls().admin)));
  return server;
}
