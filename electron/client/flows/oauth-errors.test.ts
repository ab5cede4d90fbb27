/**
 * The one mapping from openid-client's and undici's errors to the Lab's codes, for the
 * cases the flows against the mock do not produce: TLS and DNS failures, bare HTTP
 * statuses, unknown OAuth errors. (The flow tests cover the mock's real answers.)
 */
import * as client from 'openid-client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { LabError, labErrorFromData, type AnyLabError, type LabErrorCode } from './lab-error';
import { oauthError, toLabError } from './oauth-errors';

function fetchFailed(code: string, message: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

describe('transport failures', () => {
  it.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate', 'tls', `the server's certificate is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE); add its CA certificate ("caPem")`],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate', 'tls', `the server's certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT); add its CA certificate ("caPem")`],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", 'tls', `TLS failed: Hostname/IP does not match certificate's altnames (ERR_TLS_CERT_ALTNAME_INVALID)`],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND api.totango.example', 'network', 'the host name does not resolve: getaddrinfo ENOTFOUND api.totango.example'],
    ['ECONNRESET', 'socket hang up', 'network', 'the connection failed: socket hang up (ECONNRESET)'],
    ['UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error', 'timeout', 'connecting timed out: Connect Timeout Error'],
  ])('names %s', async (code, message, labCode, labMessage) => {
    const error = await toLabError(fetchFailed(code, message));
    expect(error).toMatchObject({ code: labCode, message: labMessage });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('looks through openid-client\'s wrapping of an unknown failure', async () => {
    const wrapped = new client.ClientError('something went wrong', { cause: fetchFailed('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4781') });
    expect(await toLabError(wrapped)).toMatchObject({ code: 'network', message: 'nothing is listening there: connect ECONNREFUSED 127.0.0.1:4781' });
  });

  it('keeps a LabError that aborted a request as the reason', async () => {
    const reason = new LabError('timeout', 'no callback reached the loopback server');
    const aborted = Object.assign(new DOMException('This operation was aborted', 'AbortError'), { reason });
    expect(await toLabError(new client.ClientError('operation aborted', { cause: aborted }))).toBe(reason);
    expect(await toLabError(new client.ClientError('something went wrong', { cause: reason }))).toBe(reason);
  });
});

describe('HTTP statuses without an OAuth body', () => {
  function notConform(status: number, body: string, headers: Record<string, string> = {}) {
    const error = new client.ClientError('unexpected HTTP response status code', { cause: new Response(body, { status, headers }) });
    Object.assign(error, { code: 'OAUTH_RESPONSE_IS_NOT_CONFORM' });
    return error;
  }

  it('names a 502 with an HTML body server_error', async () => {
    expect(await toLabError(notConform(502, '<html>Bad gateway</html>'))).toMatchObject({ code: 'server_error', status: 502, message: 'the server failed (HTTP 502)' });
  });

  it('names a 429 rate_limited, with its Retry-After', async () => {
    expect(await toLabError(notConform(429, '', { 'retry-after': '30' }))).toMatchObject({ code: 'rate_limited', message: 'the server is rate limiting requests (HTTP 429, retry after 30 s)' });
  });

  it('names a redirect from a token endpoint invalid_response', async () => {
    expect(await toLabError(notConform(302, ''))).toMatchObject({ code: 'invalid_response', message: 'the server answered with an unexpected HTTP status (302)' });
  });
});

describe('OAuth error bodies', () => {
  it('keeps an error code the RFCs do not define, as server_error with the body', () => {
    expect(oauthError({ error: 'account_locked', error_description: 'too many attempts' }, 400)).toMatchObject({
      code: 'server_error',
      message: 'the server answered with the unknown error "account_locked": too many attempts',
      oauth: { error: 'account_locked', error_description: 'too many attempts' },
    });
  });

  it('reads an invalid_client challenge without a JSON body from the challenge itself', async () => {
    const response = new Response('Unauthorized', { status: 401, headers: { 'www-authenticate': 'Basic realm="Totango"' } });
    const error = new client.WWWAuthenticateChallengeError('server responded with a challenge', { cause: [{ scheme: 'basic', parameters: { realm: 'Totango' } }], response } as never);
    expect(await toLabError(error)).toMatchObject({ code: 'invalid_client', status: 401, oauth: { error: 'invalid_client' } });
  });

  it('names anything else unexpected, keeping its message', async () => {
    expect(await toLabError('a string was thrown')).toMatchObject({ code: 'unexpected', message: 'unexpected failure: a string was thrown' });
  });
});

describe('LabError', () => {
  it('crosses the contract as { code, message, oauth? } and comes back the same', () => {
    const error = oauthError({ error: 'invalid_scope', error_description: 'scope "admin" is not granted' }, 400);
    const data = JSON.parse(JSON.stringify(error)) as ReturnType<AnyLabError['toJSON']>;
    expect(data).toEqual({ code: 'invalid_scope', message: 'the server refused the requested scope ("invalid_scope"): scope "admin" is not granted', oauth: { error: 'invalid_scope', error_description: 'scope "admin" is not granted' } });
    expect(labErrorFromData(data)).toMatchObject(data);
  });

  it('narrows by code in a switch (compilation is the assertion)', () => {
    const describe = (error: AnyLabError): string => {
      switch (error.code) {
        case 'port_in_use':
          expectTypeOf(error).toEqualTypeOf<LabError<'port_in_use'>>();
          return 'port';
        case 'invalid_scope':
          expectTypeOf(error.code).toEqualTypeOf<'invalid_scope'>();
          return 'scope';
        default:
          expectTypeOf(error.code).toExtend<LabErrorCode>();
          return 'other';
      }
    };
    expect(describe(new LabError('port_in_use', 'taken') as AnyLabError)).toBe('port');
  });
});
