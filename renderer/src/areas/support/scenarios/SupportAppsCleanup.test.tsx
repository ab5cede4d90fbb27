/**
 * The checklist leaves the account as it found it: set up again, a scenario reuses its
 * app (no new registration, no higher limit), and "Remove the support apps" deletes every
 * "Support · …" app and puts the limit back, once confirmed.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountLab, application, renderSupport, type FakeAccount } from '../support-testing';

beforeEach(() => {
  window.location.hash = '';
  window.sessionStorage.clear();
});

const card = (id: string) => document.querySelector<HTMLElement>(`[data-scenario="${id}"]`)!;
const names = (calls: readonly { name: string }[]) => calls.map((call) => call.name);

async function runScenario(account: FakeAccount, id: string, title: string) {
  const before = account.lab.calls.length;
  fireEvent.click(within(card(id)).getByRole('button', { name: `Set up: ${title}` }));
  await waitFor(() => expect(card(id).getAttribute('data-status')).toMatch(/done|failed/));
  expect(card(id).getAttribute('data-status')).toBe('done');
  return account.lab.calls.slice(before);
}

const KEPT: readonly (readonly [string, string])[] = [
  ['disabled-user', 'Disabled acting user'],
  ['expired-certificate', 'Expired certificate'],
  ['missing-scope', 'Missing scope'],
  ['wrong-region', 'Wrong region'],
  ['redirect-mismatch', 'Redirect URI mismatch'],
];

describe('set up again', () => {
  it('reuses each scenario’s app: no second registration, and the limit does not rise again', async () => {
    const account = accountLab({ applications: [application({ clientId: 'customer', name: 'Customer A' })] });
    await renderSupport(account.lab);
    for (const [id, title] of KEPT) await runScenario(account, id, title);
    await runScenario(account, 'deleted-app', 'Deleted app');
    expect(account.applications()).toHaveLength(6);
    expect(account.limit()).toBe(6);
    for (const [id, title] of KEPT) {
      const again = await runScenario(account, id, title);
      expect(names(again)).not.toContain('applications.create');
      expect(names(again)).not.toContain('mock.updateSettings');
    }
    const deletedAgain = await runScenario(account, 'deleted-app', 'Deleted app');
    expect(card('deleted-app').textContent).toContain('Put the application limit back to 6');
    expect(names(deletedAgain).filter((name) => name === 'applications.create')).toHaveLength(1);
    expect(account.applications()).toHaveLength(6);
    expect(account.limit()).toBe(6);
  });
});

describe('Remove the support apps', () => {
  it('deletes every “Support · …” app, keeps the others, and puts the limit back to what it was, once confirmed', async () => {
    const account = accountLab({ applications: [application({ clientId: 'customer', name: 'Customer A' })] });
    await renderSupport(account.lab);
    await runScenario(account, 'missing-scope', 'Missing scope');
    await runScenario(account, 'wrong-region', 'Wrong region');
    expect(account.limit()).toBe(3);

    fireEvent.click(screen.getByRole('button', { name: 'Remove the support apps' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove the support apps?' });
    await waitFor(() => expect(within(dialog).getByRole('list', { name: 'Support apps to remove' }).textContent).toContain('Support · EU app'));
    expect(within(dialog).getByRole('list', { name: 'Support apps to remove' }).textContent).not.toContain('Customer A');
    expect(dialog.textContent).toContain('from 3 back to 2');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep them' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Remove the support apps?' })).toBeNull());
    expect(names(account.lab.calls)).not.toContain('applications.remove');

    fireEvent.click(screen.getByRole('button', { name: 'Remove the support apps' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Remove the support apps?' })).getByRole('button', { name: 'Remove and restore the limit' }));
    expect((await screen.findByTestId('support-cleanup-result')).textContent).toBe('Removed 2 support apps; the application limit is back to 2 (it was 3).');
    expect(account.applications().map((app) => app.name)).toEqual(['Customer A']);
    expect(account.limit()).toBe(2);
  });

  it('puts the limit back to Totango’s 2 when the checklist did not raise it in this session', async () => {
    const account = accountLab({ applications: [application({ clientId: 'old', name: 'Support · missing scope', secretInLab: false })], limit: 5 });
    await renderSupport(account.lab);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the support apps' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove the support apps?' });
    expect(dialog.textContent).toContain('Totango’s limit');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove and restore the limit' }));
    expect((await screen.findByTestId('support-cleanup-result')).textContent).toBe('Removed 1 support app; the application limit is back to 2 (it was 5).');
    expect(account.applications()).toEqual([]);
    expect(account.limit()).toBe(2);
  });
});
