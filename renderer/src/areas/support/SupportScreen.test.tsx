import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../../shared/contract/wire';
import { deferred } from '../../testing/fake-lab';
import { accountLab, application, exchange, renderSupport } from './support-testing';
import { TIMELINE_PAGE } from './TimelinePanel';

beforeEach(() => {
  window.location.hash = '';
});

afterEach(() => {
  vi.restoreAllMocks();
});

const timelineRegion = () => screen.getByRole('region', { name: 'Timeline' });
const entries = () => [...timelineRegion().querySelectorAll('[data-exchange-id]')].map((item) => item.getAttribute('data-exchange-id'));

describe('the timeline', () => {
  it('shows the recorded exchanges newest first, adds each recorder.exchange event on top, and empties on recorder.cleared', async () => {
    const { lab } = accountLab();
    const timeline = deferred<unknown>();
    lab.answer('recorder.timeline', () => timeline.promise);
    await renderSupport(lab);
    expect(within(timelineRegion()).getByRole('status', { name: 'Loading the timeline' })).toBeTruthy();
    // An exchange recorded while the timeline loads is kept, after the older ones.
    act(() => lab.emit({ name: 'recorder.exchange', payload: exchange('x-3', 'token request (client credentials)') }));
    await act(async () => timeline.resolve({ exchanges: [exchange('x-1', 'metadata (RFC 8414)', 200, 'http://127.0.0.1:4781/.well-known/oauth-authorization-server'), exchange('x-2', 'api call')] }));
    await waitFor(() => expect(entries()).toEqual(['x-3', 'x-2', 'x-1']));
    act(() => lab.emit({ name: 'recorder.exchange', payload: exchange('x-4', 'diagnostics: whoami', 403) }));
    expect(entries()).toEqual(['x-4', 'x-3', 'x-2', 'x-1']);
    // The same exchange twice is one entry.
    act(() => lab.emit({ name: 'recorder.exchange', payload: exchange('x-4', 'diagnostics: whoami', 403) }));
    expect(entries()).toHaveLength(4);
    expect(screen.getByTestId('timeline-count').textContent).toBe('4 exchanges');
    act(() => lab.emit({ name: 'recorder.cleared', payload: {} }));
    expect(entries()).toEqual([]);
    expect(screen.getByTestId('timeline-empty').textContent).toContain('No exchanges recorded yet');
  });

  it('opens an exchange onto its details, and clears the timeline through recorder.clear', async () => {
    const { lab } = accountLab();
    lab.answer('recorder.timeline', () => ({ exchanges: [exchange('x-1', 'token request (client credentials)', 400)] }));
    lab.answer('recorder.clear', () => ({ done: true }));
    await renderSupport(lab);
    const control = await within(timelineRegion()).findByRole('button', { name: 'POST 127.0.0.1:4781/oauth/token, 400, token request (client credentials)' });
    expect(within(timelineRegion()).queryByRole('tab', { name: 'Request' })).toBeNull();
    fireEvent.click(control);
    expect(await within(timelineRegion()).findByRole('tab', { name: 'Request' })).toBeTruthy();
    expect(within(timelineRegion()).getByRole('table', { name: 'Request headers' }).textContent).toContain('Basic [redacted]');
    fireEvent.click(within(timelineRegion()).getByRole('button', { name: 'Clear the timeline' }));
    await waitFor(() => expect(screen.getByTestId('timeline-empty')).toBeTruthy());
    expect(lab.calls.map((call) => call.name)).toContain('recorder.clear');
  });

  it('shows the newest page first, and older ones on request', async () => {
    const { lab } = accountLab();
    lab.answer('recorder.timeline', () => ({ exchanges: Array.from({ length: TIMELINE_PAGE + 5 }, (_, i) => exchange(`x-${i}`, `call ${i}`)) }));
    await renderSupport(lab);
    await waitFor(() => expect(entries()).toHaveLength(TIMELINE_PAGE));
    expect(entries()[0]).toBe(`x-${TIMELINE_PAGE + 4}`);
    fireEvent.click(screen.getByRole('button', { name: 'Show 5 older exchanges' }));
    expect(entries()).toHaveLength(TIMELINE_PAGE + 5);
  });
});

