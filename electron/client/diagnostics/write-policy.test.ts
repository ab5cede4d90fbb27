import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, type CatalogueEndpoint } from '../../../shared/catalogue';
import type { HttpExchange } from '../http/exchange';
import { clientCredentialsToken, registerClientApp, type IssuedToken } from '../testing/diagnostics-fixture';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { diagnose } from './diagnose';
import { decideRuns, needsConfirmation, NOT_CONFIRMED, targetKindOf } from './write-policy';

const writes = CATALOGUE.filter((e) => e.effect !== 'read');
const reads = CATALOGUE.filter((e) => e.effect === 'read');

describe('needsConfirmation and decideRuns', () => {
  it('asks nothing against the mock, and only about writes and deletes against a real target', () => {
    expect(CATALOGUE.filter((e) => needsConfirmation(e, 'mock'))).toEqual([]);
    for (const kind of ['us', 'eu', 'custom'] as const) expect(CATALOGUE.filter((e) => needsConfirmation(e, kind))).toEqual(writes);
  });

  it('asks one endpoint at a time, in order, and runs only what was confirmed', async () => {
    const asked: string[] = [];
    let inFlight = 0;
    const decisions = await decideRuns(CATALOGUE, 'eu', async (endpoint) => {
      inFlight += 1;
      expect(inFlight).toBe(1);
      asked.push(endpoint.id);
      await Promise.resolve();
      inFlight -= 1;
      return endpoint.id === 'create-touchpoint';
    });
    expect(asked).toEqual(writes.map((e) => e.id));
    expect(decisions.get('create-touchpoint')).toEqual({ run: true });
    expect(decisions.get('delete-touchpoint')).toEqual({ run: false, reason: NOT_CONFIRMED });
    expect(decisions.get('search-accounts')).toEqual({ run: true });
  });

  it('tells the mock from the Totango regions and a custom base URL, which counts as real', () => {
    expect(targetKindOf({ kind: 'mock', region: 'eu', urls: { issuer: 'http://127.0.0.1:1' } })).toBe('mock');
    expect(targetKindOf({ kind: 'totango', region: 'eu' })).toBe('eu');
    expect(targetKindOf({ kind: 'custom', baseUrl: 'https://127.0.0.1:4781' })).toBe('custom');
  });

  it('runs no write against a real target when there is no one to ask', async () => {
    const decisions = await decideRuns(CATALOGUE, 'us');
    expect(writes.every((e) => decisions.get(e.id)?.run === false)).toBe(true);
  });
});

describe('diagnostics against a real-region target', () => {
  let lab: LabMock;
  let token: IssuedToken;

  beforeAll(async () => {
    lab = await startLabMock();
    token = await clientCredentialsToken(lab, await registerClientApp(lab, ['admin']));
  });
  afterAll(async () => lab.stop());

  it('skips every unconfirmed write without sending it, and still runs the reads', async () => {
    // A fault armed on each write endpoint would be used up by any request reaching it.
    for (const endpoint of writes) {
      const armed = await lab.admin('POST', '/admin/faults', { target: endpoint.id, kind: 'error', status: 418 });
      expect(armed.status).toBe(201);
    }
    const exchanges: HttpExchange[] = [];
    const asked: CatalogueEndpoint[] = [];
    const matrix = await diagnose({
      target: { kind: 'us', apiBaseUrl: lab.issuer('us') },
      accessToken: token.accessToken,
      grantedScopes: token.scopes,
      sink: (exchange) => exchanges.push(exchange),
      confirm: (endpoint) => {
        asked.push(endpoint);
        return false;
      },
    });
    expect(asked).toEqual(writes);
    const skipped = matrix.rows.filter((row) => row.verdict === 'skipped');
    expect(skipped.map((row) => row.endpointId)).toEqual(writes.map((e) => e.id));
    expect(skipped.every((row) => row.note === NOT_CONFIRMED && row.actual === null)).toBe(true);
    expect(exchanges.map((x) => x.purpose).sort()).toEqual(reads.map((e) => `diagnostics: ${e.id}`).sort());
    const faults = await lab.admin<{ faults: { target: string; remaining: number }[] }>('GET', '/admin/faults');
    expect(faults.body.faults.map((f) => [f.target, f.remaining])).toEqual(writes.map((e) => [e.id, 1]));
    await lab.admin('DELETE', '/admin/faults');
  });
});
