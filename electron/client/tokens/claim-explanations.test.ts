import { describe, expect, it } from 'vitest';
import { durationWords, explainClaim, explainHeaderParameter, localTimeFormatter, timeLeftWords, type ExplainContext } from './claim-explanations';

const context: ExplainContext = { formatTime: localTimeFormatter({ timeZone: 'Europe/Paris' }), now: () => Date.UTC(2026, 2, 4, 10, 15) };

describe('times', () => {
  it('formats in the time zone given', () => {
    expect(localTimeFormatter({ timeZone: 'Europe/Paris' })(Date.UTC(2026, 2, 4, 10, 15))).toBe('Mar 4, 2026, 11:15:00 AM GMT+1');
    expect(localTimeFormatter({ timeZone: 'America/New_York' })(Date.UTC(2026, 6, 4, 10, 15))).toBe('Jul 4, 2026, 6:15:00 AM EDT');
  });

  it.each([
    [86400, '1 d'],
    [90061, '1 d 1 h'],
    [3600, '1 h'],
    [3660, '1 h 1 min'],
    [59, '59 s'],
  ])('says %i seconds as "%s"', (seconds, words) => {
    expect(durationWords(seconds)).toBe(words);
  });

  it('says the time left, or how long ago it ran out', () => {
    expect(timeLeftWords(600)).toBe('10 min left');
    expect(timeLeftWords(-90)).toBe('expired 1 min ago');
    expect(timeLeftWords(0)).toBe('expires now');
  });
});

describe('claims', () => {
  it('explains exp with the time left by the clock given', () => {
    const exp = Date.UTC(2026, 2, 4, 12, 15) / 1000;
    expect(explainClaim('exp', exp, {}, context).explanation).toBe('Expires at Mar 4, 2026, 1:15:00 PM GMT+1 (2 h left).');
  });

  it('says a time claim that is not a number is malformed', () => {
    expect(explainClaim('iat', 'yesterday', {}, context).explanation).toBe('Issued at: not a number of seconds, as it should be (RFC 7519 NumericDate).');
  });

  it('explains the service, the client and the token ID', () => {
    expect(explainClaim('service_id', 'svc-1', {}, context).explanation).toBe('The Totango account (service) the token works in: svc-1.');
    expect(explainClaim('client_id', 'c-1', {}, context).explanation).toBe('The application the token was issued to (client ID c-1).');
    expect(explainClaim('jti', 'j-1', {}, context).explanation).toContain('revoke');
  });

  it('does not take a claim inherited from Object for a known one', () => {
    expect(explainClaim('constructor', 'x', {}, context).known).toBe(false);
  });

  it('warns about an unsigned header', () => {
    expect(explainHeaderParameter('alg', 'none').explanation).toBe('Signature algorithm: none: unsigned, which no access token may be.');
  });
});
