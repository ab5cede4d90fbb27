/**
 * The catalogued Totango APIs on a region's server, routed from the shared catalogue (no
 * second list). Every request: faults (the region server's hook); then, before the body
 * or the path parameters are read, the bearer token, every token check, the certificate
 * binding (RFC 8705) and the scope check (`api-access.ts`); then the handler. Every call
 * whose token was good lands in the audit log with its status and error code, refused
 * ones included.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CATALOGUE, type CatalogueEndpoint } from '../../../shared/catalogue';
import { FormParams } from '../http/form-params';
import type { RegionContext } from '../region-context';
import { API_ACCESS, apiAccessOf, authorizeApiCall, type ApiAccess } from './api-access';
import { apiErrorAnswer, endpointForPath, unreadablePathError } from './api-errors';
import { API_HANDLERS } from './api-handlers';
import type { ApiHandlers, ApiRequest } from './api-types';

export function registerCatalogueApis(server: FastifyInstance, context: RegionContext, handlers: ApiHandlers = API_HANDLERS): void {
  const realm = realmOf(context);
  server.decorateRequest(API_ACCESS, null);
  for (const endpoint of CATALOGUE) {
    let index = 0;
    // find-my-way reads "-" inside a parameter name as a separator, so parameters are routed by position.
    const url = endpoint.path.replace(/\{[^}]+\}/g, () => `:p${index++}`);
    server.route({
      method: endpoint.method,
      url,
      // onRequest runs before the body is parsed: a refused token or scope is never a 400 about the body.
      onRequest: (request, _reply, done) => {
        authorizeApiCall(context, endpoint, request);
        done();
      },
      errorHandler: (error, request, reply) => answerError(context, endpoint, realm, error, request, reply),
      handler: (request, reply) => serve(context, endpoint, handlers, request, reply),
    });
  }
}

/**
 * For the server shell's `onUnreadablePath`: a catalogued path whose parameter does not
 * decode (or is too long) gets the token and scope checks first, then a 400 naming the
 * parameter. False for any other path.
 */
export function answerUnreadableApiPath(context: RegionContext, error: FastifyError, request: FastifyRequest, reply: FastifyReply): boolean {
  const queryStart = request.url.indexOf('?');
  const pathname = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  const endpoint = endpointForPath(CATALOGUE, request.method, pathname);
  if (!endpoint) return false;
  let answered: unknown;
  try {
    authorizeApiCall(context, endpoint, request);
    answered = unreadablePathError(endpoint, pathname, error);
  } catch (refused) {
    answered = refused;
  }
  try {
    answerError(context, endpoint, realmOf(context), answered, request, reply);
  } catch (unexpected) {
    context.core.logError(`${request.method} ${pathname.slice(0, 200)} failed`, unexpected);
    return false;
  }
  return true;
}

async function serve(context: RegionContext, endpoint: CatalogueEndpoint, handlers: ApiHandlers, request: FastifyRequest, reply: FastifyReply) {
  const { core } = context;
  const access = apiAccessOf(request) as ApiAccess;
  const params = request.params as Record<string, string>;
  const pathParams: Record<string, string> = {};
  for (let i = 0; i < endpoint.pathParams.length; i++) pathParams[endpoint.pathParams[i] as string] = params[`p${i}`] ?? '';
  const apiRequest: ApiRequest = {
    endpoint,
    pathParams,
    query: access.query,
    body: request.body instanceof FormParams ? formObject(request.body) : request.body,
    contentType: request.headers['content-type'],
    ifMatch: request.headers['if-match'],
    actingUser: access.user,
    clientId: access.app.clientId,
    serviceId: core.database.state.account.serviceId,
    now: access.at,
    baseUrl: `${request.protocol}://${request.headers.host ?? ''}`,
  };
  const result = await handlers[endpoint.id as keyof ApiHandlers](apiRequest, core.tenant);
  audit(context, endpoint, access, result.status, undefined);
  if (result.headers) for (const [name, value] of Object.entries(result.headers)) reply.header(name, value);
  return reply.code(result.status).send(result.body);
}

/** Answers a refusal or a failure of an API call, auditing it when the token was good; rethrows what is unexpected. */
function answerError(context: RegionContext, endpoint: CatalogueEndpoint, realm: string, error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const answer = apiErrorAnswer(error, endpoint, realm);
  const access = apiAccessOf(request);
  if (access) audit(context, endpoint, access, answer?.status ?? 500, answer ? answer.code : 'server_error');
  // The shell's error handler logs it and answers a 500 without a stack trace.
  if (!answer) throw error;
  reply.code(answer.status).headers(answer.headers);
  if (answer.contentType) reply.type(answer.contentType);
  return reply.send(answer.body);
}

function audit(context: RegionContext, endpoint: CatalogueEndpoint, access: ApiAccess, status: number, error: string | undefined): void {
  context.core.tenant.recordAudit({
    at: access.at,
    userId: access.user.id,
    userEmail: access.user.email,
    clientId: access.app.clientId,
    method: endpoint.method,
    path: access.pathname,
    endpointId: endpoint.id,
    status,
    error: error ?? null,
  });
}

function realmOf(context: RegionContext): string {
  return `Totango mock ${context.region.toUpperCase()}`;
}

function formObject(form: FormParams): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of form.names()) {
    const value = form.get(name);
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}
