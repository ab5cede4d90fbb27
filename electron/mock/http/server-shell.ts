/**
 * What every mock server shares: loopback-only sockets, a strict form parser, a body
 * limit, timeouts, a JSON 404/405, and one error handler that always answers once, in
 * OAuth's error shape, and never with a stack trace.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import secureJson from 'secure-json-parse';
import { ZodError } from 'zod';
import { AdminError } from '../admin-error';
import { OAuthError } from '../oauth-error';
import { FormParams, MAX_FORM_BYTES } from './form-params';

export const MAX_BODY_BYTES = 256 * 1024;
/**
 * The longest path segment the router takes as a parameter (find-my-way's default is 100,
 * which made a long id a routing error before the token was even looked at).
 */
export const MAX_PATH_SEGMENT = 8192;
export const LOOPBACK_HOST = '127.0.0.1';

export interface ServerShellOptions {
  readonly logError: (message: string, cause: unknown) => void;
  /** Serve HTTPS, asking for a client certificate without requiring one at the TLS layer. */
  readonly tls?: { readonly key: string; readonly cert: string; readonly ca: string };
  /**
   * Answers a request whose path the router could not read (a segment that is not valid
   * percent-encoding, or too long) and returns true, when the path is one of its own;
   * false leaves it to the shell's 400. The catalogued APIs check the token first.
   */
  readonly onUnreadablePath?: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => boolean;
}

export function createServerShell(options: ServerShellOptions): FastifyInstance {
  const server = Fastify({
    ...(options.tls ? { https: { ...options.tls, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' as const, handshakeTimeout: 10_000 } } : {}),
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT },
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    return503OnClosing: true,
    forceCloseConnections: true,
    frameworkErrors: (error, request, reply) => {
      const unreadablePath = error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      if (unreadablePath && options.onUnreadablePath?.(error, request, reply) === true) return;
      sendError(reply, invalidRequestFrom(error, request), options);
    },
  });
  server.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: MAX_FORM_BYTES }, (_request, body, done) => {
    try {
      done(null, FormParams.parse(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser(['application/json', 'application/scim+json'], { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  const routes: { method: string; pattern: RegExp }[] = [];
  server.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const pattern = new RegExp(`^${route.url.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+')}$`);
    for (const method of methods) routes.push({ method, pattern });
  });
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    if (allowed.length > 0) {
      return sendError(reply.header('allow', allowed.join(', ')), new OAuthError('method_not_allowed', `${request.method} is not allowed on ${path.slice(0, 200)}; use ${allowed.join(' or ')}`), options);
    }
    return sendError(reply, new OAuthError('not_found', `no endpoint at ${request.method} ${path.slice(0, 200)}`), options);
  };
  server.setNotFoundHandler(notFound);
  // A body that cannot be read, sent to no endpoint at all: the missing endpoint is the news.
  server.setErrorHandler((error, request, reply) => (request.is404 && clientErrorOf(error) ? notFound(request, reply) : sendError(reply, error, options, request)));
  return server;
}

/** Routing errors (a path that does not decode, a segment too long): the words never echo the URL. */
/** The code of the errors {@link parseJsonBody} throws; their message is the answer's description. */
const BODY_ERROR = 'MOCK_ERR_BODY';
const utf8 = new TextDecoder('utf-8', { fatal: true });

function bodyError(description: string): Error {
  return Object.assign(new Error(description), { statusCode: 400, code: BODY_ERROR });
}

/**
 * A JSON body: UTF-8 only (RFC 8259 §8.1), so that bytes that are not are refused rather
 * than stored mangled; empty is no body (a DELETE sent with a JSON content type);
 * `__proto__` and `constructor` keys are refused, as Fastify's own parser does.
 */
function parseJsonBody(body: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(body).trim();
  } catch {
    throw bodyError('the body is not valid UTF-8; JSON must be sent as UTF-8 (RFC 8259 section 8.1)');
  }
  if (text === '') return undefined;
  try {
    return secureJson.parse(text, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    if (/forbidden (prototype|constructor) property/i.test((error as Error).message)) {
      throw bodyError('the body has a "__proto__" or "constructor" key, which the mock refuses');
    }
    throw bodyError('the body is not valid JSON');
  }
}

function invalidRequestFrom(error: FastifyError, request: FastifyRequest): OAuthError {
  return new OAuthError('invalid_request', `the request to ${request.method} could not be read: ${describeClientError(error)}`);
}

function sendError(reply: FastifyReply, error: unknown, options: ServerShellOptions, request?: FastifyRequest) {
  const translated = translate(error);
  if (translated.status >= 500) options.logError(`${request?.method ?? ''} ${request?.url ?? ''} failed`, error);
  if (reply.sent) return reply;
  for (const [name, value] of Object.entries(translated.headers)) reply.header(name, value);
  return reply.code(translated.status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(translated.body);
}

interface TranslatedError {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Readonly<Record<string, string>>;
}

function translate(error: unknown): TranslatedError {
  if (error instanceof OAuthError) return { status: error.status, body: error.toJSON(), headers: error.headers };
  if (error instanceof AdminError) return { status: error.status, body: error.toJSON(), headers: {} };
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.') ?? '';
    const message = issue ? `${field === '' ? 'the body' : `"${field}"`}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}` : 'invalid input';
    return { status: 400, body: { error: 'validation_failed', error_description: message, ...(field === '' ? {} : { field }) }, headers: {} };
  }
  const client = clientErrorOf(error);
  if (client) return { status: client.status, body: { error: 'invalid_request', error_description: client.description }, headers: {} };
  return { status: 500, body: { error: 'server_error', error_description: 'the mock hit an unexpected error; it has been logged' }, headers: {} };
}

/**
 * A request the framework could not read (its body: size, content type, JSON, UTF-8;
 * its path): 413 for a body too large, 400 for the rest, with words that never echo
 * the request. Undefined for any other error.
 */
export function clientErrorOf(error: unknown): { readonly status: 400 | 413; readonly description: string } | undefined {
  const fastifyError = error as Partial<FastifyError> | undefined;
  const status = fastifyError?.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return { status: status === 413 ? 413 : 400, description: describeClientError(fastifyError) };
}

function describeClientError(error: Partial<FastifyError> | undefined): string {
  switch (error?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the request body is too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'the content type of the request is not supported here';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the JSON body is empty';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'the Content-Length does not match the body';
    case BODY_ERROR:
      return error.message ?? 'the body could not be read';
    case 'FST_ERR_BAD_URL':
      return 'the request path is not valid percent-encoding (RFC 3986 section 2.1)';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return `a segment of the request path is longer than ${MAX_PATH_SEGMENT} characters`;
    default:
      if (error instanceof SyntaxError) return 'the body is not valid JSON';
      return (error?.message ?? 'the request is malformed').slice(0, 200);
  }
}

/** Listens on loopback only and returns the origin actually bound. */
export async function listenOnLoopback(server: FastifyInstance, port: number, scheme: 'http' | 'https' = 'http'): Promise<string> {
  await server.listen({ host: LOOPBACK_HOST, port });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  return `${scheme}://${LOOPBACK_HOST}:${address.port}`;
}
