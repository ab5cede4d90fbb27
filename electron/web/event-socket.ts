/**
 * `/api/events`: a WebSocket that pushes every event of the hub, in order, as JSON
 * (`{ name, payload }`). The window only listens: a message from it closes the socket.
 * A client too slow to keep up is dropped rather than buffered without bound; its
 * transport reconnects and the window refreshes what it shows.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6455
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WireEvent } from '../../shared/contract/wire';
import { EVENTS_SUBPROTOCOL } from '../../shared/contract/http-transport';

/** What a socket may have queued before it is dropped. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

export interface EventSource {
  subscribe(listener: (event: WireEvent) => void): () => void;
}

export interface EventSockets {
  /** Completes an upgrade the host has already checked. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every socket (going away). */
  close(): Promise<void>;
}

export function createEventSockets(events: EventSource): EventSockets {
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: 1024,
    clientTracking: true,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(EVENTS_SUBPROTOCOL) ? EVENTS_SUBPROTOCOL : false),
  });
  server.on('connection', (socket: WebSocket) => {
    const unsubscribe = events.subscribe((event) => {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return void socket.terminate();
      socket.send(JSON.stringify(event));
    });
    socket.on('message', () => socket.close(1003, 'this socket only sends events'));
    socket.on('error', () => socket.terminate());
    socket.once('close', unsubscribe);
  });
  return {
    accept(request, socket, head) {
      server.handleUpgrade(request, socket, head, (client) => server.emit('connection', client, request));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.close(1001, 'the Lab is stopping');
        // Give the close frames a moment, then cut whatever did not answer.
        const force = setTimeout(() => {
          for (const client of server.clients) client.terminate();
        }, 500);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
