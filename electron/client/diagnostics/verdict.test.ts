import { describe, expect, it } from 'vitest';
import { CATALOGUE, findEndpoint, type CatalogueEndpoint } from '../../../shared/catalogue';
import { isSelectableScope } from '../../../shared/scope-choices';
import { parseChallenge, readOAuthError, retryAfterSeconds } from './oauth-error-response';
import { judge, predict, scopeFix } from './verdict';

const endpoint = (id: string): CatalogueEndpoint => {
  const found = findEndpoint(id);
  if (!found) throw new Error(`no endpoint ${id}`);
  return found;
};
const json = { 'content-type': 'application/json' };
const denied = (scope: string) => ({
  status: 403,
  headers: { ...json, 'www-authenticate': `Bearer realm="Totango", error="insufficient_scope", error_description="the token lacks ${scope}", scope="${scope}"` },
  body: { error: 'insufficient_scope', error_description: `the token lacks ${scope}`, scope },
});

describe('parseChallenge and readOAuthError (RFC 6750 §3)', () => {
  it('reads the Bearer challenge attributes, quoted or not, among other schemes', () => {
    const header = 'Basic realm="x", Bearer realm="Totango mock US", error="invalid_token", error_description="the access token expired at 2026-01-01T00:00:00.000Z", scope=admin';
    expect(parseChallenge(header, 'Bearer')).toEqual({ realm: 'Totango mock US', error: 'invalid_token', error_description: 'the access token expired at 2026-01-01T00:00:00.000Z', scope: 'admin' });
    expect(parseChallenge('Basic realm="x"', 'Bearer')).toBeUndefined();
  });

  it('prefers the challenge and falls back to the JSON body (RFC 6749 §5.2)', () => {
    expect(readOAuthError({ status: 400, headers: json, body: { error: 'invalid_grant', error_description: 'no' } })).toEqual({ bearerChallenge: false, error: 'invalid_grant', errorDescription: 'no' });
    expect(readOAuthError(denied('account:upsert'))).toMatchObject({ bearerChallenge: true, error: 'insufficient_scope', scope: 'account:upsert' });
  });

  it('takes the description from the JSON body, where quotes survive, over the challenge', () => {
    const response = {
      status: 401,
      headers: { ...json, 'www-authenticate': 'Bearer realm="x", error="invalid_token", error_description="the acting user \'bot@acme.example\' (u-9) is disabled"' },
      body: { error: 'invalid_token', error_description: 'the acting user "bot@acme.example" (u-9) is disabled' },
    };
    expect(readOAuthError(response)).toMatchObject({ error: 'invalid_token', errorDescription: 'the acting user "bot@acme.example" (u-9) is disabled' });
    const headerOnly = { ...response, body: undefined };
    expect(readOAuthError(headerOnly).errorDescription).toBe("the acting user 'bot@acme.example' (u-9) is disabled");
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds({ 'retry-after': '30' }, 0)).toBe(30);
    expect(retryAfterSeconds({ 'retry-after': 'Thu, 01 Jan 1970 00:01:00 GMT' }, 15_000)).toBe(45);
    expect(retryAfterSeconds({ 'retry-after': 'soon' }, 0)).toBeUndefined();
    expect(retryAfterSeconds({}, 0)).toBeUndefined();
  });
});

describe('predict', () => {
  it('names the granted scope that covers the required one and the rule', () => {
    expect(predict(endpoint('create-touchpoint'), ['account:read', 'touchpoint:all'])).toMatchObject({ predicted: 'allowed', coveredBy: { scope: 'touchpoint:all', rule: 'all' } });
    expect(predict(endpoint('create-touchpoint'), ['touchpoint:upsert'])).toMatchObject({ predicted: 'allowed', coveredBy: { scope: 'touchpoint:upsert', rule: 'upsert' } });
    expect(predict(endpoint('whoami'), ['account:read'])).toEqual({ predicted: 'denied', coveredBy: null });
  });
});

