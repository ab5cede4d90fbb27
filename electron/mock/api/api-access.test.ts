/**
 * The order of the resource server's checks over real HTTP: the token and the scope
 * before the body and the path parameters (RFC 6750 §3.1), a repeated Authorization
 * header refused, refused calls in the audit log, and malformed bodies answered in the
 * endpoint's own error format (SCIM's on SCIM endpoints).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthorization, postForm, startMockHarness, type MockHarness, type RegisteredApp } from '../testing/mock-harness';

let harness: MockHarness;
let writer: RegisteredApp;
let reader: RegisteredApp;
let writerToken: string;
let readerToken: string;

async function token(app: RegisteredApp): Promise<string> {
  const response = await postForm(harness.mock.urls.regions.us.token, { grant_type: 'client_credentials' }, { authorization: basicAuthorization(app.clientId, app.clientSecret) });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(JSON.stringify(body));
  return body.access_token;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

async function send(method: string, path: string, options: { token?: string; contentType?: string; body?: string | Uint8Array } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.contentType) headers['content-type'] = options.contentType;
  const response = await fetch(`${harness.issuer()}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: options.body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** One HTTP/1.1 request written byte for byte, so that a header can be sent twice. */
function rawExchange(origin: string, request: string): Promise<{ status: number; head: string; body: Record<string, unknown> }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), head, body: JSON.parse(body) as Record<string, unknown> });
    });
  });
}

async function auditOf(clientId: string): Promise<{ endpoint_id: string; status: number; outcome: string; error: string | null; path: string }[]> {
  const audit = await send('GET', '/api/v2/audit?count=1000', { token: readerToken });
  expect(audit.status).toBe(200);
  return (audit.body as unknown as { client_id: string; endpoint_id: string; status: number; outcome: string; error: string | null; path: string }[]).filter(
    (entry) => entry.client_id === clientId,
  );
}

beforeAll(async () => {
  harness = await startMockHarness({ applicationLimit: 10 });
  writer = await harness.createApp({ name: 'Writer', grantType: 'client_credentials', actingUserId: 'u-1002', scopes: ['touchpoint:all', 'system_user:all'] });
  reader = await harness.createApp({ name: 'Reader', grantType: 'client_credentials', actingUserId: 'u-1001', scopes: ['account:read', 'system_user:read'] });
  writerToken = await token(writer);
  readerToken = await token(reader);
});

afterAll(async () => {
  expect(harness.loggedErrors).toEqual([]);
  await harness.stop();
});

