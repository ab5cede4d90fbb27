/**
 * The words of each failure cause: what went wrong, in a few words, and what to do about
 * it. `failure-causes.ts` decides which cause a response shows.
 */

export type FailureCauseCode =
  | 'expired_token'
  | 'wrong_region'
  | 'revoked_token'
  | 'application_deleted'
  | 'acting_user_inactive'
  | 'certificate_missing'
  | 'certificate_wrong'
  | 'certificate_renewed'
  | 'certificate_expired'
  | 'token_not_bound'
  | 'invalid_token'
  | 'missing_token'
  | 'invalid_client'
  | 'invalid_grant'
  | 'access_denied'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'malformed_oauth_request'
  | 'insufficient_scope'
  | 'forbidden'
  | 'rate_limited'
  | 'server_error'
  | 'bad_request'
  | 'not_found'
  | 'client_error'
  | 'network'
  | 'tls'
  | 'timeout';

export const WORDS: Readonly<Record<FailureCauseCode, { readonly summary: string; readonly action: string }>> = {
  expired_token: { summary: 'the access token has expired', action: 'get a new token; a shorter lifetime means asking for tokens more often' },
  wrong_region: { summary: 'wrong region: the token or client belongs to the other Totango region', action: 'use the region the application was created in (US api.totango.com, EU api-eu1.totango.com) for both the token and the API calls' },
  revoked_token: { summary: 'the access token has been revoked', action: 'get a new token' },
  application_deleted: { summary: 'the application that was issued this token has been deleted', action: 'create the application again (a new client id and secret) and get a new token' },
  acting_user_inactive: { summary: 'the acting user is disabled or deleted', action: 'reactivate the Totango user the application acts as, or create a new application acting as an active user' },
  certificate_missing: { summary: 'no client certificate: the application uses mutual TLS', action: 'load the application\'s certificate and key, and call the HTTPS endpoints with them' },
  certificate_wrong: { summary: 'the client certificate is not this application\'s', action: 'export this application\'s certificate again and use it' },
  certificate_renewed: { summary: 'the certificate has been renewed since the token was issued', action: 'export the new certificate, and get a new token with it' },
  certificate_expired: { summary: 'the client certificate has expired', action: 'renew the certificate, export it, and get a new token with it' },
  token_not_bound: { summary: 'the token was issued without the certificate the application now requires', action: 'get a new token over mutual TLS, with the application\'s certificate' },
  invalid_token: { summary: 'the access token was refused (expired, revoked, its application deleted, or from the other region)', action: 'get a new token from the application\'s own region; if that fails, check the application still exists' },
  missing_token: { summary: 'the request carried no access token', action: 'send "Authorization: Bearer <token>"' },
  invalid_client: { summary: 'client authentication failed: wrong client id or secret, or a deleted application', action: 'check the client id and secret (the secret is shown only once: create a new application if it is lost)' },
  invalid_grant: { summary: 'the grant was refused', action: 'read the server\'s description; start the flow again' },
  access_denied: { summary: 'the authorization was denied: the user pressed Deny, or the server refused to let them grant access', action: 'run the flow again and approve; if the server refused, check that the user is active and may use the application' },
  invalid_scope: { summary: 'a requested scope is not one the application holds', action: 'ask only for scopes the application was registered with, or add the scope to the application' },
  unauthorized_client: { summary: 'the application may not use this grant type', action: 'use the grant the application was registered with (authorization code or client credentials)' },
  unsupported_grant_type: { summary: 'the server does not support this grant type', action: 'use "authorization_code" or "client_credentials"' },
  unsupported_response_type: { summary: 'the server does not support this response type', action: 'use "response_type=code"' },
  malformed_oauth_request: { summary: 'the server found the token or authorization request malformed', action: 'read the server\'s description: it names the parameter at fault' },
  insufficient_scope: { summary: 'the token lacks the scope this endpoint requires', action: 'add the required scope to the application and get a new token' },
  forbidden: { summary: 'the server refused the call (403)', action: 'check the acting user\'s permissions in Totango' },
  rate_limited: { summary: 'rate limited: too many requests', action: 'wait before retrying (Totango allows about 100 calls a minute per token)' },
  server_error: { summary: 'the server failed', action: 'retry later; if it persists, contact Totango support with the exchange' },
  bad_request: { summary: 'the server refused the request as malformed', action: 'check the path parameters and the body against the endpoint\'s documentation' },
  not_found: { summary: 'not found', action: 'check the ids in the path' },
  client_error: { summary: 'the server refused the request', action: 'read the response body' },
  network: { summary: 'no connection to the server', action: 'check the base URL, that the server runs, and the network' },
  tls: { summary: 'the TLS connection failed', action: 'check the CA to trust and, with mutual TLS, the certificate and key' },
  timeout: { summary: 'the server did not answer in time', action: 'retry; check the network and the server' },
};
