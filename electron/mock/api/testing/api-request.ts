/**
 * Test support for the API handlers: builds the authorized `ApiRequest` the resource
 * server would hand a handler, opens a seeded tenant in a temporary folder, and calls a
 * handler by catalogue id, returning its result or the `ApiError` it threw.
 *
 * Used by the handlers' tests only; nothing in the product imports it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEndpoint, type EndpointId } from '../../../../shared/catalogue';
import { seedUsers, type MockUser } from '../../mock-state';
import { API_HANDLERS } from '../api-handlers';
import { ApiError, type ApiRequest, type ApiResult } from '../api-types';
import { TenantData } from '../tenant-data';

/** The seed time of test tenants, and the mock clock of test requests. */
export const TEST_NOW = Date.parse('2025-03-14T12:00:00.000Z');
export const TEST_SERVICE_ID = '9013';
export const TEST_BASE_URL = 'https://127.0.0.1:8443';
/** Maya Cohen (u-1001), the seeded admin. */
export const TEST_USER: MockUser = seedUsers(new Date(TEST_NOW).toISOString())[0] as MockUser;

export interface RequestOptions {
  readonly pathParams?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly ifMatch?: string;
  readonly actingUser?: MockUser;
  readonly now?: number;
}

export function apiRequest(endpointId: EndpointId, options: RequestOptions = {}): ApiRequest {
  const endpoint = findEndpoint(endpointId);
  if (!endpoint) throw new Error(`no catalogued endpoint "${endpointId}"`);
  const scim = endpoint.pathParams.includes('service-id');
  return {
    endpoint,
    pathParams: { ...(scim ? { 'service-id': TEST_SERVICE_ID } : {}), ...options.pathParams },
    query: new URLSearchParams(options.query),
    body: options.body,
    contentType: options.contentType ?? (options.body === undefined ? undefined : scim ? 'application/scim+json' : 'application/json'),
    ifMatch: options.ifMatch,
    actingUser: options.actingUser ?? TEST_USER,
    clientId: 'test-client',
    serviceId: TEST_SERVICE_ID,
    now: options.now ?? TEST_NOW,
    baseUrl: TEST_BASE_URL,
  };
}

export interface TestTenant {
  readonly data: TenantData;
  readonly dataDir: string;
  /** Calls the handler of `endpointId`; an `ApiError` it throws comes back as a rejection. */
  call(endpointId: EndpointId, options?: RequestOptions): Promise<ApiResult>;
  /** Calls the handler and returns the `ApiError` it threw; fails when it did not throw one. */
  callError(endpointId: EndpointId, options?: RequestOptions): Promise<ApiError>;
  /** The body of a call that must succeed, typed loosely for assertions. */
  bodyOf<T = Record<string, unknown>>(endpointId: EndpointId, options?: RequestOptions): Promise<T>;
  close(): Promise<void>;
}

/** A seeded tenant in a fresh temporary folder. */
export async function openTestTenant(now = TEST_NOW): Promise<TestTenant> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tenant-data-'));
  const data = await TenantData.open(dataDir, () => now);
  const call = async (endpointId: EndpointId, options?: RequestOptions) => API_HANDLERS[endpointId](apiRequest(endpointId, options), data);
  return {
    data,
    dataDir,
    call,
    async callError(endpointId, options) {
      try {
        const result = await call(endpointId, options);
        throw new Error(`expected "${endpointId}" to fail, but it answered ${result.status}`);
      } catch (error) {
        if (error instanceof ApiError) return error;
        throw error;
      }
    },
    async bodyOf<T>(endpointId: EndpointId, options?: RequestOptions) {
      const result = await call(endpointId, options);
      if (result.status >= 300) throw new Error(`"${endpointId}" answered ${result.status}`);
      return result.body as T;
    },
    async close() {
      await data.flush();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
