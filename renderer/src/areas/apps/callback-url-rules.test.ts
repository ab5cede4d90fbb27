/**
 * The form refuses what the mock refuses (the cases of electron/mock/callback-urls.test.ts),
 * in words a person can act on, before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import { callbackUrlProblem, callbackUrlProblems, labCallbackUrl } from './callback-url-rules';

describe('callbackUrlProblem', () => {
  it.each([
    'https://app.example.com/oauth/callback',
    'https://app.example.com:8443/cb?tenant=acme',
    'http://127.0.0.1:8765/callback',
    'http://[::1]:8765/callback',
    'http://localhost:3000/callback',
    'com.example.app:/oauth2redirect',
    'io.totango.lab-desktop:/callback',
  ])('accepts what the mock accepts: %s', (url) => {
    expect(callbackUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['/callback', 'Enter an absolute URL, such as https://app.example.com/oauth/callback.'],
    ['callback', 'Enter an absolute URL, such as https://app.example.com/oauth/callback.'],
    ['https://', 'Enter an absolute URL, such as https://app.example.com/oauth/callback.'],
    ['http://app.example.com/callback', 'Plain http is allowed only on a loopback host: use https, or http://127.0.0.1 (RFC 8252).'],
    ['http://127.0.0.2/callback', 'Plain http is allowed only on a loopback host: use https, or http://127.0.0.1 (RFC 8252).'],
    ['https://app.example.com/cb#done', 'A callback URL must not have a fragment (#…) (RFC 6749 §3.1.2).'],
    ['https://user:secret@app.example.com/cb', 'A callback URL must not carry a user name or password.'],
    ['myapp:/callback', 'The scheme "myapp" is not accepted: use https, loopback http, or a reverse-domain scheme such as com.example.app: (RFC 8252 §7.1).'],
    ['javascript:alert(1)', 'The scheme "javascript" is not accepted: use https, loopback http, or a reverse-domain scheme such as com.example.app: (RFC 8252 §7.1).'],
    ['', 'Enter a callback URL, or remove this line.'],
    [' https://app.example.com/cb', 'Remove the spaces around the URL: the mock matches callback URLs exactly.'],
  ])('refuses what the mock refuses: %j', (url, problem) => {
    expect(callbackUrlProblem(url)).toBe(problem);
  });

  it('refuses a URL longer than 2000 characters', () => {
    expect(callbackUrlProblem(`https://app.example.com/${'a'.repeat(2000)}`)).toBe('The URL is longer than 2000 characters.');
    expect(callbackUrlProblem(`https://app.example.com/${'a'.repeat(1900)}`)).toBeUndefined();
  });
});

describe('callbackUrlProblems', () => {
  it('names the line of a duplicate, and each line its own problem', () => {
    expect(callbackUrlProblems(['https://a.example/cb', 'ftp://a.example', 'https://a.example/cb'])).toEqual([
      undefined,
      'The scheme "ftp" is not accepted: use https, loopback http, or a reverse-domain scheme such as com.example.app: (RFC 8252 §7.1).',
      'This callback URL is listed twice.',
    ]);
  });
});

it("offers the Lab's loopback callback on a port", () => {
  expect(labCallbackUrl(8765)).toBe('http://127.0.0.1:8765/callback');
  expect(callbackUrlProblem(labCallbackUrl(8765))).toBeUndefined();
});
