import { render, screen, waitFor, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { LabApp } from '../app/LabApp';
import { createLabStores } from '../stores/lab-stores';
import { connectToLab } from './connect';

it('shows the startup error, saying to open the URL the terminal printed, when browser mode opened without its launch token', async () => {
  const requests: string[] = [];
  const sockets: string[] = [];
  const { client, connection } = connectToLab({
    location: { origin: 'http://127.0.0.1:4779', pathname: '/', search: '', hash: '' },
    history: { replaceState: () => {} },
    sessionStorage: { getItem: () => null, setItem: () => {} },
    fetch: (url) => (requests.push(url), Promise.reject(new Error('no call should be made'))),
    WebSocket: class {
      constructor(url: string) {
        sockets.push(url);
      }
      addEventListener() {}
      close() {}
    },
  });
  const view = render(<LabApp stores={createLabStores(client, connection, { answerTimeoutMs: 2_000 })} env="test" />);

  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText(/this window has no launch token/).textContent).toContain(
    'this window has no launch token: open the URL the terminal printed when the Lab started (http://127.0.0.1:4779/?token=…)',
  );
  await waitFor(() => expect(view.container.querySelector('[data-app-state]')?.getAttribute('data-app-state')).toBe('error'));
  expect(screen.getByRole('status', { name: /^Connection: / }).getAttribute('data-connection-state')).toBe('disconnected');
  expect(requests).toEqual([]);
  expect(sockets).toEqual([]);
});
