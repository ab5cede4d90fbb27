import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../shared/contract/wire';
import { createLabStores } from '../stores/lab-stores';
import { createFakeConnection, deferred, healthyLab, SAMPLE_INFO, type FakeLab } from '../testing/fake-lab';
import { AREAS } from './areas';
import { LabApp } from './LabApp';

function renderLab(lab: FakeLab, connection = createFakeConnection()) {
  const stores = createLabStores(lab.client, connection, { answerTimeoutMs: 2_000 });
  const view = render(<LabApp stores={stores} env="test" />);
  const appState = () => view.container.querySelector('[data-app-state]')?.getAttribute('data-app-state');
  return { ...view, stores, appState, connection };
}

beforeEach(() => {
  window.location.hash = '';
  window.localStorage.clear();
});

describe('the frame', () => {
  it('shows each area, in order, with its heading and description, through the navigation', async () => {
    renderLab(healthyLab());
    const navigation = await screen.findByRole('navigation', { name: 'Areas' });
    const links = within(navigation).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Apps', 'Flows', 'Tokens', 'API explorer', 'Diagnostics', 'Mock server', 'Support', 'Settings']);

    for (const area of [...AREAS].reverse()) {
      fireEvent.click(within(navigation).getByRole('link', { name: area.label }));
      const heading = await screen.findByRole('heading', { level: 1, name: area.label });
      expect(window.location.hash).toBe(`#/${area.id}`);
      expect(screen.getByText(area.description)).toBeTruthy();
      expect(within(navigation).getByRole('link', { name: area.label }).getAttribute('aria-current')).toBe('page');
      expect(within(navigation).getAllByRole('link').filter((link) => link.getAttribute('aria-current') === 'page')).toHaveLength(1);
      // The person who navigated lands on the heading, for keyboard and screen-reader use.
      expect(document.activeElement).toBe(heading);
    }
  });

  it('opens the area the address names, and Apps for an unknown one', async () => {
    window.location.hash = '#/diagnostics';
    renderLab(healthyLab());
    expect(await screen.findByRole('heading', { level: 1, name: 'Diagnostics' })).toBeTruthy();
    act(() => {
      window.location.hash = '#/no-such-area';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Apps' })).toBeTruthy();
  });

  it('uses only words a person can act on: no unfinished-work markers', async () => {
    const { container } = renderLab(healthyLab());
    await screen.findByRole('heading', { level: 1 });
    for (const area of AREAS) expect(area.description).toMatch(/^[A-Z].{40,}\.$/);
    expect(container.textContent).not.toMatch(/todo|coming soon|placeholder|lorem/i);
  });

  it('shows the product name, the selected target, and the shell and version from lab.info', async () => {
    renderLab(healthyLab());
    expect(screen.getByText('Totango OAuth Lab')).toBeTruthy();
    expect((await screen.findByTestId('selected-target')).textContent).toBe('Local mock (US)');
    expect((await screen.findByTestId('shell-summary')).textContent).toBe(`Browser mode · version ${SAMPLE_INFO.version}`);
  });
});

describe('data-app-state', () => {
  it('is loading until lab.info answers through the contract, then ready', async () => {
    const lab = healthyLab();
    const info = deferred<typeof SAMPLE_INFO>();
    lab.answer('lab.info', () => info.promise);
    const { appState } = renderLab(lab);
    expect(appState()).toBe('loading');
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('Reaching the Lab');
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    await act(async () => info.resolve(SAMPLE_INFO));
    await waitFor(() => expect(appState()).toBe('ready'));
    expect(lab.calls.map((call) => call.name)).toContain('lab.info');
  });

  it('is error with the contract error shown when lab.info fails, and ready after a retry', async () => {
    const lab = healthyLab();
    lab.answer('lab.info', () => {
      throw new ContractError({ code: 'forbidden', message: 'missing "lab token"' });
    });
    const { appState } = renderLab(lab);
    await waitFor(() => expect(appState()).toBe('error'));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('missing "lab token"');
    expect(alert.textContent).toContain('forbidden');

    lab.answer('lab.info', () => SAMPLE_INFO);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(appState()).toBe('ready'));
    expect(lab.calls.filter((call) => call.name === 'lab.info')).toHaveLength(2);
  });

  it('is error when the transport itself fails', async () => {
    const lab = healthyLab();
    lab.transport.call = () => Promise.reject(new Error('connection refused'));
    const { appState } = renderLab(lab);
    await waitFor(() => expect(appState()).toBe('error'));
    expect(screen.getByRole('alert').textContent).toMatch(/the Lab did not answer "lab\.info": connection refused.*unavailable/);
  });
});

describe('the theme toggle', () => {
  it('switches to dark, saves it through lab.updatePreferences, and back to light', async () => {
    const lab = healthyLab();
    renderLab(lab);
    await screen.findByTestId('selected-target');
    await waitFor(() => expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('light'));

    fireEvent.click(screen.getByRole('button', { name: 'Switch to the dark theme' }));
    await waitFor(() => expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('dark'));
    expect(lab.calls.filter((call) => call.name === 'lab.updatePreferences').map((call) => call.input)).toEqual([{ theme: 'dark' }]);

    fireEvent.click(await screen.findByRole('button', { name: 'Switch to the light theme' }));
    await waitFor(() => expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('light'));
    expect(lab.calls.filter((call) => call.name === 'lab.updatePreferences').map((call) => call.input)).toEqual([{ theme: 'dark' }, { theme: 'light' }]);
  });

  it('keeps the theme it had and shows the contract error when saving fails', async () => {
    const lab = healthyLab();
    lab.answer('lab.updatePreferences', () => {
      throw new ContractError({ code: 'invalid_input', message: 'invalid "theme": expected one of light, dark, auto', field: 'theme' });
    });
    renderLab(lab);
    await screen.findByTestId('selected-target');
    fireEvent.click(screen.getByRole('button', { name: 'Switch to the dark theme' }));
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('Error saving the theme: invalid_input');
    expect(notice.textContent).toContain('invalid "theme": expected one of light, dark, auto');
    await waitFor(() => expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('light'));
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss this notification' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});

describe('the connection badge', () => {
  it("follows the transport's state: connecting, connected, disconnected while reconnecting, connected again", async () => {
    const connection = createFakeConnection({ state: 'connecting' });
    renderLab(healthyLab(), connection);
    const badge = () => screen.getByRole('status', { name: /^Connection: / });
    expect(badge().textContent).toBe('Connecting');
    act(() => connection.set({ state: 'connected' }));
    expect(badge().textContent).toBe('Connected');
    expect(badge().getAttribute('aria-label')).toBe('Connection: Connected');
    act(() => connection.set({ state: 'disconnected', error: 'the socket closed' }));
    expect(badge().textContent).toBe('Disconnected, reconnecting');
    expect(badge().getAttribute('data-connection-state')).toBe('disconnected');
    act(() => connection.set({ state: 'connected' }));
    expect(badge().textContent).toBe('Connected');
  });
});
