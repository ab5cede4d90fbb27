/**
 * The admin API's tools for reproducing a customer's failure: certificates (export,
 * renew, expire), the mock clock, fault injection, token revocation, and resetting the
 * tenant's data to its seed.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { REGION_IDS } from '../../../shared/regions';
import { AdminError } from '../admin-error';
import type { MockCore } from '../mock-core';

export const advanceClockInput = z.strictObject({ seconds: z.number().int().min(-10 * 365 * 86400).max(10 * 365 * 86400) });
export const revokeTokenInput = z.strictObject({ token: z.string().min(1).max(16 * 1024) });

type ClientParams = { Params: { clientId: string } };

export function registerSupportRoutes(server: FastifyInstance, core: MockCore): void {
  server.get('/admin/pki/ca.pem', async (_request, reply) =>
    reply.type('application/x-pem-file').header('content-disposition', 'attachment; filename="totango-mock-ca.pem"').send(core.database.pki.ca.certPem),
  );

  server.get<ClientParams>('/admin/applications/:clientId/certificate', async (request) => {
    const app = core.applications.get(request.params.clientId);
    if (!app.certificate) throw new AdminError('conflict', `application "${app.name}" does not use mutual TLS`, 409, 'mutualTls');
    return app.certificate;
  });
  server.post<ClientParams>('/admin/applications/:clientId/certificate/export', async (request, reply) => {
    const file = core.applications.exportCertificate(request.params.clientId, request.body ?? {});
    return reply
      .type(file.contentType)
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(file.body);
  });
  server.post<ClientParams>('/admin/applications/:clientId/certificate/renew', async (request) => core.applications.renewCertificate(request.params.clientId));
  server.post<ClientParams>('/admin/applications/:clientId/certificate/expire', async (request) => core.applications.expireCertificate(request.params.clientId));

  const clockView = () => ({ now: new Date(core.clock.now()).toISOString(), offsetSeconds: Math.round(core.clock.offset / 1000) });
  server.get('/admin/clock', async () => clockView());
  server.post('/admin/clock/advance', async (request) => {
    core.clock.advance(advanceClockInput.parse(request.body ?? {}).seconds * 1000);
    return clockView();
  });
  server.post('/admin/clock/reset', async () => {
    core.clock.reset();
    return clockView();
  });

  server.get('/admin/faults', async () => ({ faults: core.faults.list() }));
  server.post('/admin/faults', async (request, reply) => reply.code(201).send(core.faults.add(request.body ?? {})));
  server.delete('/admin/faults', async (_request, reply) => {
    core.faults.clear();
    return reply.code(204).send();
  });
  server.delete<{ Params: { faultId: string } }>('/admin/faults/:faultId', async (request, reply) => {
    core.faults.remove(request.params.faultId);
    return reply.code(204).send();
  });

  server.post('/admin/tokens/revoke', async (request) => {
    const { token } = revokeTokenInput.parse(request.body ?? {});
    for (const region of REGION_IDS) {
      const check = core.tokens.check(region, token);
      const claims = check.ok ? check.claims : undefined;
      const jti = claims?.jti ?? (!check.ok && typeof check.claims?.['jti'] === 'string' && signedHere(check.failure) ? check.claims['jti'] : undefined);
      const exp = claims?.exp ?? (!check.ok && typeof check.claims?.['exp'] === 'number' ? check.claims['exp'] : undefined);
      if (jti !== undefined && exp !== undefined) {
        await core.tokens.revoke([{ jti, exp }]);
        return { revoked: true, jti, region };
      }
    }
    throw new AdminError('validation_failed', 'the token was not issued by this mock (or is malformed), so there is nothing to revoke', 400, 'token');
  });

  server.post('/admin/data/reset', async () => {
    await core.tenant.reset();
    return { reset: true };
  });
}

/** Failures that come after the signature verified: the token is this region's own. */
function signedHere(failure: string): boolean {
  return !['malformed', 'unsupported_algorithm', 'wrong_type', 'wrong_region', 'unknown_key', 'bad_signature'].includes(failure);
}