describe('the token and the scope come before the body', () => {
  it('answers a malformed body sent without a token with the 401 Bearer challenge', async () => {
    const answer = await send('POST', '/api/v3/touchpoints', { contentType: 'application/json', body: '{bad' });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="Totango mock US"');
  });

  it('answers a malformed body sent with a token lacking the scope with 403 insufficient_scope', async () => {
    const answer = await send('POST', '/int-hub/api/v1/accounts', { token: readerToken, contentType: 'application/json', body: '{bad' });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: 'insufficient_scope', scope: 'account:upsert' });
    expect(answer.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('answers a malformed body sent with the right token with 400 invalid_request', async () => {
    const answer = await send('POST', '/api/v3/touchpoints', { token: writerToken, contentType: 'application/json', body: '{bad' });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_request', error_description: 'the body is not valid JSON' } });
  });

  it('refuses a JSON body that is not UTF-8 instead of storing it mangled', async () => {
    const bytes = Buffer.concat([Buffer.from('{"account_id":"0012","content":"bad '), Buffer.from([0xff, 0xfe]), Buffer.from(' bytes"}')]);
    const answer = await send('POST', '/api/v3/touchpoints', { token: writerToken, contentType: 'application/json', body: bytes });
    expect(answer.status).toBe(400);
    expect(answer.body['error_description']).toBe('the body is not valid UTF-8; JSON must be sent as UTF-8 (RFC 8259 section 8.1)');
  });

  it('names the refused key of a body carrying "__proto__"', async () => {
    const answer = await send('POST', '/api/v3/touchpoints', { token: writerToken, contentType: 'application/json', body: '{"__proto__":{"x":1}}' });
    expect(answer.status).toBe(400);
    expect(answer.body['error_description']).toBe('the body has a "__proto__" or "constructor" key, which the mock refuses');
  });

  it('answers a malformed SCIM body with an RFC 7644 invalidSyntax error', async () => {
    const answer = await send('POST', '/api/v2/scim/services/9013/Users', { token: writerToken, contentType: 'application/scim+json', body: '{"schemas":' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(answer.body).toEqual({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidSyntax', detail: 'the body is not valid JSON' });
  });
});

describe('SCIM resource versions over HTTP', () => {
  it('passes If-Match to the handler: a stale version gets 412 in SCIM form', async () => {
    const answer = await fetch(`${harness.issuer()}/api/v2/scim/services/9013/Users/u-1003`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${writerToken}`, 'content-type': 'application/scim+json', 'if-match': 'W/"0"' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'x' }] }),
    });
    expect(answer.status).toBe(412);
    expect(answer.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(await answer.json()).toMatchObject({ status: '412', detail: expect.stringContaining('"If-Match" names W/"0"') });
  });
});

describe('the token and the scope come before the path parameters', () => {
  const longId = 'x'.repeat(101);

  it('answers an undecodable path parameter without a token with the 401 challenge', async () => {
    const answer = await send('DELETE', '/api/v3/touchpoints/%FF');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="Totango mock US"');
  });

  it('answers an undecodable path parameter with a token lacking the scope with 403', async () => {
    const answer = await send('DELETE', '/api/v3/touchpoints/%FF', { token: readerToken });
    expect(answer).toMatchObject({ status: 403, body: { error: 'insufficient_scope', scope: 'touchpoint:delete' } });
  });

  it('answers an undecodable path parameter with the right token with 400 naming the parameter, not echoing it', async () => {
    const answer = await send('DELETE', '/api/v3/touchpoints/%FF%FE', { token: writerToken });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'invalid_request', error_description: '"note-id" in the path is not valid percent-encoding (RFC 3986 section 2.1)', field: 'note-id' });
  });

  it('answers an undecodable SCIM path parameter with a SCIM error', async () => {
    const answer = await send('GET', '/api/v2/scim/services/9013/Users/%E0%A4', { token: writerToken });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: '400', scimType: 'invalidValue', detail: '"user-id" in the path is not valid percent-encoding (RFC 3986 section 2.1)' });
  });

  it('routes a path parameter longer than 100 characters: 401 without a token, 404 for an unknown note with one', async () => {
    expect((await send('DELETE', `/api/v3/touchpoints/${longId}`)).status).toBe(401);
    const answer = await send('DELETE', `/api/v3/touchpoints/${longId}`, { token: writerToken });
    expect(answer).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('answers 404 to a malformed body sent where there is no endpoint', async () => {
    const answer = await send('POST', '/api/v9/nowhere', { contentType: 'application/json', body: '{bad' });
    expect(answer).toMatchObject({ status: 404, body: { error: 'not_found', error_description: 'no endpoint at POST /api/v9/nowhere' } });
    const wrongMethod = await send('PATCH', '/api/v3/touchpoints', { contentType: 'application/json', body: '{bad' });
    expect(wrongMethod.status).toBe(405);
  });

  it('answers an undecodable path elsewhere without echoing the URL', async () => {
    const path = `/oauth/${'y'.repeat(300)}%FF`;
    const answer = await send('GET', path);
    expect(answer.status).toBe(400);
    expect(answer.body['error_description']).toBe('the request to GET could not be read: the request path is not valid percent-encoding (RFC 3986 section 2.1)');
  });
});

describe('the Authorization header', () => {
  it('refuses a repeated Authorization header with 400 invalid_request, whichever value comes first', async () => {
    const host = new URL(harness.issuer()).host;
    for (const [first, second] of [
      [writerToken, 'xyz'],
      ['xyz', writerToken],
    ]) {
      const answer = await rawExchange(
        harness.issuer(),
        `GET /api/v3/touchpoint-types HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${first}\r\nauthorization: Bearer ${second}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: 'invalid_request', error_description: 'the Authorization header is sent more than once' });
      expect(answer.head.toLowerCase()).toContain('www-authenticate: bearer realm="totango mock us", error="invalid_request"');
    }
  });

  it('accepts the same request with the header once', async () => {
    const host = new URL(harness.issuer()).host;
    const answer = await rawExchange(harness.issuer(), `GET /api/v3/touchpoint-types HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${writerToken}\r\nConnection: close\r\n\r\n`);
    expect(answer.status).toBe(200);
  });

  it('spells out "§" in the challenge instead of losing it', async () => {
    const answer = await send('GET', '/api/v1/users/whoami', { token: 'a b' });
    expect(answer.headers.get('www-authenticate')).toContain('(RFC 6750 section 2.1)');
  });
});

describe('the audit log', () => {
  it('records the calls refused by the scope, the path or the body, with their outcome', async () => {
    const limited = await harness.createApp({ name: 'Limited', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['touchpoint:create'] });
    const bearer = await token(limited);
    expect((await send('DELETE', '/api/v3/touchpoints/30001', { token: bearer })).status).toBe(403);
    expect((await send('POST', '/api/v3/touchpoints', { token: bearer, contentType: 'application/json', body: '{bad' })).status).toBe(400);
    expect((await send('POST', '/api/v3/touchpoints', { token: bearer, contentType: 'application/json', body: '{}' })).status).toBe(400);
    expect((await send('DELETE', '/api/v3/touchpoints/%FF', { token: bearer })).status).toBe(403);
    expect((await send('POST', '/api/v3/touchpoints', { token: bearer, contentType: 'application/json', body: JSON.stringify({ account_id: '0012', content: 'Renewal call.' }) })).status).toBe(200);
    const entries = (await auditOf(limited.clientId)).reverse();
    expect(entries.map((e) => [e.endpoint_id, e.status, e.outcome, e.error])).toEqual([
      ['delete-touchpoint', 403, 'denied', 'insufficient_scope'],
      ['create-touchpoint', 400, 'failed', 'invalid_request'],
      ['create-touchpoint', 400, 'failed', 'invalid_request'],
      ['delete-touchpoint', 403, 'denied', 'insufficient_scope'],
      ['create-touchpoint', 200, 'success', null],
    ]);
    expect(entries[3]?.path).toBe('/api/v3/touchpoints/%FF');
  });

  it('leaves out a call whose token was refused: there is no one to record it for', async () => {
    const before = (await send('GET', '/api/v2/audit?count=1000', { token: readerToken })).body as unknown as unknown[];
    expect((await send('GET', '/api/v1/users/whoami', { token: 'not.a.token' })).status).toBe(401);
    const after = (await send('GET', '/api/v2/audit?count=1000', { token: readerToken })).body as unknown as unknown[];
    expect(after.length).toBe(before.length + 1);
  });
});
