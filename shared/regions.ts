/**
 * Totango's regions. An account belongs to one; its OAuth endpoints and APIs live under
 * that region's base URL.
 */
export const REGION_IDS = ['us', 'eu'] as const;
export type RegionId = (typeof REGION_IDS)[number];

export interface Region {
  readonly id: RegionId;
  readonly name: string;
  readonly baseUrl: string;
}

export const REGIONS: Readonly<Record<RegionId, Region>> = Object.freeze({
  us: Object.freeze({ id: 'us', name: 'United States', baseUrl: 'https://api.totango.com' }),
  eu: Object.freeze({ id: 'eu', name: 'Europe', baseUrl: 'https://api-eu1.totango.com' }),
});

/** The article's OAuth endpoint paths, prefixed by the region's base URL. */
export const OAUTH_PATHS = Object.freeze({ authorization: '/oauth/authorize', token: '/oauth/token' });

export interface OAuthEndpoints {
  readonly authorization: string;
  readonly token: string;
}

/** The authorization and token endpoints on a base URL (a real region's, or the mock's). */
export function oauthEndpoints(baseUrl: string): OAuthEndpoints {
  const base = baseUrl.replace(/\/+$/, '');
  return { authorization: `${base}${OAUTH_PATHS.authorization}`, token: `${base}${OAUTH_PATHS.token}` };
}

export function isRegionId(value: string): value is RegionId {
  return (REGION_IDS as readonly string[]).includes(value);
}
