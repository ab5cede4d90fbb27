/**
 * Browser mode's link state, as the window shows it. The HTTP transport reports its event
 * socket as `connecting`, `open` or `closed`, and retries with backoff after a drop; the
 * window says `connecting` until the first open, `connected` while open, and
 * `disconnected` from a drop until the socket is open again (the retries in between are
 * one reconnection, not a flicker between two states).
 */
import type { HttpTransport } from '../../../shared/contract/http-transport';
import type { ConnectionSource, ConnectionStatus } from './lab-client';

export const DROPPED_MESSAGE = 'the live connection to the Lab dropped; the window keeps trying to reconnect';

export function httpConnection(transport: Pick<HttpTransport, 'connectionState' | 'onConnectionChange'>): ConnectionSource {
  let everOpen = transport.connectionState === 'open';
  const status = (state: HttpTransport['connectionState']): ConnectionStatus => {
    if (state === 'open') return { state: 'connected' };
    // Before the socket is first opened, `closed` only means it has not been started yet.
    return everOpen ? { state: 'disconnected', error: DROPPED_MESSAGE } : { state: 'connecting' };
  };
  return {
    current: () => status(transport.connectionState),
    subscribe(listener) {
      let last = status(transport.connectionState).state;
      return transport.onConnectionChange((state) => {
        if (state === 'open') everOpen = true;
        const next = status(state);
        if (next.state === last) return;
        last = next.state;
        listener(next);
      });
    },
  };
}
