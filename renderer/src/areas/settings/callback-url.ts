/**
 * The callback URL the Lab receives the browser on: the loopback callback server's
 * `http://127.0.0.1:{port}/callback` (electron/client/flows/loopback-callback-server.ts),
 * which a Totango app must register exactly.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export const MIN_CALLBACK_PORT = 1024;
export const MAX_CALLBACK_PORT = 65535;

export function isCallbackPort(port: unknown): port is number {
  return typeof port === 'number' && Number.isInteger(port) && port >= MIN_CALLBACK_PORT && port <= MAX_CALLBACK_PORT;
}

export function callbackUrl(port: number): string {
  return `http://127.0.0.1:${port}/callback`;
}
