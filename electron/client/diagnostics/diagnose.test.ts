import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue';
import type { HttpExchange } from '../http/exchange';
import { clientCredentialsToken, registerClientApp } from '../testing/diagnostics-fixture';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { diagnose, type MatrixRow } from './diagnose';

let lab: LabMock;
beforeAll(async () => {
  lab = await startLabMock();
});
afterAll(async () => lab.stop());

const touchpointIds = CATALOGUE.filter((e) => e.requiredScope.startsWith('touchpoint:')).map((e) => e.id);

describe('diagnose', () => {
  it('passes account search and every touchpoint endpoint for account:read + touchpoint:all, and fails the rest naming the missing scope', async () => {
    const app = await registerClientApp(lab, ['account:read', 'touchpoint:all']);
    const token = await clientCredentialsToken(lab, app);
    const seen: MatrixRow[] = [];
    const matrix = await diagnose({ target: { kind: 'mock', apiBaseUrl: lab.issuer() }, accessToken: token.accessToken, grantedScopes: token.scopes, onRow: (row) => seen.push(row) });

    expect(matrix.rows.map((row) => row.endpointId)).toEqual(CATALOGUE.map((e) => e.id));
    expect(seen).toHaveLength(CATALOGUE.length);
    const passing = matrix.rows.filter((row) => row.verdict === 'pass').map((row) => row.endpointId);
    expect(passing).toEqual(['search-accounts', ...touchpointIds]);
    expect(matrix.counts).toEqual({ pass: 7, fail: 22, mismatch: 0, error: 0, skipped: 0 });
    for (const row of matrix.rows.filter((r) => r.verdict === 'pass')) expect(row.actual?.status).toBeGreaterThanOrEqual(200);
    for (const row of matrix.rows.filter((r) => r.verdict === 'fail')) {
      expect(row).toMatchObject({ predicted: 'denied', coveredBy: null, actual: { status: 403, error: 'insufficient_scope' }, fix: { addScope: row.requiredScope } });
      expect(row.actual?.wwwAuthenticate).toMatch(/^Bearer /);
      expect(row.note).toContain(`missing "${row.requiredScope}"`);
    }
    const search = matrix.rows.find((row) => row.endpointId === 'search-accounts');
    expect(search).toMatchObject({ coveredBy: { scope: 'account:read', rule: 'exact' }, predicted: 'allowed', actual: { status: 200 } });
    expect(matrix.rows.find((row) => row.endpointId === 'create-touchpoint')?.coveredBy).toMatchObject({ scope: 'touchpoint:all', rule: 'all' });
    expect(matrix.rows.find((row) => row.endpointId === 'upsert-accounts')?.fix?.widerOptions).toEqual(['account:all', 'admin']);
  });

  it('runs the whole catalogue against the local mock in well under a second', async () => {
    const token = await clientCredentialsToken(lab, await registerClientApp(lab, ['admin']));
    const options = { target: { kind: 'mock' as const, apiBaseUrl: lab.issuer() }, accessToken: token.accessToken, grantedScopes: token.scopes };
    await diagnose(options);
    const matrix = await diagnose(options);
    expect(matrix.counts.pass).toBe(CATALOGUE.length);
    expect(matrix.durationMs).toBeLessThan(1000);
  });

  it('updates and deletes the touchpoint and the contact the run created, not the seeded ones', async () => {
    const token = await clientCredentialsToken(lab, await registerClientApp(lab, ['touchpoint:all', 'user:all']));
    const exchanges: HttpExchange[] = [];
    const matrix = await diagnose({
      target: { kind: 'mock', apiBaseUrl: lab.issuer() },
      accessToken: token.accessToken,
      grantedScopes: token.scopes,
      endpointIds: ['create-touchpoint', 'update-touchpoint', 'delete-touchpoint', 'upsert-users', 'delete-account-user'],
      sink: (exchange) => exchanges.push(exchange),
    });
    expect(matrix.counts.pass).toBe(5);
    const created = JSON.parse(exchanges.find((x) => x.purpose === 'diagnostics: create-touchpoint')?.response?.body ?? '{}') as { note?: { id?: number } };
    const urlOf = (id: string) => exchanges.find((x) => x.purpose === `diagnostics: ${id}`)?.request.url ?? '';
    expect(created.note?.id).toBeGreaterThan(30008);
    expect(urlOf('update-touchpoint')).toMatch(new RegExp(`/api/v3/touchpoints/${created.note?.id}$`));
    expect(urlOf('delete-touchpoint')).toMatch(new RegExp(`/api/v3/touchpoints/${created.note?.id}$`));
    expect(urlOf('delete-account-user')).toMatch(/\/account-user\/0011\/jordan.lee%40northwind-logistics.example$/);
    const order = exchanges.map((x) => x.purpose);
    expect(order.indexOf('diagnostics: delete-touchpoint')).toBeGreaterThan(order.indexOf('diagnostics: update-touchpoint'));
  });

  it('keeps the example ids when the creating call is denied, and reports what the server said', async () => {
    const token = await clientCredentialsToken(lab, await registerClientApp(lab, ['touchpoint:delete']));
    const matrix = await diagnose({
      target: { kind: 'mock', apiBaseUrl: lab.issuer() },
      accessToken: token.accessToken,
      grantedScopes: token.scopes,
      endpointIds: ['create-touchpoint', 'delete-touchpoint'],
      requests: { 'delete-touchpoint': { endpointId: 'delete-touchpoint', pathParams: { 'note-id': '99999' }, query: {} } },
    });
    expect(matrix.rows.map((row) => [row.endpointId, row.verdict, row.actual?.status])).toEqual([
      ['create-touchpoint', 'fail', 403],
      ['delete-touchpoint', 'pass', 404],
    ]);
    expect(matrix.rows[1]?.note).toMatch(/^allowed by "touchpoint:delete" \(exact\): reached the endpoint \(HTTP 404 not_found/);
  });

  it('refuses an unknown endpoint id, naming it', async () => {
    await expect(diagnose({ target: { kind: 'mock', apiBaseUrl: lab.issuer() }, accessToken: 'x'.repeat(40), grantedScopes: [], endpointIds: ['whoami', 'get-coffee' as 'whoami'] })).rejects.toThrow(
      'unknown endpoint "get-coffee" in "endpointId"',
    );
  });

  it('calls a mismatch when the token holds a scope that the catalogue would deny', async () => {
    const token = await clientCredentialsToken(lab, await registerClientApp(lab, ['system_user:read']));
    const matrix = await diagnose({ target: { kind: 'mock', apiBaseUrl: lab.issuer() }, accessToken: token.accessToken, grantedScopes: [], endpointIds: ['whoami'] });
    expect(matrix.rows[0]).toMatchObject({ verdict: 'mismatch', predicted: 'denied', actual: { status: 200 } });
  });
});
