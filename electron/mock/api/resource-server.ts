/**
 * The catalogued Totango APIs on a region's server, routed from the shared catalogue (no
 * second list). Every request: faults, bearer token, every token check, certificate
 * binding (RFC 8705), the scope check through the shared scope model; then the handler,
 * and an audit entry.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CATALOGUE, type CatalogueEndpoint } from '../../../shared/catalogue';
import { covers, splitScopeParameter } from '../../../shared/scopes';
import { matchPresented } from '../certificate-binding';
import { FormParams } from '../http/form-params';
import { peerCertificate } from '../http/peer-certificate';
import type { RegionContext } from '../region-context';
import { noteClientId } from '../request-log';
import { API_HANDLERS } from './api-handlers';
import { ApiError, type ApiHandlers, type ApiRequest } from './api-types';
import { BearerError, bearerToken } from './bearer-challenge';

export function registerCatalogueApis(server: FastifyInstance, context: RegionContext, handlers: ApiHandlers = API_HANDLERS): void {
  const realm = `Totango mock ${context.region.toUpperCase()}`;
  for (const endpoint of CATALOGUE) {
    let index = 0;
    // find-my-way reads "-" inside a parameter name as a separator, so parameters are routed by position.
    const url = endpoint.path.replace(/\{[^}]+\}/g, () => `:p${index++}`);
    server.route({
      method: endpoint.method,
      url,
      handler: async (request, reply) => {
        try {
          return await serve(context, endpoint, handlers, request, reply);
        } catch (error) {
          if (error instanceof BearerError) {
            return reply.code(error.status).header('www-authenticate', error.challenge(realm)).header('cache-control', 'no-store').send(error.toJSON());
          }
          if (error instanceof ApiError) {
            const body = error.body ?? { error: error.code, error_description: error.message, ...(error.field === undefined ? {} : { field: error.field }) };
            if (isScimError(error.body)) reply.type('application/scim+json');
            return reply.code(error.status).send(body);
          }
          throw error;
        }
      },
    });
  }
}

async function serve(context: RegionContext, endpoint: CatalogueEndpoint, handlers: ApiHandlers, request: FastifyRequest, reply: FastifyReply) {
  const { core, region } = context;
  const queryStart = request.url.indexOf('?');
  const pathname = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  const query = new URLSearchParams(queryStart < 0 ? '' : request.url.slice(queryStart + 1));
  const token = bearerToken(request.headers, query);
  const check = core.tokens.check(region, token);
  if (!check.ok) throw new BearerError(401, 'invalid_token', check.description);
  const { claims, app, user } = check;
  noteClientId(request, app.clientId);
  const bound = claims.cnf?.['x5t#S256'];
  if (bound !== undefined) checkBinding(context, app, bound, request);
  const granted = splitScopeParameter(claims.scope);
  if (!covers(granted, endpoint.requiredScope).covered) {
    throw new BearerError(
      403,
      'insufficient_scope',
      `the token's scopes (${granted.join(' ') || 'none'}) do not cover "${endpoint.requiredScope}", which ${endpoint.method} ${endpoint.path} requires`,
      endpoint.requiredScope,
    );
  }
  const pathParams = Object.fromEntries(endpoint.pathParams.map((name, i) => [name, (request.params as Record<string, string>)[`p${i}`] ?? '']));
  const apiRequest: ApiRequest = {
    endpoint,
    pathParams,
    query,
    body: request.body instanceof FormParams ? formObject(request.body) : request.body,
    contentType: request.headers['content-type'],
    actingUser: user,
    clientId: app.clientId,
    serviceId: core.database.state.account.serviceId,
    now: core.clock.now(),
    baseUrl: `${request.protocol}://${request.headers.host ?? ''}`,
  };
  let status = 500;
  try {
    const result = await handlers[endpoint.id as keyof ApiHandlers](apiRequest, core.tenant);
    status = result.status;
    for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
    return reply.code(result.status).send(result.body);
  } catch (error) {
    if (error instanceof ApiError) status = error.status;
    throw error;
  } finally {
    core.tenant.recordAudit({
      at: apiRequest.now,
      userId: user.id,
      userEmail: user.email,
      clientId: app.clientId,
      method: endpoint.method,
      path: pathname,
      endpointId: endpoint.id,
      status,
    });
  }
}

function checkBinding(context: RegionContext, app: Parameters<typeof matchPresented>[0], bound: string, request: FastifyRequest): void {
  const peer = peerCertificate(request);
  if (peer.transport === 'http') {
    throw new BearerError(401, 'invalid_token', `the access token is bound to a certificate (RFC 8705); call the API over HTTPS at ${context.core.mtlsOrigin(context.region)} with that certificate`);
  }
  if (peer.thumbprint === undefined) throw new BearerError(401, 'invalid_token', 'the access token is bound to a certificate, and the request presented none');
  if (peer.thumbprint !== bound) {
    const presented = matchPresented(app, peer.thumbprint, context.core.applications.certificates);
    const why = presented.ok ? '' : ` (${presented.description})`;
    throw new BearerError(401, 'invalid_token', `the certificate presented is not the one the access token is bound to${why}`);
  }
}

/** RFC 7644 §3.12 error bodies go out as `application/scim+json`. */
function isScimError(body: unknown): boolean {
  const schemas = (body as { schemas?: unknown } | undefined)?.schemas;
  return Array.isArray(schemas) && schemas.includes('urn:ietf:params:scim:api:messages:2.0:Error');
}

function formObject(form: FormParams): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of form.names()) {
    const value = form.get(name);
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}
