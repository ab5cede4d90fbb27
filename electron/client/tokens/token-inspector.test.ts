/**
 * The token inspector on the mock's real tokens: a valid one, one expired by moving the
 * mock's clock, one checked against the other region, bound tokens with the right and
 * the wrong certificate; and on what else may be pasted (opaque tokens, garbage).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClientCredentialsFlow } from '../flows/client-credentials-flow';
import { ClientCertificate } from '../http/client-certificate';
import type { HttpExchange } from '../http/exchange';
import { createRecordingFetch } from '../http/recording-fetch';
import { createTlsAgent } from '../http/tls-agent';
import { AppCredentials } from '../targets/app-credentials';
import { resolveTarget } from '../targets/resolve-target';
import type { ResolvedTarget } from '../targets/target';
import { startLabMock, type LabMock, type RegisteredApp } from '../testing/lab-mock';
import { decodeToken, inspectToken, verificationFor, verifyToken, type DecodedToken, type TokenCheck } from './token-inspector';

let lab: LabMock;
let us: ResolvedTarget;
let eu: ResolvedTarget;
const exchanges: HttpExchange[] = [];
const fetch = createRecordingFetch({ sink: (e) => exchanges.push(e) });

beforeAll(async () => {
  lab = await startLabMock();
  us = await resolveTarget(lab.target('us'), { fetch });
  eu = await resolveTarget(lab.target('eu'), { fetch });
});

afterAll(async () => {
  await lab.stop();
});

async function tokenOf(registered: RegisteredApp, certificate?: ClientCertificate): Promise<string> {
  const credentials = new AppCredentials({ clientId: registered.clientId, clientSecret: registered.clientSecret, ...(certificate ? { certificate: { kind: 'pem', certificatePem: `${certificate.certificatePem}\n${certificate.privateKeyPem()}` } } : {}) });
  return (await runClientCredentialsFlow({ target: us, credentials })).accessToken;
}

function statuses(checks: readonly TokenCheck[]): Record<string, string> {
  return Object.fromEntries(checks.map((check) => [check.name, check.status]));
}

function jwtOf(decoded: DecodedToken) {
  if (decoded.kind !== 'jwt') throw new Error(`expected a JWT, got ${decoded.kind}: ${decoded.summary}`);
  return decoded;
}

function unsigned(header: object, claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(claims)}.c2lnbmF0dXJl`;
}

describe('a valid token', () => {
  it('is decoded, each claim explained, its times in the chosen time zone, and every check passes', async () => {
    const registered = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'touchpoint:all'], accessTokenTtlSeconds: 3600 });
    const token = await tokenOf(registered);
    const iat = Number(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())['iat']);
    const now = () => (iat + 600) * 1000;
    exchanges.length = 0;
    const { decoded, verification } = await inspectToken(`Bearer ${token}`, { now, timeZone: 'Asia/Kolkata', issuerNames: { [us.issuer]: 'the mock (US)' }, verify: verificationFor(us, fetch) });

    const jwt = jwtOf(decoded);
    expect(jwt.header).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    expect(jwt.times).toMatchObject({ secondsLeft: 3000, timeLeft: '50 min left', expired: false });
    expect(jwt.times.issuedAt?.local).toMatch(/GMT\+5:30$/);
    expect(jwt.summary).toBe(`a JWT access token (RFC 9068) from ${us.issuer}, 50 min left; decoded, not yet verified`);
    const explained = Object.fromEntries(jwt.claimExplanations.map((e) => [e.name, e]));
    expect(Object.keys(explained).sort()).toEqual(['aud', 'client_id', 'exp', 'iat', 'iss', 'jti', 'scope', 'service_id', 'sub', 'totango_user']);
    expect(jwt.claimExplanations.every((e) => e.known)).toBe(true);
    expect(explained['iss']?.explanation).toBe(`Issuer: the authorization server that issued the token (${us.issuer}, the mock (US)).`);
    expect(explained['sub']?.explanation).toBe('Subject: the application itself (its client ID); a client-credentials token acts for the app (RFC 9068 §2.2).');
    expect(explained['exp']?.explanation).toMatch(/^Expires at .* GMT\+5:30 \(50 min left\)\.$/);
    expect(explained['scope']?.details).toEqual(['account:read: Read accounts', 'touchpoint:all: Every operation on touchpoints, definitions included']);
    expect(explained['totango_user']?.explanation).toBe('The Totango user the token acts as: integration.bot@acme-demo.example (u-1003).');
    expect(jwt.headerExplanations.find((e) => e.name === 'typ')?.explanation).toBe('Type: an OAuth 2.0 access token in JWT form (at+jwt, RFC 9068 §2.1).');

    expect(verification?.valid).toBe(true);
    expect(statuses(verification?.checks ?? [])).toEqual({ signature: 'pass', typ: 'pass', iss: 'pass', aud: 'pass', exp: 'pass', nbf: 'skipped', cnf: 'skipped' });
    expect(exchanges.map((e) => e.request.url)).toEqual([us.jwksUri]);
  });

  it('fetches the JWKS over HTTPS with the target\'s CA trusted', async () => {
    const token = await tokenOf(await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'] }));
    const jwksUri = `${lab.mock.urls.regions.us.mtls.origin}/.well-known/jwks.json`;
    const trusting = createRecordingFetch({ sink: () => {}, dispatcher: createTlsAgent({ caPem: lab.caPem }) });
    expect((await verifyToken(token, { issuer: us.issuer, jwksUri, fetch: trusting })).valid).toBe(true);
    const untrusting = await verifyToken(token, { issuer: us.issuer, jwksUri, fetch });
    expect(untrusting.checks[0]).toMatchObject({ name: 'signature', status: 'fail' });
    expect(untrusting.checks[0]?.message).toMatch(new RegExp(`^the JWKS at ${jwksUri} could not be fetched`));
  });
});

describe('tokens that fail', () => {
  it('says a token is expired once the mock clock has moved past its exp', async () => {
    const token = await tokenOf(await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'], accessTokenTtlSeconds: 60 }));
    const mockNow = await lab.advanceClock(150);
    try {
      const { decoded, verification } = await inspectToken(token, { now: () => mockNow, verify: verificationFor(us, fetch) });
      expect(jwtOf(decoded).times).toMatchObject({ expired: true, timeLeft: expect.stringMatching(/^expired 1 min ago$/) });
      expect(verification?.valid).toBe(false);
      expect(verification?.checks.find((c) => c.name === 'exp')).toEqual({ name: 'exp', status: 'fail', message: expect.stringMatching(/^expired 1 min ago$/) });
      expect(statuses(verification?.checks ?? [])['signature']).toBe('pass');
      const named = await inspectToken(token, { now: () => mockNow, clockName: "the mock's clock", verify: verificationFor(us, fetch) });
      expect(named.verification?.checks.find((c) => c.name === 'exp')?.message).toBe("expired by the mock's clock 1 min ago");
    } finally {
      await lab.resetClock();
    }
  });

  it('says a US token is from another issuer when checked as an EU token', async () => {
    const token = await tokenOf(await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'] }));
    const verification = await verifyToken(token, verificationFor(eu, fetch));
    expect(verification.valid).toBe(false);
    expect(statuses(verification.checks)).toMatchObject({ signature: 'fail', iss: 'fail', aud: 'fail', exp: 'pass' });
    expect(verification.checks.find((c) => c.name === 'signature')?.message).toBe(`no key of ${eu.jwksUri} matches the token's "kid": another issuer signed it (another region, or another server)`);
    expect(verification.checks.find((c) => c.name === 'iss')?.message).toBe(`issued by ${us.issuer}, not by the selected target ${eu.issuer} (wrong region, or another server)`);
  });

  it('says a token whose claims were changed does not verify', async () => {
    const token = await tokenOf(await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'] }));
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, scope: 'admin' })).toString('base64url')}.${signature}`;
    const verification = await verifyToken(forged, verificationFor(us, fetch));
    expect(verification.checks[0]).toEqual({ name: 'signature', status: 'fail', message: "the signature does not verify with the issuer's key: the token was altered, or forged" });
  });
});

describe('certificate-bound tokens', () => {
  it('match the certificate they were issued with, and not another', async () => {
    const bound = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'], mutualTls: true });
    const other = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'], mutualTls: true });
    const certificate = ClientCertificate.load({ kind: 'pem', certificatePem: await lab.exportPem(bound.clientId) });
    const wrong = ClientCertificate.load({ kind: 'pkcs12', pkcs12: await lab.exportPkcs12(other.clientId, 'other password'), password: 'other password' });
    const token = await tokenOf(bound, certificate);

    const right = await verifyToken(token, verificationFor(us, fetch, certificate));
    expect(right.valid).toBe(true);
    expect(right.checks.find((c) => c.name === 'cnf')).toMatchObject({ status: 'pass', message: expect.stringContaining(certificate.thumbprint) });
    // The certificate's name on one line, its attributes separated by commas.
    expect(certificate.subject).toContain('\n');
    expect(right.checks.find((c) => c.name === 'cnf')?.message).toBe(`bound to the loaded certificate (${certificate.subject.split('\n').join(', ')}, SHA-256 thumbprint ${certificate.thumbprint})`);

    const mismatch = await verifyToken(token, verificationFor(us, fetch, wrong));
    expect(mismatch.valid).toBe(false);
    expect(mismatch.checks.find((c) => c.name === 'cnf')).toEqual({
      name: 'cnf',
      status: 'fail',
      message: `bound to the certificate with thumbprint ${certificate.thumbprint}, not to the loaded one (${wrong.thumbprint}): use the certificate the token was issued with, or get a new token`,
    });

    const unloaded = await verifyToken(token, verificationFor(us, fetch));
    expect(unloaded.checks.find((c) => c.name === 'cnf')?.status).toBe('skipped');
    const explained = jwtOf(decodeToken(token)).claimExplanations.find((e) => e.name === 'cnf');
    expect(explained?.explanation).toBe(`Bound to a client certificate (RFC 8705): only a request presenting the certificate whose SHA-256 thumbprint is ${certificate.thumbprint} may use the token.`);
  });
});

describe('anything else that is pasted', () => {
  it('says an opaque token is opaque, and cannot be verified here', async () => {
    expect(decodeToken('2YotnFZFEjr1zCsicMWpAA')).toEqual({ kind: 'opaque', summary: 'the token is opaque: not a JWT, so its meaning is known only to the server that issued it (ask its introspection endpoint, RFC 7662)' });
    const verification = await verifyToken('2YotnFZFEjr1zCsicMWpAA', verificationFor(us, fetch));
    expect(verification).toEqual({ valid: false, checks: [{ name: 'format', status: 'fail', message: expect.stringMatching(/^cannot be verified here: the token is opaque/) }] });
  });

  it.each([
    ['', 'no token: the text is empty'],
    ['not a token!', 'not a token: it holds characters a bearer token cannot hold (RFC 6750 §2.1)'],
    ['eyJhbGciOi.eyJzdWIi.sig', 'it has the three parts of a JWT, but its header is not base64url-encoded JSON: the token is damaged or was cut when copied'],
  ])('says %j is no token it can read', (pasted, summary) => {
    expect(decodeToken(pasted)).toEqual({ kind: 'invalid', summary });
  });

  it('says an encrypted JWT cannot be read', () => {
    const header = Buffer.from('{"alg":"RSA-OAEP","enc":"A256GCM"}').toString('base64url');
    expect(decodeToken(`${header}.a.b.c.d`).kind).toBe('encrypted');
  });

  it('explains the claims of a token from elsewhere, and says which it does not know', () => {
    const token = unsigned({ alg: 'RS256', typ: 'JWT', x5u: 'https://keys.example' }, { iss: 'https://api.totango.com', sub: 'u-42', client_id: 'c-1', scope: 'admin user:frobnicate', auth_time: 1772619300, favourite_colour: 'teal' });
    const jwt = jwtOf(decodeToken(token, { timeZone: 'Europe/Paris', now: () => Date.UTC(2026, 2, 4, 10, 15) }));
    const explained = Object.fromEntries(jwt.claimExplanations.map((e) => [e.name, e]));
    expect(explained['iss']?.explanation).toBe('Issuer: the authorization server that issued the token (https://api.totango.com, Totango US).');
    expect(explained['sub']?.explanation).toBe('Subject: the Totango user who signed in and consented (u-42).');
    expect(explained['auth_time']?.explanation).toBe('The person signed in at Mar 4, 2026, 11:15:00 AM GMT+1.');
    expect(explained['scope']?.details).toEqual(['admin: Full access to everything in Totango (admin)', 'user:frobnicate: not a Totango scope']);
    expect(explained['favourite_colour']).toMatchObject({ known: false, explanation: 'An unknown claim: not part of RFC 9068 or of Totango tokens as the Lab knows them.' });
    expect(jwt.headerExplanations.find((e) => e.name === 'x5u')?.known).toBe(false);
    expect(jwt.headerExplanations.find((e) => e.name === 'typ')?.explanation).toBe('Type: "JWT", not the "at+jwt" an RFC 9068 access token carries.');
    expect(jwt.times).toEqual({});
    expect(jwt.summary).toBe('a JWT from https://api.totango.com, with no expiry; decoded, not yet verified');
  });
});
