/**
 * The main process's client of the mock admin API: the window drives the mock through
 * the same documented HTTP API an integration's CI uses (see docs/mock-totango.md), so
 * the Lab can drive an external mock as well as its embedded one.
 */
import { ServiceError } from './service-error';
import { isContractErrorCode } from '../../shared/contract/wire';

export interface MockAdminResponse<T> {
  readonly status: number;
  readonly body: T;
  readonly contentType: string;
}

export interface MockAdminClient {
  /** The admin API's origin (`http://127.0.0.1:4780`). */
  readonly adminUrl: string;
  /** JSON in and out; an answer of 400 or more becomes a `ServiceError` with the admin API's code and field. */
  json<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** The raw answer (for file exports: PEM text, PKCS#12 bytes). */
  bytes(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ readonly bytes: Uint8Array; readonly contentType: string }>;
  /** In the shape the repro-bundle import expects: never throws on an HTTP status. */
  raw<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export function createMockAdminClient(adminUrl: string, fetchFn: typeof fetch = fetch): MockAdminClient {
  const origin = adminUrl.replace(/\/+$/, '');
  const send = async (method: string, path: string, body: unknown): Promise<Response> => {
    try {
      return await fetchFn(`${origin}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ServiceError('unavailable', `the mock's admin API at "${origin}" did not answer`, { cause: error });
    }
  };
  const failIfError = async (response: Response): Promise<void> => {
    if (response.status < 400) return;
    const text = await response.text();
    let parsed: { error?: unknown; error_description?: unknown; field?: unknown } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      // not JSON: the status says enough
    }
    const code = isContractErrorCode(parsed.error) ? parsed.error : response.status === 404 ? 'not_found' : 'unexpected';
    const message = typeof parsed.error_description === 'string' ? parsed.error_description : `the mock's admin API answered HTTP ${response.status}`;
    throw new ServiceError(code, message, typeof parsed.field === 'string' ? { field: parsed.field } : {});
  };
  return {
    adminUrl: origin,
    async json<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await send(method, path, body);
      await failIfError(response);
      if (response.status === 204) return undefined as T;
      return (await response.json()) as T;
    },
    async bytes(method, path, body) {
      const response = await send(method, path, body);
      await failIfError(response);
      return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
    },
    async raw<T>(method: string, path: string, body?: unknown) {
      const response = await send(method, path, body);
      const text = await response.text();
      return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
    },
  };
}
