/**
 * Strict `application/x-www-form-urlencoded` parsing, as the OAuth endpoints need it.
 */
import { describe, expect, it } from 'vitest';
import { OAuthError } from '../oauth-error';
import { FormParams } from './form-params';

function oauthErrorOf(action: () => unknown): OAuthError {
  try {
    action();
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('FormParams.parse', () => {
  it('reads "+" as a space and decodes percent-escapes, in names and values', () => {
    const form = FormParams.parse('scope=account:read+user%3Aupsert&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcb&na%6De=Zo%C3%AB&plus=%2B');
    expect(form.get('scope')).toBe('account:read user:upsert');
    expect(form.get('redirect_uri')).toBe('http://127.0.0.1:8765/cb');
    expect(form.get('name')).toBe('Zoë');
    expect(form.get('plus')).toBe('+');
  });

  it('keeps an "=" inside a value', () => {
    expect(FormParams.parse('state=a=b==').get('state')).toBe('a=b==');
  });

  it('counts an empty value, or a name without "=", as absent (RFC 6749 §3.1)', () => {
    const form = FormParams.parse('state=&nonce&client_id=app-1&&');
    expect(form.get('state')).toBeUndefined();
    expect(form.has('state')).toBe(false);
    expect(form.get('nonce')).toBeUndefined();
    expect(form.get('missing')).toBeUndefined();
    expect(form.has('client_id')).toBe(true);
    expect(form.names()).toEqual(['state', 'nonce', 'client_id']);
  });

  it('parses a Buffer of UTF-8', () => {
    expect(FormParams.parse(Buffer.from('name=Zo%C3%AB&city=Zürich')).get('city')).toBe('Zürich');
  });

  it('parses an empty body to no parameters', () => {
    expect(FormParams.parse('').names()).toEqual([]);
    expect(FormParams.parse(Buffer.alloc(0)).names()).toEqual([]);
  });

  it('refuses bytes that are not UTF-8 with invalid_request', () => {
    const error = oauthErrorOf(() => FormParams.parse(Buffer.from([0x61, 0x3d, 0xff, 0xfe])));
    expect({ code: error.code, status: error.status, message: error.message }).toEqual({
      code: 'invalid_request',
      status: 400,
      message: 'the request body is not valid UTF-8',
    });
  });

  it('refuses a percent-escape that does not decode with invalid_request', () => {
    for (const body of ['code=%E0%A4', 'code=%zz', 'code=50%', '%zz=1', 'code=%C3%28']) {
      const error = oauthErrorOf(() => FormParams.parse(body));
      expect({ body, code: error.code, message: error.message }).toEqual({
        body,
        code: 'invalid_request',
        message: 'a parameter has a malformed percent-escape or is not valid UTF-8',
      });
    }
  });
});

describe('FormParams.get', () => {
  it('throws invalid_request naming a parameter sent twice', () => {
    const error = oauthErrorOf(() => FormParams.parse('grant_type=client_credentials&scope=a&scope=b').get('scope'));
    expect({ code: error.code, message: error.message }).toEqual({ code: 'invalid_request', message: 'parameter "scope" is repeated' });
    expect(error.toJSON()).toEqual({ error: 'invalid_request', error_description: 'parameter "scope" is repeated' });
  });

  it('counts a parameter sent once empty and once with a value as repeated', () => {
    const error = oauthErrorOf(() => FormParams.parse('scope=&scope=account:read').get('scope'));
    expect(error.message).toBe('parameter "scope" is repeated');
  });

  it('answers the parameters that are not repeated', () => {
    expect(FormParams.parse('scope=a&scope=b&grant_type=client_credentials').get('grant_type')).toBe('client_credentials');
  });
});

describe('FormParams.assertNoRepeats', () => {
  it('names the first parameter sent more than once, even with empty values', () => {
    expect(oauthErrorOf(() => FormParams.parse('a=1&b=&b=&c=1&c=2').assertNoRepeats()).message).toBe('parameter "b" is repeated');
    expect(oauthErrorOf(() => FormParams.parse('a=1&c=1&c=2').assertNoRepeats()).code).toBe('invalid_request');
  });

  it('passes when every parameter is sent once', () => {
    expect(() => FormParams.parse('a=1&b=&c=3').assertNoRepeats()).not.toThrow();
  });
});

describe('FormParams.fromUrl', () => {
  it('parses the query of a URL or a request target', () => {
    const form = FormParams.fromUrl('/oauth/authorize?response_type=code&client_id=app-1&scope=account%3Aread+admin');
    expect(form.get('response_type')).toBe('code');
    expect(form.get('scope')).toBe('account:read admin');
    expect(FormParams.fromUrl('https://api.totango.com/oauth/authorize?state=x').get('state')).toBe('x');
  });

  it('gives no parameters for a URL without a query', () => {
    expect(FormParams.fromUrl('/oauth/authorize').names()).toEqual([]);
    expect(FormParams.fromUrl('/oauth/authorize?').names()).toEqual([]);
  });

  it('refuses a malformed escape in the query with invalid_request', () => {
    expect(oauthErrorOf(() => FormParams.fromUrl('/oauth/authorize?state=%E0%A4')).code).toBe('invalid_request');
  });
});
