import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockServerLab, renderMockServer, request } from './mock-server-testing';
import { INITIAL_REQUEST_LOG, LOG_CAPACITY, requestLogReducer } from './request-log';

const rows = () => screen.getAllByTestId('mock-request-row');
const paths = () => rows().map((row) => within(row).getAllByRole('cell')[3]!.textContent);

beforeEach(() => window.localStorage.clear());

describe('the request log', () => {
  it('fills from mock.requests, then from mock.request events, newest first', async () => {
    const lab = mockServerLab({ requests: [request(1, { path: '/oauth/authorize', method: 'GET' }), request(2)] });
    await renderMockServer(lab, 'Request log');
    await waitFor(() => expect(paths()).toEqual(['/oauth/token', '/oauth/authorize']));
    expect(lab.calls.find((call) => call.name === 'mock.requests')?.input).toEqual({ limit: LOG_CAPACITY });

    act(() => lab.emit({ name: 'mock.request', payload: request(3, { path: '/api/v1/search/accounts', status: 403, error: 'insufficient_scope', server: 'eu', tls: true }) }));
    expect(paths()).toEqual(['/api/v1/search/accounts', '/oauth/token', '/oauth/authorize']);
    const newest = within(rows()[0]!);
    expect(newest.getByText('403')).toBeTruthy();
    expect(newest.getByText('insufficient_scope')).toBeTruthy();
    expect(newest.getByText('EU')).toBeTruthy();
    expect(newest.getByText('TLS')).toBeTruthy();
    expect(newest.getByText('tl_abc')).toBeTruthy();
  });

  it('holds new requests aside while paused and shows them on resume', async () => {
    const lab = mockServerLab({ requests: [request(1)] });
    await renderMockServer(lab, 'Request log');
    await waitFor(() => expect(rows()).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    act(() => {
      lab.emit({ name: 'mock.request', payload: request(2) });
      lab.emit({ name: 'mock.request', payload: request(3) });
    });
    expect(rows()).toHaveLength(1);
    expect(screen.getByTestId('request-log-summary').textContent).toContain('Paused: 2 new requests wait');
    expect(screen.getByRole('tab', { name: /Request log/ }).textContent).toContain('paused');

    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(rows()).toHaveLength(3);
    expect(screen.getByTestId('request-log-summary').textContent).toContain('Live');
  });

  it('keeps listening while another tab of the screen is shown', async () => {
    const lab = mockServerLab();
    await renderMockServer(lab, 'Users');
    act(() => lab.emit({ name: 'mock.request', payload: request(7, { path: '/oauth/revoke' }) }));
    fireEvent.click(screen.getByRole('tab', { name: /Request log/ }));
    await waitFor(() => expect(paths()).toEqual(['/oauth/revoke']));
  });

  it('filters by server and status, and clears the view', async () => {
    const lab = mockServerLab({ requests: [request(1, { server: 'admin', path: '/admin/status' }), request(2, { status: 401, error: 'invalid_client' }), request(3, { server: 'eu', status: 500, error: 'server_error' })] });
    await renderMockServer(lab, 'Request log');
    // The Lab's own admin calls are hidden at first, and can be shown.
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(paths()).not.toContain('/admin/status');
    const hideAdmin = screen.getByRole('switch', { name: "Hide the Lab's own admin calls" }) as HTMLInputElement;
    expect(hideAdmin.checked).toBe(true);
    fireEvent.click(hideAdmin);
    await waitFor(() => expect(rows()).toHaveLength(3));

    fireEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Client errors (4xx)' }));
    await waitFor(() => expect(paths()).toEqual(['/oauth/token']));

    fireEvent.click(screen.getByRole('button', { name: 'Clear view' }));
    expect(screen.queryAllByTestId('mock-request-row')).toHaveLength(0);
    expect(screen.getByText('No requests in view yet')).toBeTruthy();
    // A request from before the clear (a late history answer) stays out; a new one comes in.
    act(() => lab.emit({ name: 'mock.request', payload: request(2, { status: 401 }) }));
    expect(screen.queryAllByTestId('mock-request-row')).toHaveLength(0);
    act(() => lab.emit({ name: 'mock.request', payload: request(4, { status: 400, error: 'invalid_grant' }) }));
    expect(rows()).toHaveLength(1);
  });
});

describe('requestLogReducer', () => {
  it('keeps one row per sequence number, newest first, at most LOG_CAPACITY', () => {
    const arrivedFirst = requestLogReducer(INITIAL_REQUEST_LOG, { type: 'arrived', request: request(LOG_CAPACITY + 20) });
    const history = Array.from({ length: LOG_CAPACITY + 20 }, (_, i) => request(i + 1));
    const state = requestLogReducer(arrivedFirst, { type: 'loaded', requests: history });
    expect(state.loading).toBe(false);
    expect(state.entries).toHaveLength(LOG_CAPACITY);
    expect(state.entries[0]!.seq).toBe(LOG_CAPACITY + 20);
    expect(state.entries.at(-1)!.seq).toBe(21);
  });
});
