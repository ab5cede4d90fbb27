import { describe, expect, it } from 'vitest';
import { PKCS12_OMITTED, PRIVATE_KEY_OMITTED, REDACTED, parameterTreatment, redactBody, redactFormText, redactHeaders, redactText, redactUrl, shortenSecret } from './redaction';

const JWT = 'eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJ1LTEwMDEiLCJzY29wZSI6ImFjY291bnQ6cmVhZCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const SECRET = 'Sx9-very-secret/value+with=odd&chars';

describe('parameter treatment', () => {
  it.each([
    ['client_secret', 'redact'],
    ['clientSecret', 'redact'],
    ['code_verifier', 'redact'],
    ['password', 'redact'],
    ['access_token', 'shorten'],
    ['refresh_token', 'shorten'],
    ['id_token', 'shorten'],
    ['token', 'shorten'],
    ['code', 'shorten'],
    ['grant_type', undefined],
    ['client_id', undefined],
    ['scope', undefined],
  ])('treats "%s" as %s', (name, treatment) => {
    expect(parameterTreatment(name)).toBe(treatment);
  });

  it('shortens to the first and last 4 characters around an ellipsis, and redacts values too short to shorten', () => {
    expect(shortenSecret(JWT)).toBe('eyJh…VyZQ');
    expect(shortenSecret('abc123')).toBe(REDACTED);
  });

  it('tells apart two tokens of one issuer, whose headers are alike', () => {
    const other = `${JWT.slice(0, -4)}AAAA`;
    expect(shortenSecret(other)).not.toBe(shortenSecret(JWT));
  });
});

describe('form bodies and URLs', () => {
  it('redacts the secret and the verifier, shortens the code, and keeps the rest byte for byte', () => {
    const form = `grant_type=authorization_code&code=${'c'.repeat(43)}&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback&code_verifier=${'v'.repeat(43)}&client_secret=${encodeURIComponent(SECRET)}`;
    expect(redactFormText(form)).toBe(`grant_type=authorization_code&code=cccc…cccc&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback&code_verifier=${REDACTED}&client_secret=${REDACTED}`);
  });

  it('shortens the code of a callback URL and keeps state and iss', () => {
    const url = `http://127.0.0.1:8765/callback?code=${'k'.repeat(40)}&state=abc&iss=http%3A%2F%2F127.0.0.1%3A4781`;
    expect(redactUrl(url)).toBe('http://127.0.0.1:8765/callback?code=kkkk…kkkk&state=abc&iss=http%3A%2F%2F127.0.0.1%3A4781');
  });

  it('redacts tokens in a fragment', () => {
    expect(redactUrl(`https://app.example/cb#access_token=${JWT}&token_type=bearer`)).toBe('https://app.example/cb#access_token=eyJh…VyZQ&token_type=bearer');
  });
});

describe('JSON bodies', () => {
  it('shortens tokens and redacts secrets at any depth, whatever the key style', () => {
    const body = JSON.stringify({ access_token: JWT, refresh_token: 'r'.repeat(40), nested: { clientSecret: SECRET, list: [{ id_token: JWT }] }, scope: 'account:read', expires_in: 60 });
    expect(JSON.parse(redactBody(body, 'application/json; charset=utf-8'))).toEqual({
      access_token: 'eyJh…VyZQ',
      refresh_token: 'rrrr…rrrr',
      nested: { clientSecret: REDACTED, list: [{ id_token: 'eyJh…VyZQ' }] },
      scope: 'account:read',
      expires_in: 60,
    });
  });

  it('treats a body that is not JSON after all as text', () => {
    expect(redactBody(`{ not json ${JWT}`, 'application/json')).toBe('{ not json eyJh…VyZQ');
  });
});

describe('text', () => {
  it('drops PEM private keys of any kind, and keeps certificates', () => {
    const pem = ['-----BEGIN CERTIFICATE-----', 'MIIB', '-----END CERTIFICATE-----', '-----BEGIN PRIVATE KEY-----', 'MIIE', '-----END PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----', 'MIIC', '-----END RSA PRIVATE KEY-----'].join('\n');
    expect(redactText(pem)).toBe(['-----BEGIN CERTIFICATE-----', 'MIIB', '-----END CERTIFICATE-----', PRIVATE_KEY_OMITTED, PRIVATE_KEY_OMITTED].join('\n'));
  });

  it('drops a key cut short too', () => {
    expect(redactText('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE')).toBe(PRIVATE_KEY_OMITTED);
  });

  it('never keeps PKCS#12', () => {
    expect(redactBody('binary', 'application/x-pkcs12')).toBe(PKCS12_OMITTED);
  });

  it('scrubs known secrets wherever they appear, encoded or not', () => {
    const text = `a ${SECRET} b ${encodeURIComponent(SECRET)} c`;
    expect(redactText(text, { knownSecrets: [SECRET] })).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });
});

describe('headers', () => {
  it('keeps the client ID of Basic credentials and drops the secret', () => {
    const basic = `Basic ${Buffer.from(`my%20client:${encodeURIComponent(SECRET)}`).toString('base64')}`;
    expect(redactHeaders({ Authorization: basic })).toEqual({ authorization: 'Basic [redacted: client "my client"]' });
  });

  it('shortens bearer tokens and redacts cookies and API keys', () => {
    expect(redactHeaders({ authorization: `Bearer ${JWT}`, cookie: 'totango_mock_session=abc; other=def', 'app-token': 'legacy-token-value', 'set-cookie': 'sid=xyz; Path=/; HttpOnly' })).toEqual({
      authorization: 'Bearer eyJh…VyZQ',
      cookie: `totango_mock_session=${REDACTED}; other=${REDACTED}`,
      'app-token': REDACTED,
      'set-cookie': `sid=${REDACTED}; Path=/; HttpOnly`,
    });
  });
});
