import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MockUserView } from '../../../../shared/contract/mock-schemas';
import { ContractError } from '../../../../shared/contract/wire';
import { app, callsTo, mockServerLab, renderMockServer, SAMPLE_USERS } from './mock-server-testing';

const APPS = [app('tl_sync', 'Nightly sync', 'u-1003'), app('tl_report', 'Weekly report', 'u-1003'), app('tl_web', 'Portal login', null), app('tl_other', 'Maya export', 'u-1001')];
const row = (userId: string) => screen.getByTestId(`user-row-${userId}`);

describe('the users', () => {
  it('lists each user with name, email, role, status badge and the apps acting as them', async () => {
    await renderMockServer(mockServerLab({ applications: APPS }), 'Users');
    const bot = await screen.findByTestId('user-row-u-1003');
    expect(bot.textContent).toContain('Integration Bot');
    expect(bot.textContent).toContain('integration.bot@acme-demo.example');
    expect(within(bot).getByLabelText('Status: active')).toBeTruthy();
    expect(bot.textContent).toContain('Nightly sync, Weekly report');
    expect(within(row('u-1004')).getByRole('button', { name: 'Activate Priya Raman' })).toBeTruthy();
  });

  it('disables a user and shows the new status', async () => {
    const lab = mockServerLab();
    await renderMockServer(lab, 'Users');
    fireEvent.click(await screen.findByRole('button', { name: 'Disable Maya Cohen' }));
    await waitFor(() => expect(within(row('u-1001')).getByLabelText('Status: disabled')).toBeTruthy());
    expect(callsTo(lab, 'users.setStatus')).toEqual([{ userId: 'u-1001', status: 'disabled' }]);
    expect(within(row('u-1001')).getByRole('button', { name: 'Activate Maya Cohen' })).toBeTruthy();
  });

  it('asks before deleting, says deletion is final, and lists the client-credentials apps that stop working', async () => {
    const lab = mockServerLab({ applications: APPS });
    await renderMockServer(lab, 'Users');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Integration Bot' }));

    const dialog = await screen.findByRole('dialog', { name: 'Delete Integration Bot?' });
    expect(dialog.textContent).toContain('Deletion is final');
    expect(dialog.textContent).toContain('the token endpoint refuses them, and the tokens they hold stop working');
    const apps = within(within(dialog).getByRole('list', { name: 'Applications acting as this user' })).getAllByRole('listitem');
    expect(apps.map((item) => item.textContent)).toEqual(['Nightly sync tl_sync', 'Weekly report tl_report']);
    expect(callsTo(lab, 'users.setStatus')).toEqual([]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsTo(lab, 'users.setStatus')).toEqual([{ userId: 'u-1003', status: 'deleted' }]);
    expect(within(row('u-1003')).getByLabelText('Status: deleted')).toBeTruthy();
    expect(within(row('u-1003')).queryByRole('button')).toBeNull();
  });

  it('says when no app acts as the user, and keeps the user on cancel', async () => {
    const lab = mockServerLab({ applications: APPS });
    await renderMockServer(lab, 'Users');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Priya Raman' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Priya Raman?' });
    expect(dialog.textContent).toContain('No client-credentials application acts as this user.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep the user' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsTo(lab, 'users.setStatus')).toEqual([]);
  });
});

describe('adding a user', () => {
  const field = (name: string) => screen.getByRole('textbox', { name: new RegExp(`^${name}`) });

  it('checks the fields, refuses an email in use, and adds a valid user', async () => {
    const lab = mockServerLab();
    const added: MockUserView = { id: 'u-1006', email: 'noa.levi@acme-demo.example', firstName: 'Noa', lastName: 'Levi', role: 'admin', status: 'active', createdAt: '2026-11-29T10:00:00.000Z' };
    lab.answer('users.create', () => added);
    await renderMockServer(lab, 'Users');
    await screen.findByTestId('user-row-u-1001');

    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    expect(await screen.findByText('First name is required')).toBeTruthy();
    expect(screen.getByText('Last name is required')).toBeTruthy();
    expect(screen.getByText('Email is required')).toBeTruthy();

    fireEvent.change(field('Email'), { target: { value: 'not-an-email' } });
    expect(await screen.findByText('Enter an email address like name@example.com')).toBeTruthy();
    fireEvent.change(field('Email'), { target: { value: SAMPLE_USERS[0]!.email.toUpperCase() } });
    expect(await screen.findByText('A user with this email exists already')).toBeTruthy();

    fireEvent.change(field('First name'), { target: { value: ' Noa ' } });
    fireEvent.change(field('Last name'), { target: { value: 'Levi' } });
    fireEvent.change(field('Email'), { target: { value: 'noa.levi@acme-demo.example' } });
    fireEvent.click(screen.getByRole('combobox', { name: 'Role' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Admin' }));
    expect(callsTo(lab, 'users.create')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    await waitFor(() => expect(callsTo(lab, 'users.create')).toEqual([{ firstName: 'Noa', lastName: 'Levi', email: 'noa.levi@acme-demo.example', role: 'admin' }]));
    expect(await screen.findByText('Noa Levi was added, active.')).toBeTruthy();
    expect((field('First name') as HTMLInputElement).value).toBe('');
  });

  it('shows the email the mock refused next to the email field', async () => {
    const lab = mockServerLab();
    lab.answer('users.create', () => {
      throw new ContractError({ code: 'conflict', message: 'a user with email "x@acme-demo.example" exists already', field: 'email' });
    });
    await renderMockServer(lab, 'Users');
    await screen.findByTestId('user-row-u-1001');
    fireEvent.change(field('First name'), { target: { value: 'X' } });
    fireEvent.change(field('Last name'), { target: { value: 'Y' } });
    fireEvent.change(field('Email'), { target: { value: 'x@acme-demo.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    expect(await screen.findByText('a user with email "x@acme-demo.example" exists already')).toBeTruthy();
  });
});
