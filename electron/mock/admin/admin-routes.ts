/**
 * The admin API: how an integration's CI, a support engineer's script and the Lab's window
 * drive the mock. JSON in and out; described by the OpenAPI document at `/openapi.json`.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SCOPE_DECISIONS, COVERAGE_RULE_TEXT } from '../../../shared/scope-rules';
import { SCOPE_GROUPS } from '../../../shared/scope-choices';
import type { MockCore } from '../mock-core';
import { settingsSchema } from '../mock-state';
import type { MockUrls } from '../mock-urls';
import { DEFAULT_LIST_LIMIT, REQUEST_LOG_CAPACITY } from '../request-log';

export const updateSettingsInput = settingsSchema.partial().strict();

export const REQUEST_LOG_ROUTE = '/admin/requests';
const sequenceNumber = z.string().regex(/^\d{1,15}$/, 'expected a whole number').transform(Number);
export const requestLogQuery = z.strictObject({
  after: sequenceNumber.optional(),
  limit: sequenceNumber.pipe(z.number().min(1).max(REQUEST_LOG_CAPACITY)).default(DEFAULT_LIST_LIMIT),
});

export function registerAdminRoutes(server: FastifyInstance, core: MockCore, urls: () => MockUrls): void {
  server.get('/admin/status', async () => ({
    status: 'running',
    urls: urls(),
    dataDir: core.dataDir,
    dataFile: core.database.dataFile,
    account: core.database.state.account,
    settings: core.database.state.settings,
    clock: { now: new Date(core.clock.now()).toISOString(), offsetSeconds: Math.round(core.clock.offset / 1000) },
    counts: { applications: core.database.state.applications.length, users: core.database.state.users.length },
    warnings: [...core.database.warnings, ...core.tenant.warnings],
  }));

  server.get('/admin/scopes', async () => ({ groups: SCOPE_GROUPS, coverageRules: COVERAGE_RULE_TEXT, decisions: SCOPE_DECISIONS }));

  server.get('/admin/applications', async () => ({ applications: core.applications.list() }));
  server.post('/admin/applications', async (request, reply) => {
    const created = await core.applications.create(request.body ?? {});
    return reply.code(201).header('cache-control', 'no-store').header('location', `/admin/applications/${created.application.clientId}`).send(created);
  });
  server.get<{ Params: { clientId: string } }>('/admin/applications/:clientId', async (request) => core.applications.get(request.params.clientId));
  server.patch<{ Params: { clientId: string } }>('/admin/applications/:clientId', async (request) =>
    core.applications.update(request.params.clientId, request.body ?? {}),
  );
  server.delete<{ Params: { clientId: string } }>('/admin/applications/:clientId', async (request, reply) => {
    await core.applications.delete(request.params.clientId);
    return reply.code(204).send();
  });

  server.get(REQUEST_LOG_ROUTE, async (request) => ({ requests: core.requestLog.list(requestLogQuery.parse(request.query ?? {})) }));

  server.get('/admin/users', async () => ({ users: core.users.list() }));
  server.post('/admin/users', async (request, reply) => reply.code(201).send(await core.users.create(request.body ?? {})));
  server.get<{ Params: { userId: string } }>('/admin/users/:userId', async (request) => core.users.get(request.params.userId));
  server.patch<{ Params: { userId: string } }>('/admin/users/:userId', async (request) => core.users.setStatus(request.params.userId, request.body ?? {}));
  server.delete<{ Params: { userId: string } }>('/admin/users/:userId', async (request) => core.users.setStatus(request.params.userId, { status: 'deleted' }));

  server.get('/admin/settings', async () => core.database.state.settings);
  server.patch('/admin/settings', async (request) => {
    const changes = updateSettingsInput.parse(request.body ?? {});
    const settings = { ...core.database.state.settings, ...changes };
    core.database.state.settings = settings;
    await core.database.save();
    return settings;
  });
}
