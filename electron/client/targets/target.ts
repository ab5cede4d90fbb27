/**
 * Where the Lab points its flows and calls: the local mock (the default), Totango US,
 * Totango EU, or a custom base URL. A target resolves to OAuth endpoints and an API
 * base; see `resolve-target.ts` for how (RFC 8414 metadata when the server publishes
 * it, the article's fixed paths otherwise).
 */
import { REGIONS, oauthEndpoints, type RegionId } from '../../../shared/regions';

/** The mock's URLs of one region, as its ready line prints them (`regions.us`): only what a client needs. */
export interface MockRegionUrls {
  readonly issuer: string;
  readonly mtls?: { readonly origin: string };
}

export type TargetDefinition =
  | {
      readonly kind: 'mock';
      readonly region: RegionId;
      readonly urls: MockRegionUrls;
      /** The mock CA (PEM), to reach its HTTPS origin. */
      readonly caPem?: string;
    }
  | { readonly kind: 'totango'; readonly region: RegionId }
  | {
      readonly kind: 'custom';
      readonly baseUrl: string;
      readonly label?: string;
      /** A CA (PEM) to trust besides the system's. */
      readonly caPem?: string;
    };

/** A target with its endpoints known. */
export interface ResolvedTarget {
  /** Stable key: `mock:us`, `totango:eu`, `custom:https://host`; credentials are stored under it. */
  readonly key: string;
  readonly label: string;
  readonly definition: TargetDefinition;
  /** The region when the target is one of Totango's (or the mock's simulation of it). */
  readonly region?: RegionId;
  readonly issuer: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  /** The token endpoint for mutual-TLS clients (RFC 8705 §5 `mtls_endpoint_aliases`), when it differs. */
  readonly mtlsTokenEndpoint?: string;
  readonly jwksUri?: string;
  readonly introspectionEndpoint?: string;
  readonly revocationEndpoint?: string;
  /** Where the catalogued APIs live (paths from the catalogue go after it). */
  readonly apiBase: string;
  /** Where the APIs take certificate-bound tokens (HTTPS); the same as `apiBase` on Totango. */
  readonly mtlsApiBase: string;
  readonly caPem?: string;
  /** The RFC 8414 document, when the server published one. */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** How the endpoints were found. */
  readonly source: 'rfc8414' | 'article';
}

export function targetBaseUrl(definition: TargetDefinition): string {
  switch (definition.kind) {
    case 'mock':
      return trimSlash(definition.urls.issuer);
    case 'totango':
      return REGIONS[definition.region].baseUrl;
    case 'custom':
      return trimSlash(definition.baseUrl);
  }
}

export function targetKey(definition: TargetDefinition): string {
  switch (definition.kind) {
    case 'mock':
      return `mock:${definition.region}`;
    case 'totango':
      return `totango:${definition.region}`;
    case 'custom':
      return `custom:${trimSlash(definition.baseUrl)}`;
  }
}

export function targetLabel(definition: TargetDefinition): string {
  switch (definition.kind) {
    case 'mock':
      return `Local mock Totango (${definition.region.toUpperCase()})`;
    case 'totango':
      return `Totango ${definition.region.toUpperCase()} (${REGIONS[definition.region].baseUrl})`;
    case 'custom':
      return definition.label ?? `Custom (${trimSlash(definition.baseUrl)})`;
  }
}

/** The mock target of one region, from the URLs its ready line (or `mock.urls`) gives. */
export function mockTarget(region: RegionId, urls: MockRegionUrls, caPem?: string): TargetDefinition {
  return caPem === undefined ? { kind: 'mock', region, urls } : { kind: 'mock', region, urls, caPem };
}

/**
 * The target with the article's fixed paths (`/oauth/authorize`, `/oauth/token`) and no
 * network: what `resolveTarget` falls back to when no RFC 8414 metadata is published.
 */
export function articleTarget(definition: TargetDefinition): ResolvedTarget {
  const base = targetBaseUrl(definition);
  const endpoints = oauthEndpoints(base);
  const mtlsOrigin = definition.kind === 'mock' ? definition.urls.mtls?.origin : undefined;
  const caPem = definition.kind === 'totango' ? undefined : definition.caPem;
  return {
    key: targetKey(definition),
    label: targetLabel(definition),
    definition,
    ...(definition.kind === 'custom' ? {} : { region: definition.region }),
    issuer: base,
    authorizationEndpoint: endpoints.authorization,
    tokenEndpoint: endpoints.token,
    ...(mtlsOrigin === undefined ? {} : { mtlsTokenEndpoint: oauthEndpoints(mtlsOrigin).token }),
    apiBase: base,
    mtlsApiBase: mtlsOrigin === undefined ? base : trimSlash(mtlsOrigin),
    ...(caPem === undefined ? {} : { caPem }),
    source: 'article',
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
