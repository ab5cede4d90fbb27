/**
 * The diagnostics service on the real mock: 29 rows, published one by one under the
 * run's id, the matrix's counts, least privilege from the current token, JSON and CSV
 * exports, and the write policy of a real tenant (a custom base URL counts as one).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue';
import type { ContractError, MatrixRowView } from '../../../shared/contract';
import { rejectionOf } from '../../client/testing/test-support';
import { MATRIX_CSV_HEADER } from './matrix-export';
import { openServices, startTestMock, type RunningMock, type ServicesUnderTest } from './services-fixture';

let running: RunningMock;
let lab: ServicesUnderTest;
let app: { clientId: string; clientSecret: string };

beforeAll(async () => {
  running = await startTestMock();
});
afterAll(async () => {
  await running.stop();
});
beforeEach(async () => {
  lab = await openServices(running);
  app = await lab.register({ grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'touchpoint:all'] });
});
afterEach(async () => {
  await lab.close();
  expect(lab.loggedErrors).toEqual([]);
});

describe('a diagnostics run on the mock', () => {
  it('runs every endpoint, publishing each row as it is judged, and keeps the matrix', async () => {
    await lab.client.targets.useApplication({ clientId: app.clientId });
    await lab.client.flows.clientCredentials({});
    const matrix = await lab.client.diagnostics.run({});

    expect(matrix.rows).toHaveLength(29);
    expect(matrix.rows.map((r) => r.endpointId)).toEqual(CATALOGUE.map((e) => e.id));
    expect(matrix.target).toEqual({ kind: 'mock', apiBaseUrl: running.mock.urls.regions.us.issuer });
    expect(matrix.grantedScopes).toEqual(['account:read', 'touchpoint:all']);
    expect(matrix.counts).toEqual({ pass: 7, fail: 22, mismatch: 0, error: 0, skipped: 0 });
    const live = lab.eventsNamed<{ runId: string; row: MatrixRowView }>('diagnostics.row');
    expect(live).toHaveLength(29);
    expect(new Set(live.map((e) => e.runId))).toEqual(new Set([matrix.runId]));
    expect(live.map((e) => e.row).sort((a, b) => a.endpointId.localeCompare(b.endpointId))).toEqual([...matrix.rows].sort((a, b) => a.endpointId.localeCompare(b.endpointId)));

    const whoami = matrix.rows.find((r) => r.endpointId === 'whoami');
    expect(whoami).toMatchObject({ verdict: 'fail', requiredScope: 'system_user:read', coveredBy: null, actual: { status: 403, error: 'insufficient_scope' }, fix: { addScope: 'system_user:read' } });
    expect(matrix.rows.find((r) => r.endpointId === 'create-touchpoint')).toMatchObject({ verdict: 'pass', coveredBy: { scope: 'touchpoint:all', rule: 'all' } });
    expect((await lab.client.diagnostics.last({})).matrix).toEqual(matrix);
  });

  it('exports the matrix as CSV, one row per endpoint under a header, and as JSON', async () => {
    const none = (await rejectionOf(lab.client.diagnostics.export({ format: 'csv' }))) as ContractError;
    expect(none).toMatchObject({ code: 'not_found', message: 'no diagnostics to export: run "diagnostics.run" first' });
    await lab.client.targets.useApplication({ clientId: app.clientId });
    await lab.client.flows.clientCredentials({});
    const matrix = await lab.client.diagnostics.run({});

    const csv = await lab.client.diagnostics.export({ format: 'csv' });
    expect(csv).toMatchObject({ mediaType: 'text/csv; charset=utf-8', encoding: 'utf8' });
    expect(csv.fileName).toMatch(/^diagnostics-[\dT-]+Z\.csv$/);
    const lines = csv.content.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe(MATRIX_CSV_HEADER.join(','));
    expect(lines[0]).toBe('endpoint,method,path,required scope,covered by,rule,predicted,status,verdict,fix,cause');
    expect(lines).toHaveLength(30);
    expect(lines.find((line) => line.startsWith('whoami,'))).toBe('whoami,GET,/api/v1/users/whoami,system_user:read,,,denied,403 insufficient_scope,fail,"add ""system_user:read"" (wider options: ""system_user:all"", ""admin"")",');
    expect(lines.find((line) => line.startsWith('create-touchpoint,'))).toMatch(/,touchpoint:all,all,allowed,200,pass,,$/);

    const json = await lab.client.diagnostics.export({ format: 'json' });
    expect(JSON.parse(json.content)).toEqual(matrix);
    expect(json.content).not.toContain(app.clientSecret);
  });

  it('names the least-privilege scopes for chosen endpoints, warning about wider grants of the current token', async () => {
    await lab.client.targets.useApplication({ clientId: app.clientId });
    await lab.client.flows.clientCredentials({});
    const review = await lab.client.diagnostics.leastPrivilege({ endpointIds: ['search-accounts', 'whoami', 'create-touchpoint'] });
    expect(review.needed).toEqual([
      { scope: 'account:read', endpointIds: ['search-accounts'] },
      { scope: 'system_user:read', endpointIds: ['whoami'] },
      { scope: 'touchpoint:create', endpointIds: ['create-touchpoint'] },
    ]);
    expect(review.missing).toEqual(['system_user:read']);
    expect(review.warnings).toEqual([{ kind: 'entity_all', scope: 'touchpoint:all', message: '"touchpoint:all" grants every operation on its entity; the integration needs only "touchpoint:create"' }]);
    expect((await lab.client.diagnostics.leastPrivilege({ endpointIds: ['whoami'], grantedScopes: ['admin'] })).warnings.map((w) => w.kind)).toEqual(['admin']);
  });
});

describe('the write policy of a real tenant', () => {
  it('runs reads and the confirmed writes only against a custom base URL, the others skipped and saying so', async () => {
    const issuer = running.mock.urls.regions.us.issuer;
    const custom = await lab.client.targets.addCustom({ baseUrl: issuer, label: 'A tenant behind a custom URL' });
    await lab.client.targets.setCredentials({ targetKey: custom.key, clientId: app.clientId, clientSecret: app.clientSecret });
    await lab.client.targets.select({ targetKey: custom.key });
    await lab.client.flows.clientCredentials({});
    const matrix = await lab.client.diagnostics.run({ confirmedWrites: ['create-touchpoint'] });

    const byId = new Map(matrix.rows.map((r) => [r.endpointId, r]));
    expect(matrix.target).toEqual({ kind: 'custom', apiBaseUrl: issuer });
    expect(byId.get('create-touchpoint')).toMatchObject({ verdict: 'pass', actual: { status: 200 } });
    expect(byId.get('search-accounts')).toMatchObject({ verdict: 'pass' });
    const skipped = matrix.rows.filter((r) => r.verdict === 'skipped');
    expect(skipped.length).toBe(CATALOGUE.filter((e) => e.effect !== 'read').length - 1);
    expect(skipped.every((r) => r.effect !== 'read' && r.actual === null)).toBe(true);
    expect(skipped[0]?.note).toBe(`skipped: not confirmed: a ${skipped[0]?.effect} on the real tenant of "${custom.key}" runs only when confirmed ("confirmedWrites")`);
    expect(matrix.counts.skipped).toBe(skipped.length);
    const sent = (await lab.client.recorder.timeline({})).exchanges.filter((e) => e.purpose.startsWith('diagnostics: '));
    expect(sent.map((e) => e.purpose.slice('diagnostics: '.length)).sort()).toEqual(matrix.rows.filter((r) => r.verdict !== 'skipped').map((r) => r.endpointId).sort());
  });
});
