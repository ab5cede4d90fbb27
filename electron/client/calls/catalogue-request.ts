/**
 * A request to one catalogued Totango endpoint, as plain editable data (what the window
 * shows in its editor and what a repro bundle or the command line carries), and its
 * translation into the HTTP request that goes on the wire.
 *
 * @see ../../../shared/catalogue.ts
 */
import { buildPath, findEndpoint, type CatalogueEndpoint, type EndpointId } from '../../../shared/catalogue';

/** A JSON body, or a form body (Totango's Search API takes its query as the form field `query`). */
export type CatalogueRequestBody =
  | { readonly kind: 'json'; readonly json: unknown }
  | { readonly kind: 'form'; readonly fields: Readonly<Record<string, string>> };

export interface CatalogueRequest {
  readonly endpointId: EndpointId;
  /** Values for the `{name}` parameters of the endpoint's path, by their catalogue names. */
  readonly pathParams: Readonly<Record<string, string>>;
  /** Query string parameters. */
  readonly query: Readonly<Record<string, string>>;
  readonly body?: CatalogueRequestBody;
}

/** The request as it goes on the wire, without the Authorization header. */
export interface WireRequest {
  readonly endpoint: CatalogueEndpoint;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** The catalogued endpoint of an id; throws for an id the catalogue does not hold. */
export function catalogueEndpoint(endpointId: string): CatalogueEndpoint {
  const endpoint = findEndpoint(endpointId);
  if (!endpoint) throw new Error(`unknown endpoint "${endpointId}" in "endpointId"`);
  return endpoint;
}

/**
 * Builds the wire request on a base URL (a region's, the mock's, or a custom one).
 * Throws, naming the parameter, when a path parameter is missing.
 */
export function toWireRequest(request: CatalogueRequest, baseUrl: string): WireRequest {
  const endpoint = catalogueEndpoint(request.endpointId);
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${buildPath(endpoint, request.pathParams)}`);
  for (const [name, value] of Object.entries(request.query)) url.searchParams.append(name, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  const base = { endpoint, method: endpoint.method, url: url.href };
  if (request.body === undefined) return { ...base, headers };
  if (request.body.kind === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return { ...base, headers, body: new URLSearchParams({ ...request.body.fields }).toString() };
  }
  headers['content-type'] = 'application/json';
  return { ...base, headers, body: JSON.stringify(request.body.json) };
}

/** A deep copy, so that an edited request never changes the example it came from. */
export function copyRequest(request: CatalogueRequest): CatalogueRequest {
  return structuredClone(request) as CatalogueRequest;
}