describe('export', () => {
  it('exports the bundle for the chosen app and the HAR, each saved as a download, saying the bundle holds no secret', async () => {
    const { lab } = accountLab({ applications: [application({ clientId: 'client-7', name: 'Customer app' })] });
    lab.answer('recorder.exportBundle', () => ({ fileName: 'repro-bundle.json', mediaType: 'application/json', encoding: 'utf8', content: '{}' }));
    lab.answer('recorder.exportHar', () => ({ fileName: 'lab.har', mediaType: 'application/json', encoding: 'utf8', content: '{"log":{}}' }));
    const createUrl = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:lab');
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    await renderSupport(lab);
    expect(screen.getByTestId('bundle-no-secret').textContent).toContain('It holds no secret');

    fireEvent.click(screen.getByRole('button', { name: 'Export repro bundle' }));
    await waitFor(() => expect(clicks).toEqual(['repro-bundle.json']));
    expect(lab.calls.find((call) => call.name === 'recorder.exportBundle')?.input).toEqual({});

    fireEvent.click(screen.getByRole('combobox', { name: 'Application to describe' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Customer app (US, client-7)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export repro bundle' }));
    await waitFor(() => expect(clicks).toHaveLength(2));
    expect(lab.calls.filter((call) => call.name === 'recorder.exportBundle').at(-1)?.input).toEqual({ clientId: 'client-7' });

    fireEvent.click(screen.getByRole('button', { name: 'Export HAR' }));
    await waitFor(() => expect(clicks).toEqual(['repro-bundle.json', 'repro-bundle.json', 'lab.har']));
    expect(createUrl).toHaveBeenCalledTimes(3);
  });

  it('reports an export the Lab refuses, with its cause', async () => {
    const { lab } = accountLab();
    lab.answer('recorder.exportBundle', () => {
      throw new ContractError({ code: 'invalid_configuration', message: 'no application to describe on "mock:us"' });
    });
    await renderSupport(lab);
    fireEvent.click(screen.getByRole('button', { name: 'Export repro bundle' }));
    expect(await screen.findByText(/no application to describe on "mock:us"/)).toBeTruthy();
  });
});

describe('import', () => {
  const bundleFile = (text: string) => new File([text], 'repro-bundle.json', { type: 'application/json' });
  const chooseFile = (file: File) => fireEvent.change(screen.getByLabelText('Repro bundle file to import'), { target: { files: [file] } });

  it('sends the file’s text, shows the notes and the new client ID, and uses the app in the Lab', async () => {
    const { lab } = accountLab();
    lab.answer('recorder.importBundle', () => ({ clientId: 'client-new', region: 'us', actingUserId: 'u-1003', notes: ["raised the mock's application limit to 3", 'acting user integration.bot@acme-demo.example (u-1003) set disabled, as in the bundle'] }));
    await renderSupport(lab);
    chooseFile(bundleFile('{"format":"totango-oauth-lab/repro-bundle"}'));
    const result = await screen.findByTestId('import-result');
    expect(lab.calls.find((call) => call.name === 'recorder.importBundle')?.input).toEqual({ content: '{"format":"totango-oauth-lab/repro-bundle"}' });
    expect(within(result).getByTestId('imported-client-id').textContent).toBe('client-new');
    const notes = within(result).getByRole('list', { name: 'What the import did' });
    expect(within(notes).getAllByRole('listitem').map((item) => item.textContent)).toEqual(["raised the mock's application limit to 3", 'acting user integration.bot@acme-demo.example (u-1003) set disabled, as in the bundle']);
    fireEvent.click(within(result).getByRole('button', { name: 'Use in the Lab' }));
    await waitFor(() => expect(window.location.hash).toBe('#/flows'));
    expect(lab.calls.find((call) => call.name === 'targets.useApplication')?.input).toEqual({ clientId: 'client-new' });
  });

  it('shows why a bundle cannot be read next to the file input', async () => {
    const { lab } = accountLab();
    lab.answer('recorder.importBundle', () => {
      throw new ContractError({ code: 'invalid_input', message: 'the repro bundle is not valid JSON', field: 'content' });
    });
    await renderSupport(lab);
    chooseFile(bundleFile('not json'));
    expect(await screen.findByText('the repro bundle is not valid JSON')).toBeTruthy();
    expect(screen.queryByTestId('import-result')).toBeNull();
  });
});
