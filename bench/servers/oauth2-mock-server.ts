/**
 * Baseline: the npm package oauth2-mock-server, set up as its README says (one RS256
 * key), on loopback. Its token endpoint is `/token`; it checks no client secret.
 */
import { OAuth2Server } from 'oauth2-mock-server';
import { serve } from './serve';

serve(async () => {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const { port } = server.address();
  return { ready: { tokenUrl: `http://127.0.0.1:${port}/token` }, stop: () => server.stop() };
});
