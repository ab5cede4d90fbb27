import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FaultView } from '../../../../shared/contract/mock-schemas';
import { ContractError } from '../../../../shared/contract/wire';
import { faultInputOf, INITIAL_FAULT_DRAFT } from './fault-form';
import { callsTo, mockServerLab, renderMockServer, request } from './mock-server-testing';

/** A Lab whose fault list keeps what the screen injects and clears. */
function faultsLab() {
  const lab = mockServerLab();
  let faults: FaultView[] = [];
  let next = 1;
  lab.answer('faults.list', () => ({ faults }));
  lab.answer('faults.inject', (input) => {
    const fault = { ...(input as Omit<FaultView, 'id' | 'remaining'>), id: `f-${next++}` } as FaultView;
    const count = (input as { count?: number }).count;
    faults = [...faults, { ...fault, remaining: count ?? (fault.kind === 'latency' ? null : 1) }];
    return faults.at(-1);
  });
  lab.answer('faults.clear', (input) => {
    faults = faults.filter((f) => f.id !== (input as { faultId: string }).faultId);
    return { done: true };
  });
  return { lab, useUp: () => (faults = faults.map((f) => ({ ...f, remaining: f.remaining === null ? null : f.remaining - 1 })).filter((f) => f.remaining !== 0)) };
}

const injectButton = () => screen.getByRole('button', { name: 'Inject fault' });
const change = (label: string, value: string) => fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });

describe('fault injection', () => {
  it('refuses an error with neither status nor code, a malformed code, and latency without milliseconds', async () => {
    const { lab } = faultsLab();
    await renderMockServer(lab, 'Faults');
    await screen.findByText(/No fault is in force/);

    change('HTTP status', '');
    change('OAuth error code', '');
    fireEvent.click(injectButton());
    expect(await screen.findByText('An error needs an HTTP status, an OAuth error code, or both')).toBeTruthy();

    change('OAuth error code', 'bad "code"');
    expect(await screen.findByText('An OAuth error code is printable ASCII without quotes or backslashes')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Latency' }));
    change('Latency (ms)', '');
    fireEvent.click(injectButton());
    expect(await screen.findByText('Latency needs a number of milliseconds')).toBeTruthy();
    expect(callsTo(lab, 'faults.inject')).toEqual([]);
  });

  it('injects a token-endpoint error, lists it with its count, counts it down as requests use it, and clears it', async () => {
    const { lab, useUp } = faultsLab();
    await renderMockServer(lab, 'Faults');
    await screen.findByText(/No fault is in force/);

    change('HTTP status', '401');
    change('Requests affected', '2');
    fireEvent.click(injectButton());
    await waitFor(() => expect(callsTo(lab, 'faults.inject')).toEqual([{ target: 'token', kind: 'error', count: 2, status: 401, error: 'invalid_client' }]));
    const row = await screen.findByTestId('fault-row');
    expect(row.textContent).toContain('Token endpoint (/oauth/token)');
    expect(row.textContent).toContain('HTTP 401 invalid_client');
    expect(row.textContent).toContain('2 more requests');

    // A region served a request: the list is read again, and the count went down.
    useUp();
    act(() => lab.emit({ name: 'mock.request', payload: request(9, { status: 401, error: 'invalid_client' }) }));
    await waitFor(() => expect(screen.getByTestId('fault-row').textContent).toContain('1 more request'));

    fireEvent.click(within(row).getByRole('button', { name: 'Clear the fault on Token endpoint (/oauth/token)' }));
    await waitFor(() => expect(callsTo(lab, 'faults.clear')).toEqual([{ faultId: 'f-1' }]));
    expect(await screen.findByText(/No fault is in force/)).toBeTruthy();
  });

  it('shows a field the mock refused next to that field', async () => {
    const { lab } = faultsLab();
    lab.answer('faults.inject', () => {
      throw new ContractError({ code: 'validation_failed', message: 'invalid "status": too big', field: 'status' });
    });
    await renderMockServer(lab, 'Faults');
    fireEvent.click(injectButton());
    expect(await screen.findByText('invalid "status": too big')).toBeTruthy();
  });
});

describe('faultInputOf', () => {
  it('sends only the fields of the kind chosen', () => {
    expect(faultInputOf({ ...INITIAL_FAULT_DRAFT, kind: 'rate_limit', count: 3, retryAfterSeconds: 30 })).toEqual({ target: 'token', kind: 'rate_limit', count: 3, retryAfterSeconds: 30 });
    expect(faultInputOf({ ...INITIAL_FAULT_DRAFT, target: 'search-accounts', kind: 'latency', count: '', latencyMs: 800 })).toEqual({ target: 'search-accounts', kind: 'latency', latencyMs: 800 });
    expect(faultInputOf({ ...INITIAL_FAULT_DRAFT, status: '', error: ' temporarily_unavailable ', errorDescription: ' down ' })).toEqual({ target: 'token', kind: 'error', count: 1, error: 'temporarily_unavailable', errorDescription: 'down' });
  });
});
