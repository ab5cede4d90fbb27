/**
 * For the diagnostics screen's tests: a matrix as the main process would judge it from a
 * set of granted scopes on the mock (shared `covers()`), and the window on that screen
 * over a fake Lab.
 */
import { render, screen } from '@testing-library/react';
import { CATALOGUE } from '../../../../shared/catalogue';
import type { CurrentToken, ExchangeView, MatrixRowView, MatrixView } from '../../../../shared/contract/client-schemas';
import { COVERAGE_RULE_TEXT } from '../../../../shared/scope-rules';
import { covers, parseScope } from '../../../../shared/scopes';
import { LabApp } from '../../app/LabApp';
import { createLabStores } from '../../stores/lab-stores';
import { createFakeConnection, healthyLab, type FakeLab } from '../../testing/fake-lab';

export const GRANTED = ['account:read', 'touchpoint:all'];

export function tokenWith(scopes: readonly string[], targetKey = 'mock:us'): CurrentToken {
  return { accessToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6ImFjY291bnQ6cmVhZCJ9.c2lnbmF0dXJl', tokenType: 'Bearer', scopes: [...scopes], source: 'client_credentials', targetKey, receivedAt: '2026-11-29T10:00:00Z', overMutualTls: false };
}

function widerOptions(required: string): string[] {
  const parsed = parseScope(required);
  if (!parsed.ok || parsed.value.kind === 'admin') return [];
  const wider = parsed.value.kind === 'operation' && ['create', 'update'].includes(parsed.value.operation) ? [`${parsed.value.entity}:upsert`] : [];
  return [...wider, `${parsed.value.entity}:all`, 'admin'];
}

/** One row per catalogued endpoint: pass where a granted scope covers it, fail (403 insufficient_scope) elsewhere. */
export function judgedRows(granted: readonly string[] = GRANTED): MatrixRowView[] {
  return CATALOGUE.map((endpoint) => {
    const coverage = covers(granted, endpoint.requiredScope);
    const base = { endpointId: endpoint.id, method: endpoint.method, path: endpoint.path, effect: endpoint.effect, requiredScope: endpoint.requiredScope, exchangeId: `x-${endpoint.id}` };
    if (coverage.covered && coverage.by !== undefined && coverage.rule !== undefined) {
      return { ...base, coveredBy: { scope: coverage.by, rule: coverage.rule, ruleText: COVERAGE_RULE_TEXT[coverage.rule] }, predicted: 'allowed', actual: { status: 200, durationMs: 4 }, verdict: 'pass', note: `allowed by "${coverage.by}" (${coverage.rule}): HTTP 200` };
    }
    const wider = widerOptions(endpoint.requiredScope);
    const text = `add "${endpoint.requiredScope}" (wider options: ${wider.map((s) => `"${s}"`).join(', ')})`;
    return {
      ...base,
      coveredBy: null,
      predicted: 'denied',
      actual: { status: 403, error: 'insufficient_scope', wwwAuthenticate: `Bearer error="insufficient_scope", scope="${endpoint.requiredScope}"`, durationMs: 3 },
      verdict: 'fail',
      note: `denied as predicted: missing "${endpoint.requiredScope}"; ${text}`,
      fix: { addScope: endpoint.requiredScope, widerOptions: wider, text },
    };
  });
}

export function matrixOf(rows: readonly MatrixRowView[], runId = 'run-1'): MatrixView {
  const counts = { pass: 0, fail: 0, mismatch: 0, error: 0, skipped: 0 };
  for (const row of rows) counts[row.verdict] += 1;
  return { runId, startedAt: '2026-11-29T10:01:00.000Z', durationMs: 412, target: { kind: 'mock', apiBaseUrl: 'http://127.0.0.1:4781' }, grantedScopes: [...GRANTED], rows: [...rows], counts };
}

export function exchangeFor(row: MatrixRowView): ExchangeView {
  return {
    id: row.exchangeId ?? 'none',
    purpose: `diagnostics: ${row.endpointId}`,
    startedAt: '2026-11-29T10:01:00.100Z',
    durationMs: 3,
    request: { method: row.method, url: `http://127.0.0.1:4781${row.path}`, headers: { authorization: 'Bearer [redacted]' } },
    response: { status: row.actual?.status ?? 0, statusText: row.actual?.status === 200 ? 'OK' : 'Forbidden', headers: {}, body: '{"error":"insufficient_scope"}' },
    clientCertificate: false,
  };
}

/** A Lab with a current token (or none) and, if given, a last matrix. */
export function diagnosticsLab(options: { token?: CurrentToken | null; last?: MatrixView | null } = {}): FakeLab {
  const lab = healthyLab();
  const token = options.token === undefined ? tokenWith(GRANTED) : options.token;
  lab.answer('tokens.current', () => ({ token }));
  lab.answer('diagnostics.last', () => ({ matrix: options.last ?? null }));
  return lab;
}

/** The window on the Diagnostics area, once the screen has loaded. */
export async function renderDiagnostics(lab: FakeLab) {
  window.location.hash = '#/diagnostics';
  const stores = createLabStores(lab.client, createFakeConnection(), { answerTimeoutMs: 2_000 });
  const view = render(<LabApp stores={stores} env="test" />);
  await screen.findByRole('heading', { level: 1, name: 'Diagnostics' });
  return { ...view, stores };
}