describe('scopeFix', () => {
  it('names the exact scope first, then the wider ones Totango offers: all and admin', () => {
    expect(scopeFix('touchpoint:create')).toEqual({
      addScope: 'touchpoint:create',
      widerOptions: ['touchpoint:all', 'admin'],
      text: 'add "touchpoint:create" (wider options: "touchpoint:all", "admin")',
    });
    expect(scopeFix('account:definitions:upsert').widerOptions).toEqual(['account:all', 'admin']);
    expect(scopeFix('user:read').widerOptions).toEqual(['user:all', 'admin']);
  });

  it('never suggests a scope no application can be registered with, although it would cover', () => {
    // system_user:upsert and touchpoint:upsert would cover create/update, but Totango offers neither.
    for (const required of ['system_user:create', 'system_user:update', 'touchpoint:create', 'touchpoint:update'] as const) {
      const fix = scopeFix(required);
      expect(fix.widerOptions).not.toContain(required.replace(/:(create|update)$/, ':upsert'));
      for (const scope of [fix.addScope, ...fix.widerOptions]) expect(isSelectableScope(scope), scope).toBe(true);
    }
    for (const endpoint of CATALOGUE) {
      for (const scope of scopeFix(endpoint.requiredScope).widerOptions) expect(isSelectableScope(scope), `${endpoint.id}: ${scope}`).toBe(true);
    }
  });
});

describe('judge', () => {
  const granted = ['account:read', 'touchpoint:all'];

  it('passes an allowed call that succeeded, or that reached the endpoint and was refused on its data', () => {
    expect(judge(endpoint('search-accounts'), granted, { status: 200, headers: json, body: {} }).verdict).toBe('pass');
    const notFound = judge(endpoint('update-touchpoint'), granted, { status: 404, headers: json, body: { error: 'not_found', error_description: 'no touchpoint 1' } });
    expect(notFound).toMatchObject({ verdict: 'pass', note: 'allowed by "touchpoint:all" (all): reached the endpoint (HTTP 404 not_found: no touchpoint 1)' });
  });

  it('fails a predicted denial the server confirms, with the smallest fix', () => {
    const judgement = judge(endpoint('upsert-accounts'), granted, denied('account:upsert'));
    expect(judgement.verdict).toBe('fail');
    expect(judgement.fix?.addScope).toBe('account:upsert');
    expect(judgement.note).toBe('denied as predicted: missing "account:upsert"; add "account:upsert" (wider options: "account:all", "admin")');
  });

  it('calls a mismatch when the server denies what the catalogue allows, lets through what it denies, or demands another scope', () => {
    expect(judge(endpoint('search-accounts'), granted, denied('account:read')).verdict).toBe('mismatch');
    expect(judge(endpoint('whoami'), granted, { status: 200, headers: json, body: {} }).verdict).toBe('mismatch');
    expect(judge(endpoint('whoami'), granted, denied('admin')).note).toBe('the server demands "admin", the catalogue "system_user:read": worth a support ticket');
    expect(judge(endpoint('whoami'), granted, { status: 405, headers: json, body: {} }).verdict).toBe('mismatch');
    const noRoute = { status: 404, headers: json, body: { error: 'not_found', error_description: 'no endpoint at GET /api/v3/touchpoint-types' } };
    expect(judge(endpoint('list-touchpoint-types'), granted, noRoute).note).toBe('the server does not serve GET /api/v3/touchpoint-types (HTTP 404 not_found): worth a support ticket');
  });

  it('calls anything else an error, with its cause', () => {
    const expired = judge(endpoint('search-accounts'), granted, {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="x", error="invalid_token", error_description="the access token expired at 2026-01-01T00:00:00.000Z (mock clock: 2026-01-02T00:00:00.000Z)"' },
      body: undefined,
    });
    expect(expired).toMatchObject({ verdict: 'error', cause: { code: 'expired_token' } });
    const bearerBadRequest = judge(endpoint('search-accounts'), granted, { status: 400, headers: { 'www-authenticate': 'Bearer error="invalid_request"' }, body: {} });
    expect(bearerBadRequest.verdict).toBe('error');
  });
});
