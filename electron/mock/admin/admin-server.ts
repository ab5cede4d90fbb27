import type { FastifyInstance } from 'fastify';
import { createServerShell } from '../http/server-shell';
import type { MockCore } from '../mock-core';
import type { MockUrls } from '../mock-urls';
import { guardAdmin } from './admin-guard';
import { registerAdminRoutes } from './admin-routes';
import { registerSupportRoutes } from './admin-support-routes';
import { openApiDocument } from './openapi';

export function createAdminServer(core: MockCore, urls: () => MockUrls): FastifyInstance {
  const server = createServerShell({ logError: core.logError });
  guardAdmin(server, () => urls().admin);
  registerAdminRoutes(server, core, urls);
  registerSupportRoutes(server, core);
  let document: ReturnType<typeof openApiDocument> | undefined;
  server.get('/openapi.json', async () => (document ??= openApiDocument(urls().admin)));
  return server;
}
