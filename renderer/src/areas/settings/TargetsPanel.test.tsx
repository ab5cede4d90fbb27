import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../../shared/contract/wire';
import { deferred } from '../../testing/fake-lab';
import { renderSettings, targetsLab, TOTANGO_EU } from './settings-testing';

beforeEach(() => {
  window.location.hash = '';
});

const panel = () => screen.getByRole('region', { name: 'Targets' });
const radio = (name: string) => within(panel()).getByRole('radio', { name }) as HTMLInputElement;

describe('the targets', () => {
  it('selects a target through targets.select, and shows it selected once the Lab has it', async () => {
    const { lab, selected } = targetsLab();
    await renderSettings(lab);
    await waitFor(() => expect(radio('Local mock (US)').checked).toBe(true));
    fireEvent.click(radio('Totango EU'));
    await waitFor(() => expect(selected()).toBe('totango:eu'));
    expect(lab.calls.find((call) => call.name === 'targets.select')?.input).toEqual({ targetKey: 'totango:eu' });
    await waitFor(() => expect(radio('Totango EU').checked).toBe(true));
  });

  it('shows a target\'s client ID as it is (case-sensitive), in monospace', async () => {
    const { lab } = targetsLab();
    const credentials = { clientId: 'aBc-01939615-97b0', authMethod: 'client_secret_basic', hasClientSecret: true, certificate: null, hasCustomCa: false, persisted: false } as const;
    lab.answer('targets.list', () => ({ targets: [{ ...TOTANGO_EU, credentials }], selected: 'totango:eu' }));
    await renderSettings(lab);
    const shown = await within(panel()).findByTestId('target-client-id');
    expect(shown.textContent).toBe('client aBc-01939615-97b0');
    expect(getComputedStyle(shown).textTransform).not.toBe('uppercase');
    expect(shown.querySelector('code')?.textContent).toBe('aBc-01939615-97b0');
  });

  it('shows the endpoints a target resolves to, and where they came from', async () => {
    const { lab } = targetsLab();
    const resolved = deferred<unknown>();
    lab.answer('targets.resolve', () => resolved.promise);
    await renderSettings(lab);
    fireEvent.click(await within(panel()).findByRole('button', { name: 'Show the endpoints of Totango EU' }));
    expect(within(panel()).getByRole('status', { name: 'Finding the endpoints of Totango EU' })).toBeTruthy();
    expect(lab.calls.find((call) => call.name === 'targets.resolve')?.input).toEqual({ targetKey: 'totango:eu' });
    await act(async () =>
      resolved.resolve({ key: 'totango:eu', label: 'Totango EU', issuer: 'https://api-eu1.totango.com', authorizationEndpoint: 'https://api-eu1.totango.com/oauth/authorize', tokenEndpoint: 'https://api-eu1.totango.com/oauth/token', apiBase: 'https://api-eu1.totango.com', mtlsApiBase: 'https://api-eu1.totango.com', source: 'article' }),
    );
    const table = within(panel()).getByRole('table', { name: 'Endpoints of Totango EU' });
    expect(table.textContent).toContain('https://api-eu1.totango.com/oauth/token');
    expect(table.textContent).not.toContain('JWKS');
    expect(within(panel()).getByText("The article's fixed paths (no metadata answered)")).toBeTruthy();
  });

  it('adds a custom base URL, checked first, with the Lab’s refusal shown next to the field', async () => {
    const { lab } = targetsLab();
    await renderSettings(lab);
    const form = within(panel()).getByRole('form', { name: 'Add a custom target' });
    const baseUrl = within(form).getByRole('textbox', { name: 'Base URL' });
    fireEvent.change(baseUrl, { target: { value: 'http://tenant.example' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add target' }));
    expect(await within(form).findByText('Plain http is only for a server on this computer (127.0.0.1): use https://.')).toBeTruthy();
    expect(lab.calls.some((call) => call.name === 'targets.addCustom')).toBe(false);

    lab.answer('targets.addCustom', () => {
      throw new ContractError({ code: 'invalid_configuration', message: '"baseUrl" must not carry a query, a fragment or credentials' });
    });
    fireEvent.change(baseUrl, { target: { value: 'https://tenant.example/#x' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add target' }));
    expect(await within(form).findByText('Give the base URL alone: no query, fragment or user name.')).toBeTruthy();
    fireEvent.change(baseUrl, { target: { value: 'https://tenant.example' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add target' }));
    expect(await within(form).findByText('"baseUrl" must not carry a query, a fragment or credentials')).toBeTruthy();

    lab.answer('targets.addCustom', () => ({ key: 'custom:https://tenant.example', kind: 'custom', label: 'Staging', baseUrl: 'https://tenant.example', credentials: null }));
    fireEvent.change(within(form).getByRole('textbox', { name: 'Name' }), { target: { value: 'Staging' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add target' }));
    await waitFor(() => expect((baseUrl as HTMLInputElement).value).toBe(''));
    expect(lab.calls.filter((call) => call.name === 'targets.addCustom').at(-1)?.input).toEqual({ baseUrl: 'https://tenant.example', label: 'Staging' });
  });

  it('removes a custom target through targets.removeCustom', async () => {
    const { lab, targets } = targetsLab();
    await lab.client.targets.addCustom({ baseUrl: 'https://tenant.example', label: 'Staging' });
    await renderSettings(lab);
    fireEvent.click(await within(panel()).findByRole('button', { name: 'Remove Staging' }));
    await waitFor(() => expect(targets().map((target) => target.key)).toEqual(['mock:us', 'totango:eu']));
    expect(lab.calls.find((call) => call.name === 'targets.removeCustom')?.input).toEqual({ targetKey: 'custom:https://tenant.example' });
    expect(within(panel()).queryByRole('button', { name: 'Remove Totango EU' })).toBeNull();
  });
});
