/**
 * The loopback callback server on its own: 127.0.0.1 only, the first redirect to its
 * path captured, every other request answered without ending the flow, and pages that
 * hold nothing a script or a referrer could carry off.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '../testing/test-support';
import type { AnyLabError } from './lab-error';
import { startLoopbackCallbackServer, type LoopbackCallbackServer } from './loopback-callback-server';

let server: LoopbackCallbackServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A request with the Host header given (fetch would set its own). */
function get(port: number, path: string, host = `127.0.0.1:${port}`, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the loopback callback server', () => {
  it('binds 127.0.0.1 on an ephemeral port, and names its redirect URI after it', async () => {
    server = await startLoopbackCallbackServer();
    expect(server.port).toBeGreaterThan(0);
    expect(server.redirectUri).toBe(`http://127.0.0.1:${server.port}/callback`);
    await expect(fetch(`http://[::1]:${server.port}/callback`)).rejects.toThrow();
  });

  it('captures the first redirect to its path and records it with the code shortened', async () => {
    server = await startLoopbackCallbackServer({ path: '/oauth/back', now: () => Date.parse('2026-03-04T10:15:00Z') });
    const code = 'SplxlOBeZQQYbYS6WxSbIA-a-long-authorization-code';
    const answer = await get(server.port, `/oauth/back?code=${code}&state=xyz&iss=http%3A%2F%2F127.0.0.1%3A4781`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Sign-in received');
    expect(answer.body).not.toContain(code);
    expect(answer.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'content-security-policy': expect.stringContaining("default-src 'none'") });
    const captured = await server.callback;
    expect(captured.url.searchParams.get('code')).toBe(code);
    expect(captured.exchange).toMatchObject({ startedAt: '2026-03-04T10:15:00.000Z', request: { method: 'GET', url: `http://127.0.0.1:${server.port}/oauth/back?code=Splx…code&state=xyz&iss=http%3A%2F%2F127.0.0.1%3A4781` }, response: { status: 200 } });
  });

  it('answers other paths, other methods and a second redirect without capturing them', async () => {
    server = await startLoopbackCallbackServer();
    const port = server.port;
    expect((await get(port, '/favicon.ico')).status).toBe(404);
    expect((await get(port, '/callback?code=from-a-post', undefined, 'POST')).status).toBe(405);
    expect((await get(port, '/callback?code=first-code-value')).body).toContain('Sign-in received');
    expect((await get(port, '/callback?code=second-code-value')).body).toContain('Already received');
    expect((await server.callback).url.searchParams.get('code')).toBe('first-code-value');
  });

  it('refuses a request for another host name, as a DNS-rebinding page would send', async () => {
    server = await startLoopbackCallbackServer();
    expect((await get(server.port, '/callback?code=x', `evil.example:${server.port}`)).status).toBe(400);
    expect((await get(server.port, '/callback?error=access_denied', `localhost:${server.port}`)).status).toBe(200);
  });

  it('shows the error of an error redirect, escaped', async () => {
    server = await startLoopbackCallbackServer();
    const answer = await get(server.port, `/callback?error=access_denied&error_description=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(answer.body).toContain('Sign-in did not complete');
    expect(answer.body).toContain('the error &#34;access_denied&#34;');
    expect(answer.body).toContain('&#60;script&#62;');
    expect(answer.body).not.toContain('<script>');
    expect(answer.body).toContain('go back to Totango OAuth Lab');
  });

  it('says when a redirect carries neither a code nor an error', async () => {
    server = await startLoopbackCallbackServer();
    expect((await get(server.port, '/callback?state=only')).body).toContain('neither an authorization code nor an error');
  });

  it('says the port is taken, naming it', async () => {
    server = await startLoopbackCallbackServer();
    const error = (await rejectionOf(startLoopbackCallbackServer({ port: server.port }))) as AnyLabError;
    expect(error.code).toBe('port_in_use');
    expect(error.message).toBe(
      `port ${server.port} on 127.0.0.1 is already in use, so the callback cannot be received there; close the program using it, or choose another "redirectPort" and register its callback URL`,
    );
  });

  it('refuses a port or path it cannot use', async () => {
    await expect(startLoopbackCallbackServer({ port: 70000 })).rejects.toMatchObject({ code: 'invalid_configuration', message: '"redirectPort" must be an integer from 0 to 65535, got 70000' });
    await expect(startLoopbackCallbackServer({ path: 'callback' })).rejects.toMatchObject({ code: 'invalid_configuration', message: '"redirectPath" must start with "/" and hold no query or fragment, got "callback"' });
  });
});
