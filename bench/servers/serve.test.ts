import { describe, expect, it } from 'vitest';
import { isReadyLine } from './serve';

describe('the ready line of a benchmark server', () => {
  it('takes a token endpoint, an API base URL, or both, on 127.0.0.1', () => {
    expect(isReadyLine({ ready: true, tokenUrl: 'http://127.0.0.1:4781/oauth/token', clientId: 'a', clientSecret: 'b' })).toBe(true);
    expect(isReadyLine({ ready: true, apiBaseUrl: 'http://127.0.0.1:4781' })).toBe(true);
    expect(isReadyLine({ ready: true, tokenUrl: 'http://127.0.0.1:1/t', apiBaseUrl: 'http://127.0.0.1:1', accessToken: 'x', scopes: ['admin'] })).toBe(true);
  });

  it('refuses a line with no URL, a URL off loopback, a bad URL, or scopes that are not strings', () => {
    expect(isReadyLine({ ready: true })).toBe(false);
    expect(isReadyLine({ ready: false, apiBaseUrl: 'http://127.0.0.1:1' })).toBe(false);
    expect(isReadyLine({ ready: true, tokenUrl: 'http://127.0.0.1:1/t', apiBaseUrl: 'http://example.com' })).toBe(false);
    expect(isReadyLine({ ready: true, apiBaseUrl: 'not a url' })).toBe(false);
    expect(isReadyLine({ ready: true, apiBaseUrl: 42 })).toBe(false);
    expect(isReadyLine({ ready: true, apiBaseUrl: 'http://127.0.0.1:1', scopes: 'admin' })).toBe(false);
    expect(isReadyLine(null)).toBe(false);
    expect(isReadyLine('ready')).toBe(false);
  });
});
