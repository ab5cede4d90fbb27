/**
 * HAR and curl built from a real timeline: both flows, mutual TLS and an API call,
 * recorded against the mock. Neither holds the client secret, a full token, a code, a
 * PKCE verifier or a private key; the HAR has the shape HAR 1.2 asks; and each curl
 * command, run with the secrets as shell variables, reproduces its exchange.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationCodeFlows } from '../flows/authorization-code-flow';
import { runClientCredentialsFlow } from '../flows/client-credentials-flow';
import type { TokenResult } from '../flows/token-result';
import type { HttpExchange } from '../http/exchange';
import { createRecordingFetch } from '../http/recording-fetch';
import { AppCredentials } from '../targets/app-credentials';
import { resolveTarget } from '../targets/resolve-target';
import type { ResolvedTarget } from '../targets/target';
import { startLabMock, type LabMock, type RegisteredApp } from '../testing/lab-mock';
import { mockBrowser, type MockBrowserOptions } from '../testing/mock-browser';
import { freePort } from '../testing/test-support';
import { curlVariables, toCurl } from './curl';
import { harEntry, harJson, toHar } from './har';
import { Timeline } from './timeline';

const run = promisify(execFile);

let lab: LabMock;
let target: ResolvedTarget;
const timeline = new Timeline();
let basicApp: RegisteredApp;
let postApp: RegisteredApp;
let boundApp: RegisteredApp;
let codeApp: RegisteredApp;
let bundle: string;
let basicToken: TokenResult;
let boundToken: TokenResult;
let codeToken: TokenResult;
let code: string;
let secrets: string[];
let files: string;

function find(predicate: (exchange: HttpExchange) => boolean): HttpExchange {
  const found = timeline.list().find(predicate);
  if (!found) throw new Error('no such exchange on the timeline');
  return found;
}

beforeAll(async () => {
  lab = await startLabMock();
  target = await resolveTarget(lab.target('us'), { fetch: createRecordingFetch({ sink: timeline.sink }) });
  basicApp = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['system_user:read'] });
  postApp = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['system_user:read'] });
  boundApp = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['system_user:read'], mutualTls: true });
  const port = await freePort();
  codeApp = await lab.register({ grantType: 'authorization_code', callbackUrls: [`http://127.0.0.1:${port}/callback`], scopes: ['account:read'] });
  bundle = await lab.exportPem(boundApp.clientId);

  const sink = timeline.sink;
  basicToken = await runClientCredentialsFlow({ target, sink, credentials: new AppCredentials({ clientId: basicApp.clientId, clientSecret: basicApp.clientSecret }) });
  await runClientCredentialsFlow({ target, sink, credentials: new AppCredentials({ clientId: postApp.clientId, clientSecret: postApp.clientSecret, authMethod: 'client_secret_post' }) });
  boundToken = await runClientCredentialsFlow({ target, sink, credentials: new AppCredentials({ clientId: boundApp.clientId, clientSecret: boundApp.clientSecret, certificate: { kind: 'pem', certificatePem: bundle } }) });
  const seen: NonNullable<MockBrowserOptions['seen']> = {};
  codeToken = await new AuthorizationCodeFlows().run({ target, sink, redirectPort: port, opener: mockBrowser({ seen }), credentials: new AppCredentials({ clientId: codeApp.clientId, clientSecret: codeApp.clientSecret }) });
  code = seen.callback?.searchParams.get('code') ?? '';
  const api = createRecordingFetch({ sink, purpose: 'whoami' });
  await (await api(`${target.apiBase}/api/v1/users/whoami`, { headers: { authorization: `Bearer ${basicToken.accessToken}` } })).text();

  secrets = [basicApp.clientSecret, postApp.clientSecret, boundApp.clientSecret, codeApp.clientSecret, basicToken.accessToken, boundToken.accessToken, codeToken.accessToken, code];
  files = await mkdtemp(join(tmpdir(), 'lab-curl-'));
  await writeFile(join(files, 'app.pem'), bundle);
  await writeFile(join(files, 'ca.pem'), lab.caPem);
});

afterAll(async () => {
  await lab.stop();
  await rm(files, { recursive: true, force: true });
});

function leaks(text: string): string[] {
  const found = secrets.filter((secret) => text.includes(secret)).map((secret) => `${secret.slice(0, 8)}… (a secret used in the test)`);
  if (/PRIVATE KEY-----/.test(text)) found.push('a PEM private key');
  if (/code_verifier=(?!\[redacted\])[A-Za-z0-9._~-]{43}/.test(text)) found.push('a PKCE verifier');
  return found;
}

describe('redaction of what the recorder exports', () => {
  it('recorded every exchange of both flows, mutual TLS and the API call', () => {
    expect(timeline.list().map((e) => e.purpose)).toEqual(
      expect.arrayContaining(['token request (client credentials)', 'token request (client credentials, mutual TLS)', 'token request (authorization code)', 'whoami']),
    );
    expect(timeline.list().some((e) => e.purpose.startsWith('authorization callback'))).toBe(true);
  });

  it('leaves no secret, token, code, verifier or private key in the timeline, the HAR or any curl command', () => {
    expect(leaks(JSON.stringify(timeline.list()))).toEqual([]);
    expect(leaks(harJson(timeline.list()))).toEqual([]);
    expect(leaks(timeline.list().map(toCurl).join('\n'))).toEqual([]);
  });
});

describe('HAR 1.2', () => {
  it('has the log, creator and entries a HAR reader needs', () => {
    const har = JSON.parse(harJson(timeline.list(), { comment: 'test run' })) as ReturnType<typeof toHar>;
    expect(har.log).toMatchObject({ version: '1.2', creator: { name: 'Totango OAuth Lab' }, comment: 'test run' });
    expect(har.log.entries).toHaveLength(timeline.size);
    for (const entry of har.log.entries) {
      expect(new Date(entry.startedDateTime).toISOString()).toBe(entry.startedDateTime);
      expect(entry.time).toBeGreaterThanOrEqual(0);
      expect(entry.request).toMatchObject({ httpVersion: 'HTTP/1.1', cookies: [], headersSize: -1 });
      expect(Array.isArray(entry.request.headers) && Array.isArray(entry.request.queryString)).toBe(true);
      expect(entry.response.content.mimeType).toEqual(expect.any(String));
      for (const phase of ['send', 'wait', 'receive'] as const) expect(entry.timings[phase]).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives a form body its params and a callback its query string', () => {
    const entries = toHar(timeline.list()).log.entries;
    const post = entries.find((e) => e.request.postData?.text.includes('client_secret=') === true);
    expect(post?.request.postData?.params).toEqual(expect.arrayContaining([{ name: 'grant_type', value: 'client_credentials' }, { name: 'client_secret', value: '[redacted]' }]));
    const callback = entries.find((e) => e.comment.startsWith('authorization callback'));
    expect(callback?.request.queryString.map((p) => p.name)).toEqual(expect.arrayContaining(['code', 'state', 'iss']));
    expect(callback?.request.queryString.find((p) => p.name === 'code')?.value).toBe(`${code.slice(0, 4)}…${code.slice(-4)}`);
  });

  it('gives the size that went over the wire, not the redacted text\'s, when the response declared it', () => {
    const token = find((e) => e.purpose === 'token request (client credentials)');
    const declared = Number(token.response?.headers['content-length']);
    expect(declared).toBeGreaterThan(Buffer.byteLength(token.response?.body ?? ''));
    expect(harEntry(token).response).toMatchObject({ bodySize: declared, content: { size: declared } });
  });

  it('says which exchange carried a client certificate, and gives an exchange without answer status 0', () => {
    const entries = toHar([find((e) => e.clientCertificate), { ...find((e) => e.purpose === 'whoami'), response: undefined, error: 'connect ECONNREFUSED 127.0.0.1:9' } as HttpExchange]).log.entries;
    expect(entries[0]?.comment).toBe('token request (client credentials, mutual TLS) (with a client certificate)');
    expect(entries[1]?.response).toMatchObject({ status: 0, _error: 'connect ECONNREFUSED 127.0.0.1:9', content: { size: 0, mimeType: 'x-unknown' } });
  });
});

describe('curl', () => {
  async function runCurl(exchange: HttpExchange, variables: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
    expect(curlVariables(exchange).sort()).toEqual(Object.keys(variables).sort());
    const { stdout } = await run('bash', ['-c', `${toCurl(exchange)} --silent --write-out '\\n%{http_code}'`], { env: { PATH: process.env['PATH'] ?? '', ...variables } });
    const lines = stdout.trimEnd().split('\n');
    return { status: Number(lines.pop()), body: JSON.parse(lines.join('\n')) as Record<string, unknown> };
  }

  it('reproduces a client-credentials request with Basic, the secret as $CLIENT_SECRET', async () => {
    const exchange = find((e) => e.purpose === 'token request (client credentials)' && e.request.headers['authorization']?.includes(basicApp.clientId) === true);
    expect(toCurl(exchange)).toContain(`--user '${basicApp.clientId}:'"$CLIENT_SECRET"`);
    const answer = await runCurl(exchange, { CLIENT_SECRET: basicApp.clientSecret });
    expect(answer).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'system_user:read' } });
  });

  it('reproduces a client_secret_post request', async () => {
    const exchange = find((e) => e.request.body?.includes(`client_id=${postApp.clientId}`) === true);
    expect(toCurl(exchange)).toContain(`--data-urlencode 'client_secret='"$CLIENT_SECRET"`);
    expect((await runCurl(exchange, { CLIENT_SECRET: postApp.clientSecret })).status).toBe(200);
  });

  it('reproduces a mutual-TLS request with --cert, --key and --cacert placeholders', async () => {
    const exchange = find((e) => e.clientCertificate);
    const command = toCurl(exchange);
    expect(command).toContain('--cert "$CLIENT_CERT_FILE"');
    expect(command).toContain('--key "$CLIENT_KEY_FILE"');
    expect(command).toContain('--cacert "$CA_CERT_FILE"');
    const pem = join(files, 'app.pem');
    const answer = await runCurl(exchange, { CLIENT_SECRET: boundApp.clientSecret, CLIENT_CERT_FILE: pem, CLIENT_KEY_FILE: pem, CA_CERT_FILE: join(files, 'ca.pem') });
    expect(answer.status).toBe(200);
    expect(JSON.parse(Buffer.from(String(answer.body['access_token']).split('.')[1] ?? '', 'base64url').toString())).toMatchObject({ cnf: { 'x5t#S256': expect.any(String) } });
  });

  it('reproduces an API call with the token as $ACCESS_TOKEN', async () => {
    const exchange = find((e) => e.purpose === 'whoami');
    expect(toCurl(exchange)).toContain(`--header 'Authorization: Bearer '"$ACCESS_TOKEN"`);
    expect((await runCurl(exchange, { ACCESS_TOKEN: basicToken.accessToken })).status).toBe(200);
  });

  it('names the code, the verifier and the secret of a code exchange as variables', () => {
    const exchange = find((e) => e.purpose === 'token request (authorization code)');
    expect(curlVariables(exchange)).toEqual(['CLIENT_SECRET', 'AUTHORIZATION_CODE', 'CODE_VERIFIER']);
    expect(toCurl(exchange)).toContain(`--data-urlencode 'code='"$AUTHORIZATION_CODE"`);
  });

  it('quotes what the shell would otherwise read', () => {
    const tricky: HttpExchange = {
      id: 'x',
      purpose: 'tricky',
      startedAt: '2026-03-04T10:15:00.000Z',
      durationMs: 1,
      clientCertificate: false,
      request: { method: 'POST', url: "http://127.0.0.1:9/it's?q=$(id)", headers: { 'content-type': 'application/json', 'x-note': "O'Brien $HOME" }, body: '{"name":"a `b` $c","token":"[redacted]"}' },
    };
    expect(toCurl(tricky)).toBe(
      [
        `curl --request POST 'http://127.0.0.1:9/it'\\''s?q=$(id)'`,
        `--header 'content-type: application/json'`,
        `--header 'x-note: O'\\''Brien $HOME'`,
        `--data-raw '{"name":"a \`b\` $c","token":"'"$ACCESS_TOKEN"'"}'`,
      ].join(' \\\n  '),
    );
  });
});
