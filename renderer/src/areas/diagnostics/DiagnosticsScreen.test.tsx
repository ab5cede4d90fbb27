import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../../shared/contract/wire';
import type { MatrixView } from '../../../../shared/contract/client-schemas';
import { deferred } from '../../testing/fake-lab';
import { diagnosticsLab, exchangeFor, judgedRows, matrixOf, renderDiagnostics } from './diagnostics-testing';

beforeEach(() => {
  window.location.hash = '';
});

const matrixRows = () => screen.getByRole('table', { name: 'Diagnostics matrix' }).querySelectorAll('tbody tr[data-verdict]');
const verdictsShown = () => [...matrixRows()].map((row) => row.getAttribute('data-verdict'));

describe('the empty states', () => {
  it('without a token, explains what diagnostics need and goes to Flows', async () => {
    await renderDiagnostics(diagnosticsLab({ token: null }));
    const empty = await screen.findByTestId('diagnostics-no-token');
    expect(empty.textContent).toContain('No token to run with');
    expect(screen.queryByRole('button', { name: 'Run all endpoints' })).toBeNull();
    fireEvent.click(within(empty).getByRole('button', { name: 'Go to Flows' }));
    expect(window.location.hash).toBe('#/flows');
  });

  it('with a token and no run yet, says what a run does next to the Run button', async () => {
    await renderDiagnostics(diagnosticsLab());
    const empty = await screen.findByTestId('diagnostics-not-run');
    expect(empty.textContent).toMatch(/calls each of the 29 catalogued Totango endpoints with the current token/);
    expect(within(empty).getByRole('button', { name: 'Run all endpoints' })).toBeTruthy();
  });

  it('shows the last matrix on arrival, without running anything', async () => {
    const lab = diagnosticsLab({ last: matrixOf(judgedRows()) });
    await renderDiagnostics(lab);
    await screen.findByRole('table', { name: 'Diagnostics matrix' });
    expect(matrixRows()).toHaveLength(29);
    expect(screen.getByRole('listitem', { name: 'Pass: 7' })).toBeTruthy();
    expect(screen.getByRole('listitem', { name: 'Fail: 22' })).toBeTruthy();
    expect(lab.calls.map((c) => c.name)).not.toContain('diagnostics.run');
  });
});

