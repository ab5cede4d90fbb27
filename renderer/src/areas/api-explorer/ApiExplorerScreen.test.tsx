import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CatalogueRequestView } from '../../../../shared/contract/client-schemas';
import { LabApp } from '../../app/LabApp';
import { createLabStores } from '../../stores/lab-stores';
import { createFakeConnection, healthyLab, MOCK_TARGET, type FakeLab } from '../../testing/fake-lab';
import type { CurrentTokenView } from '../../stores/workbench-store';

const TOKEN: CurrentTokenView = {
  accessToken: 'eyJhbGciOiJFUzI1NiJ9.eyJzY29wZSI6ImFjY291bnQ6cmVhZCJ9.c2ln',
  tokenType: 'Bearer',
  scopes: ['account:read', 'touchpoint:all'],
  source: 'client_credentials',
  targetKey: 'mock:us',
  receivedAt: '2026-03-04T10:00:00.000Z',
  overMutualTls: false,
};

const EXAMPLES: Record<string, CatalogueRequestView> = {
  whoami: { endpointId: 'whoami', pathParams: {}, query: {} },
  'create-touchpoint': { endpointId: 'create-touchpoint', pathParams: {}, query: {}, body: { kind: 'json', json: { subject: 'Onboarding call' } } },
  'update-touchpoint': { endpointId: 'update-touchpoint', pathParams: { 'note-id': '30001' }, query: {}, body: { kind: 'json', json: { subject: 'Q3 review' } } },
  'search-accounts': { endpointId: 'search-accounts', pathParams: {}, query: {}, body: { kind: 'form', fields: { query: '{"count":20}' } } },
};

const WHOAMI_ANSWER = {
  method: 'GET',
  url: 'http://127.0.0.1:4781/api/v1/users/whoami',
  startedAt: '2026-03-04T10:00:00.000Z',
  durationMs: 12.4,
  response: { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body: { id: 'u-1003' }, bodyText: '{"id":"u-1003","email":"maya@northwind.example"}' },
  exchangeId: 'ex-1',
};

