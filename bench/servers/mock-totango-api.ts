/**
 * Subject under test: our mock Totango's APIs. A fresh mock with one client-credentials
 * app holding the scopes given as arguments (default `system_user:read`, what
 * `GET /api/v1/users/whoami` requires), and an access token for it from the US region's
 * token endpoint, fetched over HTTP as any integration would. The parent calls the APIs
 * of the US region's issuer with that token.
 */
import { startMockWithApp } from './mock-app';
import { serve } from './serve';

serve(async () => {
  const requested = process.argv.slice(2);
  const { mock, clientId, clientSecret, stop } = await startMockWithApp(requested.length > 0 ? requested : ['system_user:read']);
  try {
    const us = mock.urls.regions.us;
    const response = await fetch(us.token, {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    const body = (response.status === 200 ? JSON.parse(text) : {}) as { access_token?: unknown; scope?: unknown };
    if (typeof body.access_token !== 'string') throw new Error(`the token endpoint answered ${response.status}: ${text.slice(0, 300)}`);
    const scopes = typeof body.scope === 'string' ? body.scope.split(' ').filter((s) => s !== '') : [];
    return { ready: { tokenUrl: us.token, apiBaseUrl: us.issuer, clientId, accessToken: body.access_token, scopes }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
});
