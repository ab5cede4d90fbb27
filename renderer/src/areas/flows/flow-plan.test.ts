import { describe, expect, it } from 'vitest';
import { flowAdvice } from './flow-advice';
import { flowProgress } from './flow-plan';
import { litMessages } from './sequence-messages';
import { sampleExchange, step } from './flows-test-kit';

const states = (progress: ReturnType<typeof flowProgress>) => progress.items.map((item) => item.state);

describe('flowProgress', () => {
  it('marks the reported steps done and the next one waiting while the flow runs', () => {
    const steps = [step('authorization_code', 'request-built'), step('authorization_code', 'browser-opened')];
    expect(states(flowProgress('authorization_code', steps, true))).toEqual(['done', 'done', 'waiting', 'pending', 'pending']);
    expect(states(flowProgress('authorization_code', steps, false))).toEqual(['done', 'done', 'pending', 'pending', 'pending']);
  });

  it('puts a failure on the step it interrupted, and the rest as not reached', () => {
    const error = { code: 'invalid_client' as const, message: 'client authentication failed' };
    const progress = flowProgress('client_credentials', [step('client_credentials', 'request-built'), step('client_credentials', 'failed', { error, exchange: sampleExchange('token', 401, '') })], false);
    expect(states(progress)).toEqual(['done', 'failed']);
    expect(progress.failedAt).toBe(1);
    expect(progress.error).toEqual(error);
    const code = flowProgress('authorization_code', [step('authorization_code', 'request-built'), step('authorization_code', 'failed', { error })], false);
    expect(states(code)).toEqual(['done', 'failed', 'skipped', 'skipped', 'skipped']);
  });

  it('puts the failure on the reported step whose own exchange carried it (the callback with an error)', () => {
    const back = sampleExchange('callback', 200, '');
    const error = { code: 'access_denied' as const, message: 'access was denied' };
    const steps = [
      step('authorization_code', 'request-built'),
      step('authorization_code', 'browser-opened'),
      step('authorization_code', 'callback-received', { exchange: back }),
      step('authorization_code', 'failed', { error, exchange: back }),
    ];
    expect(states(flowProgress('authorization_code', steps, false))).toEqual(['done', 'done', 'failed', 'skipped', 'skipped']);
  });

  it('uses the call’s error when no failed step came, at the first step not reported', () => {
    const progress = flowProgress('client_credentials', [], false, { code: 'credentials_unavailable', message: 'no secret' });
    expect(states(progress)).toEqual(['failed', 'skipped']);
    expect(progress.error?.code).toBe('credentials_unavailable');
  });

  it('ignores the steps of the other grant', () => {
    expect(states(flowProgress('client_credentials', [step('authorization_code', 'request-built')], true))).toEqual(['waiting', 'pending']);
  });
});

describe('litMessages', () => {
  it('lights the API call only once it is made, the answer red when it failed', () => {
    const done = flowProgress('client_credentials', [step('client_credentials', 'request-built'), step('client_credentials', 'token-received')], false);
    expect(litMessages('client_credentials', done).map((m) => m.state)).toEqual(['done', 'current', 'pending', 'pending']);
    const sending = litMessages('client_credentials', done, { state: 'sending', label: 'GET /api/v1/users/whoami with the Bearer token' });
    expect(sending.map((m) => m.state)).toEqual(['done', 'done', 'current', 'pending']);
    expect(sending[2]?.label).toBe('GET /api/v1/users/whoami with the Bearer token');
    const refused = litMessages('client_credentials', done, { state: 'answered', label: 'GET /api/v1/users/whoami', status: 403, ok: false });
    expect(refused.map((m) => [m.state, m.label])).toEqual([
      ['done', 'POST /oauth/token: client credentials'],
      ['done', 'access token'],
      ['done', 'GET /api/v1/users/whoami'],
      ['failed', 'HTTP 403'],
    ]);
  });
});

describe('flowAdvice', () => {
  const cc = { flow: 'client_credentials' as const, mockApp: true };
  const code = { flow: 'authorization_code' as const, mockApp: true, redirectUri: 'http://127.0.0.1:8765/callback' };
  it.each([
    ['invalid_client', cc, /Check the client secret/, 'apps'],
    ['invalid_scope', cc, /does not hold that scope/, 'apps'],
    ['access_denied', code, /declined consent/, undefined],
    ['port_in_use', code, /choose another callback port in Settings/i, 'settings'],
    ['certificate', cc, /Export or renew the certificate in Apps/, 'apps'],
    ['timeout', code, /must be exactly http:\/\/127\.0\.0\.1:8765\/callback/, 'apps'],
  ] as const)('maps %s to the next thing to try', (errorCode, context, next, area) => {
    const advice = flowAdvice({ code: errorCode, message: 'm' }, context);
    expect(advice.next).toMatch(next);
    expect(advice.action?.area).toBe(area);
  });

  it('tells a redirect mismatch from other refused codes, and a disabled acting user in client credentials', () => {
    expect(flowAdvice({ code: 'invalid_grant', message: '"redirect_uri" differs from the one of the authorization request' }, code).next).toBe('The redirect URI must match: the callback URL registered must be exactly http://127.0.0.1:8765/callback.');
    expect(flowAdvice({ code: 'invalid_grant', message: 'the user is disabled' }, cc)).toMatchObject({ next: expect.stringMatching(/acting user/), action: { area: 'mock-server' } });
  });

  it('sends credentials problems of a real region to Settings rather than Apps', () => {
    expect(flowAdvice({ code: 'invalid_client', message: 'm' }, { flow: 'client_credentials', mockApp: false }).action?.area).toBe('settings');
  });
});
