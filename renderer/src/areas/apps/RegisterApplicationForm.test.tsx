/**
 * The registration form in the window: checked as the person types, the :all shortcut
 * and the admin warning, what it sends, and the mock's refusals on their field or, for
 * the limit, across the form with the way to raise it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../../shared/contract/wire';
import { application, appsLab, LIMIT_MESSAGE, renderApps } from './apps-testing';

beforeEach(() => window.localStorage.clear());

async function openForm(lab = appsLab()) {
  await renderApps(lab);
  fireEvent.click(screen.getByRole('button', { name: 'Register an application' }));
  const form = await screen.findByRole('form', { name: 'Register New OAuth Application' });
  return { lab, form: within(form) };
}

const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });
const creates = (lab: ReturnType<typeof appsLab>) => lab.calls.filter((c) => c.name === 'applications.create');

describe('the Register New OAuth Application form', () => {
  it('lays out the article’s fields in its order, then the region', async () => {
    const { form } = await openForm();
    const labels = [/^Application name/, /^Mutual TLS/, 'Hours', 'Minutes', 'Authorization Code', 'Client Credentials', 'Callback URL 1', 'account:read', 'admin', 'US (api.totango.com)'];
    const elements = labels.map((label) => form.getAllByLabelText(label)[0]!);
    for (let i = 1; i < elements.length; i += 1) {
      expect(elements[i - 1]!.compareDocumentPosition(elements[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect((form.getByRole('switch', { name: /^Mutual TLS/ }) as HTMLInputElement).checked).toBe(false);
    expect((form.getByLabelText('Hours') as HTMLInputElement).value).toBe('24');
    expect((form.getByLabelText('Callback URL 1') as HTMLInputElement).value).toBe('http://127.0.0.1:8765/callback');
  });

  it('checks the fields as the person types, not before', async () => {
    const { form } = await openForm();
    expect(form.queryByText('Enter the application name.')).toBeNull();
    const name = form.getByLabelText(/Application name/);
    type(name, 'R');
    type(name, '');
    expect(form.getByText('Enter the application name.')).toBeTruthy();
    type(name, 'Renewals sync');
    expect(form.queryByText('Enter the application name.')).toBeNull();

    type(form.getByLabelText('Callback URL 1'), 'http://app.example.com/cb');
    expect(form.getByText('Plain http is allowed only on a loopback host: use https, or http://127.0.0.1 (RFC 8252).')).toBeTruthy();
    type(form.getByLabelText('Callback URL 1'), 'https://app.example.com/cb');
    expect(form.queryByText(/Plain http/)).toBeNull();

    type(form.getByLabelText('Hours'), '25');
    expect(form.getByText('At most 24 hours, the maximum Totango allows.')).toBeTruthy();
  });

  it('shows every problem and sends nothing when Create Application is pressed too early', async () => {
    const { lab, form } = await openForm();
    fireEvent.click(form.getByLabelText('Client Credentials'));
    fireEvent.click(form.getByRole('button', { name: 'Create Application' }));
    expect(form.getByText('Enter the application name.')).toBeTruthy();
    expect(form.getByText('Select the user the application acts as.')).toBeTruthy();
    expect(form.getByText('Select at least one scope.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(form.getByLabelText(/Application name/)));
    expect(creates(lab)).toHaveLength(0);
  });

  it('ticks every other scope of the entity with {entity}:all, locked, and registers only the :all', async () => {
    const { lab, form } = await openForm();
    type(form.getByLabelText(/Application name/), 'Account sync');
    fireEvent.click(form.getByRole('checkbox', { name: 'account:read' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'account:all' }));
    for (const scope of ['account:read', 'account:upsert', 'account:definitions:upsert']) {
      const box = form.getByRole('checkbox', { name: scope }) as HTMLInputElement;
      expect(box.checked).toBe(true);
      expect(box.disabled).toBe(true);
      expect(form.getAllByText('Covered by account:all').length).toBe(3);
    }
    expect((form.getByRole('checkbox', { name: 'user:read' }) as HTMLInputElement).checked).toBe(false);
    expect(form.getByTestId('scopes-summary').textContent).toBe('Registers one scope: account:all');

    fireEvent.click(form.getByRole('button', { name: 'Create Application' }));
    await screen.findByTestId('registration-result');
    expect(creates(lab)[0]?.input).toMatchObject({ scopes: ['account:all'] });
  });

  it('warns on admin, in the article’s words, and only while it is ticked', async () => {
    const { form } = await openForm();
    expect(form.queryByTestId('admin-warning')).toBeNull();
    fireEvent.click(form.getByRole('checkbox', { name: 'admin' }));
    expect(form.getByTestId('admin-warning').textContent).toContain('usually considered a security anti-pattern in production systems');
    expect((form.getByRole('checkbox', { name: 'touchpoint:delete' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(form.getByRole('checkbox', { name: 'admin' }));
    expect(form.queryByTestId('admin-warning')).toBeNull();
  });

  it('offers only the active users as acting users and sends the one picked', async () => {
    const { lab, form } = await openForm();
    type(form.getByLabelText(/Application name/), 'Renewals sync');
    fireEvent.click(form.getByLabelText('Client Credentials'));
    expect(form.queryByLabelText('Callback URL 1')).toBeNull();
    fireEvent.click(form.getByRole('combobox', { name: /^Acting user/ }));
    const options = screen.getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['Maya Cohen (maya.cohen@acme-demo.example)', 'Integration Bot (integration.bot@acme-demo.example)']);
    fireEvent.click(screen.getByRole('option', { name: 'Integration Bot (integration.bot@acme-demo.example)' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'account:read' }));
    fireEvent.click(form.getByRole('button', { name: 'Create Application' }));
    await screen.findByTestId('registration-result');
    expect(creates(lab)[0]?.input).toEqual({ name: 'Renewals sync', region: 'us', grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read'], accessTokenTtlSeconds: 86_400, mutualTls: false });
  });

  it("puts the mock's field error on its field, and takes it away when the field changes", async () => {
    const lab = appsLab();
    lab.answer('applications.create', () => {
      throw new ContractError({ code: 'validation_failed', message: 'callback URL "https://app.example.com/cb" is listed twice', field: 'callbackUrls.0' });
    });
    const { form } = await openForm(lab);
    type(form.getByLabelText(/Application name/), 'Portal');
    type(form.getByLabelText('Callback URL 1'), 'https://app.example.com/cb');
    fireEvent.click(form.getByRole('checkbox', { name: 'event:read' }));
    fireEvent.click(form.getByRole('button', { name: 'Create Application' }));
    const input = form.getByLabelText('Callback URL 1');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(form.getByText('callback URL "https://app.example.com/cb" is listed twice')).toBeTruthy();
    type(input, 'https://app.example.com/other');
    expect(form.queryByText(/is listed twice/)).toBeNull();
  });

  it('refuses the third application with the mock’s own message, inline, and points at the Mock server screen', async () => {
    const lab = appsLab([application({ clientId: 'c-1', name: 'One' }), application({ clientId: 'c-2', name: 'Two' })]);
    await renderApps(lab);
    expect(screen.getByTestId('application-count').textContent).toBe('2 of 2 applications');
    fireEvent.click(screen.getByRole('button', { name: 'Register an application' }));
    const form = within(await screen.findByRole('form', { name: 'Register New OAuth Application' }));
    type(form.getByLabelText(/Application name/), 'Three');
    fireEvent.click(form.getByRole('checkbox', { name: 'event:read' }));
    fireEvent.click(form.getByRole('button', { name: 'Create Application' }));
    const refusal = await form.findByTestId('limit-refusal');
    expect(refusal.textContent).toContain(LIMIT_MESSAGE);
    expect(within(refusal).getByRole('link', { name: 'Mock server screen' }).getAttribute('href')).toBe('#/mock-server');
    expect(screen.queryByTestId('registration-result')).toBeNull();
  });
});