describe('a run', () => {
  it('fills the matrix live from diagnostics.row events, with its progress, then shows the answer', async () => {
    const lab = diagnosticsLab();
    const answer = deferred<MatrixView>();
    lab.answer('diagnostics.run', () => answer.promise);
    await renderDiagnostics(lab);
    fireEvent.click(await screen.findByRole('button', { name: 'Run all endpoints' }));
    expect(await screen.findByTestId('diagnostics-progress')).toHaveProperty('textContent', '0 of 29');
    expect(lab.calls.find((c) => c.name === 'diagnostics.run')?.input).toEqual({ confirmedWrites: [] });

    const rows = judgedRows();
    act(() => rows.slice(0, 12).forEach((row) => lab.emit({ name: 'diagnostics.row', payload: { runId: 'run-1', row } })));
    expect(screen.getByTestId('diagnostics-progress').textContent).toBe('12 of 29');
    expect(screen.getByRole('progressbar', { name: 'Diagnostics progress' }).getAttribute('aria-valuetext')).toBe('12 of 29 endpoints');
    expect(matrixRows()).toHaveLength(12);
    expect(screen.getByRole('listitem', { name: 'Fail: 11' })).toBeTruthy();
    // Another run's rows are not this one's.
    act(() => lab.emit({ name: 'diagnostics.row', payload: { runId: 'run-0', row: rows[20]! } }));
    expect(matrixRows()).toHaveLength(12);
    expect(screen.getByRole('button', { name: 'Run all endpoints' }).hasAttribute('data-loading')).toBe(true);

    await act(async () => answer.resolve(matrixOf(rows)));
    await waitFor(() => expect(screen.queryByTestId('diagnostics-progress')).toBeNull());
    expect(matrixRows()).toHaveLength(29);
    expect(screen.getByRole('listitem', { name: 'Pass: 7' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeTruthy();
  });

  it('reports a refused run with its cause, and offers to run again', async () => {
    const lab = diagnosticsLab();
    lab.answer('diagnostics.run', () => {
      throw new ContractError({ code: 'not_found', message: 'no current token: run a flow or paste a token first' });
    });
    await renderDiagnostics(lab);
    fireEvent.click(await screen.findByRole('button', { name: 'Run all endpoints' }));
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('running the diagnostics');
    expect(notice.textContent).toContain('no current token: run a flow or paste a token first');
    expect(screen.getByRole('button', { name: 'Run all endpoints' }).hasAttribute('data-loading')).toBe(false);
  });
});

describe('filters', () => {
  it('filters by verdict with counts, by entity and by text', async () => {
    await renderDiagnostics(diagnosticsLab({ last: matrixOf(judgedRows()) }));
    await screen.findByRole('table', { name: 'Diagnostics matrix' });
    const verdicts = screen.getByRole('radiogroup', { name: 'Show rows by verdict' });
    expect(within(verdicts).getAllByRole('radio').map((radio) => radio.closest('div')?.textContent)).toEqual(['All 29', 'Pass 7', 'Fail 22', 'Mismatch 0', 'Error 0', 'Skipped 0']);

    fireEvent.click(within(verdicts).getByRole('radio', { name: 'Fail 22' }));
    expect(verdictsShown()).toHaveLength(22);
    expect(new Set(verdictsShown())).toEqual(new Set(['fail']));

    fireEvent.change(screen.getByRole('textbox', { name: 'Search' }), { target: { value: 'touchpoint' } });
    // Touchpoints are all covered by touchpoint:all: no failure left, and the counts follow the search.
    expect(screen.getByText('No row matches these filters.')).toBeTruthy();
    expect(within(verdicts).getByRole('radio', { name: 'Pass 6' })).toBeTruthy();
    fireEvent.click(within(verdicts).getByRole('radio', { name: 'All 6' }));
    expect(verdictsShown()).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);

    fireEvent.change(screen.getByRole('textbox', { name: 'Search' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('combobox', { name: 'Entity' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Accounts' }));
    await waitFor(() => expect([...matrixRows()].map((row) => row.getAttribute('data-endpoint'))).toEqual(['search-accounts', 'upsert-accounts', 'upsert-account-attributes']));
    expect(verdictsShown()).toEqual(['pass', 'fail', 'fail']);
  });
});

describe('a failure row', () => {
  it('opens onto its cause in plain words, the scope that fixes it, and its HTTP exchange (the timeline read once)', async () => {
    const rows = judgedRows();
    const lab = diagnosticsLab({ last: matrixOf(rows) });
    lab.answer('recorder.timeline', () => ({ exchanges: rows.map(exchangeFor) }));
    await renderDiagnostics(lab);
    await screen.findByRole('table', { name: 'Diagnostics matrix' });
    const toggle = screen.getByRole('button', { name: 'Details of Create or update accounts' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // Collapsed, the row already says which scope to add.
    const collapsed = document.querySelector('tr[data-endpoint="upsert-accounts"]') as HTMLElement;
    expect(within(collapsed).getByTestId('row-fix').textContent).toBe('add account:upsert');
    expect(document.querySelector('tr[data-endpoint="search-accounts"] [data-testid="row-fix"]')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const details = document.querySelector('[data-details-of="upsert-accounts"]') as HTMLElement;
    expect(within(details).getByTestId('row-cause').textContent).toBe(
      'The token holds no scope that covers "account:upsert", which POST /int-hub/api/v1/accounts requires, so the server refused it with 403 insufficient_scope, as the scope rules predicted.',
    );
    const fix = within(details).getByRole('group', { name: 'The fix' });
    expect(within(fix).getByTestId('fix-text').textContent).toBe("Add account:upsert to the app's scopes");
    expect(fix.textContent).toContain('account:all');
    expect(fix.textContent).toContain('admin');
    expect(within(fix).getByRole('button', { name: 'Copy account:upsert' })).toBeTruthy();
    expect(await within(details).findByText('http://127.0.0.1:4781/int-hub/api/v1/accounts')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Details of Search users' }));
    const second = document.querySelector('[data-details-of="search-users"]') as HTMLElement;
    expect(await within(second).findByText('http://127.0.0.1:4781/api/v1/search/users')).toBeTruthy();
    expect(lab.calls.filter((c) => c.name === 'recorder.timeline')).toHaveLength(1);

    fireEvent.click(toggle);
    expect(document.querySelector('[data-details-of="upsert-accounts"]')).toBeNull();
  });

  it('shows an exchange that arrived as a recorder.exchange event without reading the timeline', async () => {
    const rows = judgedRows();
    const lab = diagnosticsLab({ last: matrixOf(rows) });
    await renderDiagnostics(lab);
    await screen.findByRole('table', { name: 'Diagnostics matrix' });
    const whoami = rows.find((r) => r.endpointId === 'whoami')!;
    act(() => lab.emit({ name: 'recorder.exchange', payload: exchangeFor(whoami) }));
    fireEvent.click(screen.getByRole('button', { name: 'Details of The user the token acts as' }));
    expect(await screen.findByText('http://127.0.0.1:4781/api/v1/users/whoami')).toBeTruthy();
    expect(lab.calls.map((c) => c.name)).not.toContain('recorder.timeline');
  });

  it('says so when the exchange is no longer on the timeline', async () => {
    const lab = diagnosticsLab({ last: matrixOf(judgedRows()) });
    lab.answer('recorder.timeline', () => ({ exchanges: [] }));
    await renderDiagnostics(lab);
    fireEvent.click(await screen.findByRole('button', { name: 'Details of Search users' }));
    expect(await screen.findByText(/This exchange is no longer on the timeline \(it was cleared\)/)).toBeTruthy();
  });

  it('marks a mismatch as worth a support ticket', async () => {
    const rows = judgedRows().map((row) =>
      row.endpointId === 'search-accounts' ? { ...row, verdict: 'mismatch' as const, note: '"account:read" covers "account:read" (exact), yet the server answered 403 insufficient_scope: worth a support ticket' } : row,
    );
    await renderDiagnostics(diagnosticsLab({ last: matrixOf(rows) }));
    const row = (await screen.findByRole('table', { name: 'Diagnostics matrix' })).querySelector('tr[data-endpoint="search-accounts"]') as HTMLElement;
    expect(row.getAttribute('data-verdict')).toBe('mismatch');
    expect(row.textContent).toContain('Mismatch');
    expect(row.textContent).toContain('worth a support ticket');
  });
});
