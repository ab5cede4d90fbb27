import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUE } from '../../../../shared/catalogue';
import type { TargetView } from '../../contract/lab-client';
import { MOCK_TARGET } from '../../testing/fake-lab';
import { diagnosticsLab, judgedRows, matrixOf, renderDiagnostics, tokenWith } from './diagnostics-testing';

const saved = vi.hoisted(() => [] as unknown[]);
vi.mock('../../components/save-file', () => ({ saveFile: (file: unknown) => saved.push(file) }));

const US: TargetView = { key: 'totango:us', kind: 'totango', region: 'us', label: 'Totango US', baseUrl: 'https://api.totango.com', credentials: null };

beforeEach(() => {
  window.location.hash = '';
  saved.length = 0;
});

describe('a run against a real region', () => {
  it('lists the writes and deletes, none ticked, and passes only the ticked ones as confirmedWrites', async () => {
    const lab = diagnosticsLab({ token: tokenWith(['account:read'], US.key) });
    lab.answer('targets.list', () => ({ targets: [MOCK_TARGET, US], selected: US.key }));
    lab.answer('diagnostics.run', () => matrixOf(judgedRows()));
    await renderDiagnostics(lab);
    fireEvent.click(await screen.findByRole('button', { name: 'Run all endpoints' }));

    const dialog = await screen.findByRole('dialog', { name: 'Run the diagnostics against Totango US?' });
    const reads = CATALOGUE.filter((e) => e.effect === 'read').length;
    expect(dialog.textContent).toContain(`Totango US is treated as a real Totango tenant. The ${reads} reads run freely`);
    const boxes = within(within(dialog).getByRole('group', { name: 'Writes and deletes to run' })).getAllByRole('checkbox');
    expect(boxes).toHaveLength(CATALOGUE.length - reads);
    expect(boxes.every((box) => !(box as HTMLInputElement).checked)).toBe(true);
    expect(within(dialog).getByRole('button', { name: 'Run the reads only' })).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Run Delete a touchpoint (DELETE /api/v3/touchpoints/{note-id})' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Run Create a touchpoint (POST /api/v3/touchpoints)' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Run Create or update accounts (POST /int-hub/api/v1/accounts)' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Run Create or update accounts (POST /int-hub/api/v1/accounts)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Run the reads and 2 writes' }));

    await waitFor(() => expect(lab.calls.filter((c) => c.name === 'diagnostics.run').map((c) => c.input)).toEqual([{ confirmedWrites: ['create-touchpoint', 'delete-touchpoint'] }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('runs nothing when the dialog is cancelled, and asks afresh the next time', async () => {
    const lab = diagnosticsLab();
    lab.answer('targets.list', () => ({ targets: [MOCK_TARGET, US], selected: US.key }));
    await renderDiagnostics(lab);
    fireEvent.click(await screen.findByRole('button', { name: 'Run all endpoints' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Run Create a touchpoint (POST /api/v3/touchpoints)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(lab.calls.map((c) => c.name)).not.toContain('diagnostics.run');

    fireEvent.click(screen.getByRole('button', { name: 'Run all endpoints' }));
    const again = await screen.findByRole('dialog');
    expect(within(again).getAllByRole('checkbox').every((box) => !(box as HTMLInputElement).checked)).toBe(true);
  });

  it('runs straight away on the mock, with no write to confirm', async () => {
    const lab = diagnosticsLab();
    lab.answer('diagnostics.run', () => matrixOf(judgedRows()));
    await renderDiagnostics(lab);
    fireEvent.click(await screen.findByRole('button', { name: 'Run all endpoints' }));
    await screen.findByRole('table', { name: 'Diagnostics matrix' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(lab.calls.filter((c) => c.name === 'diagnostics.run').map((c) => c.input)).toEqual([{ confirmedWrites: [] }]);
  });
});

describe('export', () => {
  it('saves the matrix as CSV and as JSON through saveFile', async () => {
    const lab = diagnosticsLab({ last: matrixOf(judgedRows()) });
    const file = (format: string) => ({ fileName: `diagnostics-2026-11-29T10-01-00Z.${format}`, mediaType: 'text/plain', encoding: 'utf8', content: `${format} content` });
    lab.answer('diagnostics.export', (input) => file((input as { format: string }).format));
    await renderDiagnostics(lab);
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toEqual([file('csv')]));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(saved).toEqual([file('csv'), file('json')]));
    expect(lab.calls.filter((c) => c.name === 'diagnostics.export').map((c) => c.input)).toEqual([{ format: 'csv' }, { format: 'json' }]);
  });
});
