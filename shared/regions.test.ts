import { describe, expect, it } from 'vitest';
import { isRegionId, OAUTH_PATHS, oauthEndpoints, REGION_IDS, REGIONS } from './regions';

describe('REGIONS', () => {
  it('has the US and EU base URLs', () => {
    expect(REGION_IDS).toEqual(['us', 'eu']);
    expect(REGIONS.us).toEqual({ id: 'us', name: 'United States', baseUrl: 'https://api.totango.com' });
    expect(REGIONS.eu).toEqual({ id: 'eu', name: 'Europe', baseUrl: 'https://api-eu1.totango.com' });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(REGIONS)).toBe(true);
    expect(Object.isFrozen(REGIONS.us)).toBe(true);
    expect(Object.isFrozen(REGIONS.eu)).toBe(true);
  });

  it('recognises the region ids and nothing else', () => {
    expect(isRegionId('us')).toBe(true);
    expect(isRegionId('eu')).toBe(true);
    expect(isRegionId('US')).toBe(false);
    expect(isRegionId('eu1')).toBe(false);
    expect(isRegionId('')).toBe(false);
  });
});

describe('oauthEndpoints', () => {
  it("puts the article's endpoint paths on each region's base URL", () => {
    expect(OAUTH_PATHS).toEqual({ authorization: '/oauth/authorize', token: '/oauth/token' });
    expect(oauthEndpoints(REGIONS.us.baseUrl)).toEqual({
      authorization: 'https://api.totango.com/oauth/authorize',
      token: 'https://api.totango.com/oauth/token',
    });
    expect(oauthEndpoints(REGIONS.eu.baseUrl)).toEqual({
      authorization: 'https://api-eu1.totango.com/oauth/authorize',
      token: 'https://api-eu1.totango.com/oauth/token',
    });
  });

  it('drops trailing slashes from the base URL', () => {
    const expected = { authorization: 'https://api.totango.com/oauth/authorize', token: 'https://api.totango.com/oauth/token' };
    expect(oauthEndpoints('https://api.totango.com/')).toEqual(expected);
    expect(oauthEndpoints('https://api.totango.com///')).toEqual(expected);
  });

  it('keeps a path prefix of a base URL, as the mock uses', () => {
    expect(oauthEndpoints('http://127.0.0.1:41234/us/')).toEqual({
      authorization: 'http://127.0.0.1:41234/us/oauth/authorize',
      token: 'http://127.0.0.1:41234/us/oauth/token',
    });
  });
});