const REFUSED_ANSWER = {
  method: 'POST',
  url: 'http://127.0.0.1:4781/api/v1/search/accounts',
  startedAt: '2026-03-04T10:00:00.000Z',
  durationMs: 8,
  response: { status: 403, statusText: 'Forbidden', headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="account:read"' }, body: {}, bodyText: '{"error":"insufficient_scope"}' },
  failure: { code: 'insufficient_scope', summary: 'the token lacks the scope this endpoint requires', action: 'add "account:read" to the application and get a new token' },
  exchangeId: 'ex-2',
};

function explorerLab(options: { token?: CurrentTokenView | null; realTarget?: boolean } = {}): FakeLab {
  const lab = healthyLab();
  lab.answer('tokens.current', () => ({ token: options.token === undefined ? TOKEN : options.token }));
  lab.answer('calls.example', (input) => EXAMPLES[(input as { endpointId: string }).endpointId]);
  lab.answer('calls.send', (input) => ((input as { request: CatalogueRequestView }).request.endpointId === 'search-accounts' ? REFUSED_ANSWER : WHOAMI_ANSWER));
  lab.answer('recorder.curl', (input) => ({ command: `curl 'http://127.0.0.1:4781/x' -H "Authorization: Bearer $ACCESS_TOKEN" # ${(input as { exchangeId: string }).exchangeId}`, variables: ['ACCESS_TOKEN'] }));
  if (options.realTarget) {
    const us = { key: 'totango:us', kind: 'totango' as const, region: 'us' as const, label: 'Totango US', baseUrl: 'https://api.totango.com', credentials: null };
    lab.answer('targets.list', () => ({ targets: [MOCK_TARGET, us], selected: 'totango:us' }));
  }
  return lab;
}

function renderExplorer(lab: FakeLab) {
  window.location.hash = '#/api-explorer';
  return render(<LabApp stores={createLabStores(lab.client, createFakeConnection(), { answerTimeoutMs: 2_000 })} env="test" />);
}

const item = (id: string) => document.querySelector(`button[data-endpoint="${id}"]`) as HTMLElement;
const sendInputs = (lab: FakeLab) => lab.calls.filter((call) => call.name === 'calls.send').map((call) => call.input);

async function open(id: string) {
  await waitFor(() => expect(item(id)).toBeTruthy());
  fireEvent.click(item(id));
  return screen.findByTestId('explorer-workspace');
}

beforeEach(() => {
  window.localStorage.clear();
});

describe('the endpoint list', () => {
  it('lists the 29 endpoints by entity, each with its scope and whether the token covers it, and by which rule', async () => {
    renderExplorer(explorerLab());
    const list = await screen.findByRole('navigation', { name: 'Endpoints' });
    expect(within(list).getAllByRole('group').map((group) => group.getAttribute('aria-label'))).toEqual(['Accounts', 'Users', 'Collections', 'Events', 'Totango users and teams', 'Touchpoints']);
    expect(list.querySelectorAll('button[data-endpoint]')).toHaveLength(29);
    await waitFor(() => expect(within(item('create-touchpoint')).getByText('covered by touchpoint:all (all)')).toBeTruthy());
    expect(item('create-touchpoint').textContent).toMatch(/POST.*Create a touchpoint.*\/api\/v3\/touchpoints.*touchpoint:create/);
    expect(within(item('upsert-accounts')).getByText('not covered')).toBeTruthy();
    expect(within(item('search-accounts')).getByText('covered by account:read (exact)')).toBeTruthy();
    expect(within(item('whoami')).getByText('not covered')).toBeTruthy();
  });

  it('narrows to what the filter names, and says when nothing matches', async () => {
    renderExplorer(explorerLab());
    const filter = await screen.findByRole('textbox', { name: /Filter endpoints/ });
    fireEvent.change(filter, { target: { value: 'touch create' } });
    expect(document.querySelectorAll('button[data-endpoint]')).toHaveLength(1);
    expect(screen.getByText('1 of 29 endpoints')).toBeTruthy();
    fireEvent.change(filter, { target: { value: 'nothing like it' } });
    expect(screen.getByText('No endpoint matches "nothing like it".')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all endpoints' }));
    expect(document.querySelectorAll('button[data-endpoint]')).toHaveLength(29);
    fireEvent.change(filter, { target: { value: 'scim' } });
    expect(document.querySelectorAll('button[data-endpoint]')).toHaveLength(9);
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect((filter as HTMLInputElement).value).toBe('');
  });
});

describe('a selected endpoint', () => {
  it("shows its documentation title, its path parameters and its example body, and refuses to send invalid JSON", async () => {
    renderExplorer(explorerLab());
    const workspace = await open('update-touchpoint');
    expect(workspace.textContent).toContain('Totango documentation: Update Existing TP');
    const noteId = (await within(workspace).findByRole('textbox', { name: /note-id/ })) as HTMLInputElement;
    expect(noteId.value).toBe('30001');
    const body = within(workspace).getByRole('textbox', { name: 'Request body (JSON)' }) as HTMLTextAreaElement;
    expect(JSON.parse(body.value)).toEqual({ subject: 'Q3 review' });
    const send = within(workspace).getByRole('button', { name: 'Send' });
    expect(send.hasAttribute('disabled')).toBe(false);

    fireEvent.change(body, { target: { value: '{"subject": ' } });
    expect(within(workspace).getByText(/^Not valid JSON: /)).toBeTruthy();
    expect(send.hasAttribute('disabled')).toBe(true);
    expect(workspace.textContent).toContain('Fix the request first: the body is not valid JSON.');

    fireEvent.change(body, { target: { value: '{"subject": "Renamed"}' } });
    expect(send.hasAttribute('disabled')).toBe(false);
    fireEvent.change(noteId, { target: { value: '' } });
    expect(send.hasAttribute('disabled')).toBe(true);
  });

  it('sends with the current token and shows the status, timing, body and curl; then keeps it while navigating', async () => {
    const lab = explorerLab();
    renderExplorer(lab);
    const workspace = await open('whoami');
    fireEvent.click(await within(workspace).findByRole('button', { name: 'Send' }));
    const response = await screen.findByTestId('explorer-response');
    expect(sendInputs(lab)).toEqual([{ request: EXAMPLES['whoami'], confirmed: false }]);
    expect(within(response).getByTestId('response-status').textContent).toBe('200 OK');
    expect(response.textContent).toContain('12 ms');
    expect(within(response).getByTestId('response-body').textContent).toContain('"email": "maya@northwind.example"');
    expect(within(response).getByRole('button', { name: 'Copy as curl' })).toBeTruthy();
    expect(lab.calls.filter((call) => call.name === 'recorder.curl').map((call) => call.input)).toEqual([{ exchangeId: 'ex-1' }]);

    // Another endpoint, then another area: the answer of whoami is still there.
    await open('create-touchpoint');
    expect(screen.queryByTestId('explorer-response')).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'Tokens' }));
    await screen.findByRole('heading', { level: 1, name: 'Tokens' });
    fireEvent.click(screen.getByRole('link', { name: 'API explorer' }));
    await open('whoami');
    expect(within(await screen.findByTestId('explorer-response')).getByTestId('response-status').textContent).toBe('200 OK');
  });

  it('says why a call failed, in words: the missing scope and what to do', async () => {
    const lab = explorerLab();
    renderExplorer(lab);
    const workspace = await open('search-accounts');
    expect((within(workspace).getByRole('textbox', { name: /Form field "query"/ }) as HTMLTextAreaElement).value).toBe('{\n  "count": 20\n}');
    fireEvent.click(await within(workspace).findByRole('button', { name: 'Send' }));
    const failure = await screen.findByTestId('response-failure');
    expect(failure.textContent).toContain('The token lacks the scope this endpoint requires.');
    expect(failure.textContent).toContain('Add "account:read" to the application and get a new token.');
    expect(screen.getByTestId('response-status').textContent).toBe('403 Forbidden');
    expect(sendInputs(lab)).toEqual([{ request: EXAMPLES['search-accounts'], confirmed: false }]);
  });

  it('without a token, the Send button is off and says to run a flow first', async () => {
    renderExplorer(explorerLab({ token: null }));
    const workspace = await open('whoami');
    const send = await within(workspace).findByRole('button', { name: 'Send' });
    expect(send.hasAttribute('disabled')).toBe(true);
    const why = document.getElementById(send.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toBe('There is no current token: run a flow first (or paste a token on the Tokens screen).');
    fireEvent.click(within(workspace).getByRole('button', { name: 'Go to Flows' }));
    expect(window.location.hash).toBe('#/flows');
  });

  it('asks before a write goes to a real Totango region, then sends it confirmed; a read goes without asking', async () => {
    const lab = explorerLab({ realTarget: true });
    renderExplorer(lab);
    const workspace = await open('create-touchpoint');
    await waitFor(() => expect(workspace.textContent).toContain('Sends to Totango US (https://api.totango.com)'));
    fireEvent.click(within(workspace).getByRole('button', { name: 'Send' }));
    const dialog = await screen.findByRole('dialog', { name: 'Write data on Totango US?' });
    expect(sendInputs(lab)).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sendInputs(lab)).toEqual([]);

    fireEvent.click(within(workspace).getByRole('button', { name: 'Send' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Send to Totango US' }));
    await waitFor(() => expect(sendInputs(lab)).toEqual([{ request: EXAMPLES['create-touchpoint'], confirmed: true }]));

    const whoami = await open('whoami');
    await act(async () => fireEvent.click(await within(whoami).findByRole('button', { name: 'Send' })));
    await waitFor(() => expect(sendInputs(lab)).toHaveLength(2));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sendInputs(lab)[1]).toEqual({ request: EXAMPLES['whoami'], confirmed: false });
  });
});
