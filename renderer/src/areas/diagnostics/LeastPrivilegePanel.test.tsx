import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../../shared/contract/wire';
import { diagnosticsLab, renderDiagnostics } from './diagnostics-testing';

beforeEach(() => {
  window.location.hash = '';
});

const ANSWER = {
  needed: [
    { scope: 'account:read', endpointIds: ['search-accounts'] },
    { scope: 'touchpoint:create', endpointIds: ['create-touchpoint'] },
    { scope: 'touchpoint:update', endpointIds: ['update-touchpoint'] },
  ],
  missing: ['system_user:read'],
  warnings: [
    { kind: 'entity_all', scope: 'touchpoint:all', message: '"touchpoint:all" grants every operation on its entity; the integration needs only "touchpoint:create"' },
    { kind: 'admin', scope: 'admin', message: '"admin" grants every scope; the integration needs only "account:read"' },
    { kind: 'unused', scope: 'event:read', message: '"event:read" covers none of the endpoints the integration needs; remove it' },
  ],
};

describe('the least-privilege recommender', () => {
  it('asks for the ticked endpoints, by one or by entity, and shows the smallest scopes, what the token lacks and its wider grants', async () => {
    const lab = diagnosticsLab();
    lab.answer('diagnostics.leastPrivilege', () => ANSWER);
    await renderDiagnostics(lab);
    fireEvent.click(await screen.findByRole('tab', { name: 'Least privilege' }));
    expect(await screen.findByText('Nothing ticked yet.')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Search accounts (POST /api/v1/search/accounts)' }));
    const touchpoints = screen.getByRole('group', { name: 'Touchpoints' });
    const all = within(touchpoints).getByRole('checkbox', { name: 'Select all of touchpoints' });
    fireEvent.click(all);
    expect(within(touchpoints).getAllByRole('checkbox').every((box) => (box as HTMLInputElement).checked)).toBe(true);
    fireEvent.click(within(touchpoints).getByRole('checkbox', { name: 'Delete a touchpoint (DELETE /api/v3/touchpoints/{note-id})' }));
    expect((all as HTMLInputElement).checked).toBe(false);
    expect(all.getAttribute('data-indeterminate')).toBe('true');

    await waitFor(() =>
      expect(lab.calls.filter((c) => c.name === 'diagnostics.leastPrivilege').at(-1)?.input).toEqual({
        endpointIds: ['search-accounts', 'create-touchpoint', 'update-touchpoint', 'list-touchpoint-types', 'list-touchpoint-tags', 'list-activity-types'],
      }),
    );
    const result = await screen.findByRole('region', { name: 'Least-privilege scopes' });
    expect(within(result).getByTestId('least-privilege-scopes').textContent).toBe('account:read touchpoint:create touchpoint:update');
    expect(within(result).getByRole('button', { name: 'Copy the scopes' })).toBeTruthy();
    expect(result.textContent).toContain('The current token lacks:system_user:read');
    const warnings = [...result.querySelectorAll('[data-warning]')].map((item) => [item.getAttribute('data-warning'), item.textContent]);
    expect(warnings).toEqual([
      ['entity_all', `The token holds a whole entity: ${ANSWER.warnings[0]!.message}.`],
      ['admin', `The token holds admin: ${ANSWER.warnings[1]!.message}.`],
      ['unused', `The token holds a scope nothing needs: ${ANSWER.warnings[2]!.message}.`],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Clear the ticks' }));
    expect(await screen.findByText('Nothing ticked yet.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Least-privilege scopes' })).toBeNull();
  });

  it('shows a refusal as a notification with its cause', async () => {
    const lab = diagnosticsLab();
    lab.answer('diagnostics.leastPrivilege', () => {
      throw new ContractError({ code: 'invalid_input', message: 'invalid "endpointIds"' });
    });
    await renderDiagnostics(lab);
    fireEvent.click(await screen.findByRole('tab', { name: 'Least privilege' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Search accounts (POST /api/v1/search/accounts)' }));
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('working out the least-privilege scopes');
    expect(notice.textContent).toContain('invalid "endpointIds"');
  });
});
