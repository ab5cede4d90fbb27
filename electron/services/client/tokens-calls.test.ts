/**
 * The tokens and calls services: a mock token verified against its issuer's JWKS, a
 * pasted one made current, an unreachable issuer that still leaves the token decoded,
 * and calls with the current token, writes against a real tenant refused until confirmed.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContractError, CurrentToken } from '../../../shared/contract';
import { freePort, rejectionOf } from '../../client/testing/test-support';
import { openServices, startTestMock, type RunningMock, type ServicesUnderTest } from './services-fixture';

let running: RunningMock;
let lab: ServicesUnderTest;
let accessToken: string;

beforeAll(async () => {
  running = await startTestMock();
});
afterAll(async () => {
  await running.stop();
});
beforeEach(async () => {
  lab = await openServices(running);
  const app = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['system_user:read', 'touchpoint:all'] });
  await lab.client.targets.useApplication({ clientId: app.clientId });
  accessToken = (await lab.client.flows.clientCredentials({})).token.accessToken;
});
afterEach(async () => {
  await lab.close();
  expect(lab.loggedErrors).toEqual([]);
});

describe('tokens', () => {
  it("verifies a mock token against the selected target's issuer and JWKS", async () => {
    const inspection = await lab.client.tokens.inspect({ token: accessToken });
    expect(inspection.decoded).toMatchObject({ kind: 'jwt', header: { typ: 'at+jwt' }, claims: { iss: running.mock.urls.regions.us.issuer } });
    expect(inspection.verification?.valid).toBe(true);
    expect(Object.fromEntries(inspection.verification?.checks.map((c) => [c.name, c.status]) ?? [])).toEqual({ signature: 'pass', typ: 'pass', iss: 'pass', aud: 'pass', exp: 'pass', nbf: 'skipped', cnf: 'skipped' });
    expect((await lab.client.recorder.timeline({})).exchanges.at(-1)).toMatchObject({ purpose: 'JWKS (token verification)', request: { url: running.mock.urls.regions.us.jwks } });

    const wrongRegion = await lab.client.tokens.inspect({ token: accessToken, verifyAgainst: 'mock:eu' });
    expect(wrongRegion.verification?.valid).toBe(false);
    expect(wrongRegion.verification?.checks.find((c) => c.name === 'iss')?.status).toBe('fail');
  });

  it('decodes only when asked, and says a token that is not a JWT is opaque', async () => {
    expect(await lab.client.tokens.inspect({ token: accessToken, verifyAgainst: false })).not.toHaveProperty('verification');
    const opaque = await lab.client.tokens.inspect({ token: 'garbage-token-value' });
    expect(opaque.decoded).toMatchObject({ kind: 'opaque' });
    expect(opaque.decoded.summary).toMatch(/^the token is opaque/);
    expect(opaque.verificationSkipped).toMatch(/^only a JWT can be verified here/);
    expect(opaque.verification).toBeUndefined();
  });

  it('still decodes the token when the issuer cannot be reached, and says why it was not verified', async () => {
    const closed = await freePort();
    const target = await lab.client.targets.addCustom({ baseUrl: `http://127.0.0.1:${closed}` });
    const inspection = await lab.client.tokens.inspect({ token: accessToken, verifyAgainst: target.key });
    expect(inspection.decoded.kind).toBe('jwt');
    expect(inspection.verification).toBeUndefined();
    expect(inspection.verificationSkipped).toMatch(new RegExp(`^the target "custom:http://127.0.0.1:${closed}" could not be reached to verify the token: `));
  });

  it('makes a pasted token current, its scopes from its "scope" claim, and forgets it on clear', async () => {
    const pasted = await lab.client.tokens.use({ token: `Bearer ${accessToken}` });
    expect(pasted).toMatchObject({ accessToken, source: 'pasted', targetKey: 'mock:us', scopes: ['system_user:read', 'touchpoint:all'], overMutualTls: false });
    expect(Date.parse(pasted.expiresAt ?? '')).toBeGreaterThan(Date.now());
    expect((await lab.client.tokens.current({})).token).toEqual(pasted);
    expect(await lab.client.tokens.use({ token: 'opaque.token-value' })).toMatchObject({ scopes: [], source: 'pasted' });
    const refused = (await rejectionOf(lab.client.tokens.use({ token: 'not a token!' }))) as ContractError;
    expect(refused).toMatchObject({ code: 'invalid_input', field: 'token', message: '"token" cannot be used: not a token: it holds characters a bearer token cannot hold (RFC 6750 §2.1)' });

    expect(await lab.client.tokens.clear({})).toEqual({ done: true });
    expect((await lab.client.tokens.current({})).token).toBeNull();
    expect(lab.eventsNamed<{ token: CurrentToken | null }>('tokens.changed').at(-1)).toEqual({ token: null });
  });
});

describe('calls', () => {
  it('sends an example request with the current token and returns the answer and its exchange', async () => {
    const example = await lab.client.calls.example({ endpointId: 'whoami' });
    expect(example).toEqual({ endpointId: 'whoami', pathParams: {}, query: {} });
    const result = await lab.client.calls.send({ request: example });
    expect(result).toMatchObject({ method: 'GET', url: `${running.mock.urls.regions.us.issuer}/api/v1/users/whoami`, response: { status: 200, body: { id: 'u-1003' } } });
    expect(result.failure).toBeUndefined();
    const exchange = (await lab.client.recorder.timeline({})).exchanges.find((e) => e.id === result.exchangeId);
    expect(exchange?.request.headers['authorization']).not.toContain(accessToken);
  });

  it("explains a refused call: the scope it lacks, and how to add it", async () => {
    const result = await lab.client.calls.send({ request: await lab.client.calls.example({ endpointId: 'search-accounts' }) });
    expect(result.response?.status).toBe(403);
    expect(result.failure).toMatchObject({ code: 'insufficient_scope' });
    expect(result.failure?.action).toMatch(/account:read/);
  });

  it('refuses a write against a Totango region until the user confirmed it', async () => {
    await lab.client.targets.select({ targetKey: 'totango:us' });
    const request = await lab.client.calls.example({ endpointId: 'create-touchpoint' });
    const error = (await rejectionOf(lab.client.calls.send({ request }))) as ContractError;
    expect(error).toMatchObject({ code: 'forbidden', field: 'confirmed' });
    expect(error.message).toBe('"create-touchpoint" writes data on the real tenant of "totango:us": send it with "confirmed": true once the user has confirmed it');
    expect((await lab.client.recorder.timeline({})).exchanges.some((e) => e.request.url.startsWith('https://api.totango.com'))).toBe(false);
  });

  it('runs writes against the mock without confirmation, and says to get a token when there is none', async () => {
    const created = await lab.client.calls.send({ request: await lab.client.calls.example({ endpointId: 'create-touchpoint' }) });
    expect(created.response?.status).toBe(200);
    await lab.client.tokens.clear({});
    const error = (await rejectionOf(lab.client.calls.send({ request: await lab.client.calls.example({ endpointId: 'whoami' }) }))) as ContractError;
    expect(error).toMatchObject({ code: 'invalid_configuration', message: 'no current token: run a flow ("flows.clientCredentials" or "flows.authorizationCode") or paste a token ("tokens.use") first' });
  });
});
