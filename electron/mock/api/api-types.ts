/**
 * The contract between the mock's resource server (bearer token, certificate binding,
 * scope check, faults, audit) and the handlers of the 29 catalogued endpoints, which see
 * only an authorized request and the tenant's data.
 */
import type { CatalogueEndpoint, EndpointId } from '../../../shared/catalogue';
import type { MockUser } from '../mock-state';
import type { TenantData } from './tenant-data';

export interface ApiRequest {
  readonly endpoint: CatalogueEndpoint;
  /** Path parameters by their catalogue names (`account-id`, `service-id`, …), decoded. */
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /**
   * The parsed body: JSON as parsed; a form body as an object of its fields (each field
   * once); undefined when there was none.
   */
  readonly body: unknown;
  readonly contentType: string | undefined;
  /** The `If-Match` header, for SCIM's resource versions (RFC 7644 §3.14); undefined without one. */
  readonly ifMatch?: string | undefined;
  /** The Totango user the token acts as. */
  readonly actingUser: MockUser;
  readonly clientId: string;
  /** The account's service ID (the `{service-id}` of SCIM paths must equal it). */
  readonly serviceId: string;
  /** Milliseconds since the epoch by the mock's clock. */
  readonly now: number;
  /** The origin the request came to, for absolute URLs such as SCIM's `meta.location`. */
  readonly baseUrl: string;
}

export interface ApiResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type ApiHandler = (request: ApiRequest, data: TenantData) => ApiResult | Promise<ApiResult>;

/** One handler per catalogued endpoint; the type makes a missing one a compile error. */
export type ApiHandlers = { readonly [Id in EndpointId]: ApiHandler };

/**
 * A client error from a handler: 400 `invalid_request` naming the field at fault, 404 for
 * an unknown item, 409 for a conflict, 412 for a stale version. `body` replaces the default JSON error body (SCIM
 * endpoints answer with RFC 7644 §3.12 error bodies).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
