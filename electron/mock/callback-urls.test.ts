/**
 * Which authorization callback URLs an application may register (RFC 6749 §3.1.2,
 * RFC 8252 §7.1 and §7.3).
 */
import { describe, expect, it } from 'vitest';
import { callbackUrlProblem, matchesCallbackUrl } from './callback-urls';

describe('callbackUrlProblem', () => {
  it.each([
    'https://app.example.com/oauth/callback',
    'https://app.example.com:8443/cb?tenant=acme',
    'https://localhost/cb',
  ])('accepts https: %s', (url) => {
    expect(callbackUrlProblem(url)).toBeUndefined();
  });

  it.each([
    'http://127.0.0.1:8765/callback',
    'http://127.0.0.1/callback',
    'http://[::1]:8765/callback',
    'http://localhost:3000/callback',
    'http://LOCALHOST:3000/callback',
  ])('accepts plain http on a loopback host: %s', (url) => {
    expect(callbackUrlProblem(url)).toBeUndefined();
  });

  it.each([
    'http://app.example.com/callback',
    'http://192.168.1.20:8765/callback',
    'http://127.0.0.2/callback',
    'http://localhost.attacker.example/callback',
    'http://[::2]/callback',
  ])('refuses plain http elsewhere: %s', (url) => {
    expect(callbackUrlProblem(url)).toBe('uses plain http on a host that is not loopback; use https, or http://127.0.0.1 (RFC 8252)');
  });

  it.each(['https://app.example.com/cb#done', 'https://app.example.com/cb#', 'http://127.0.0.1:8765/cb#x'])('refuses a fragment: %s', (url) => {
    expect(callbackUrlProblem(url)).toBe('has a fragment, which a redirect URI must not have (RFC 6749 §3.1.2)');
  });

  it.each(['https://user:secret@app.example.com/cb', 'https://user@app.example.com/cb', 'http://:pw@127.0.0.1/cb'])(
    'refuses user credentials: %s',
    (url) => {
      expect(callbackUrlProblem(url)).toBe('carries user credentials');
    },
  );

  it.each(['com.example.app:/oauth2redirect', 'com.example.app:/cb', 'Com.Example.App:/cb', 'io.totango.lab-desktop:/callback'])(
    'accepts a reverse-domain private-use scheme: %s',
    (url) => {
      expect(callbackUrlProblem(url)).toBeUndefined();
    },
  );

  it.each([
    ['javascript:alert(document.cookie)', 'javascript'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['file:///etc/passwd', 'file'],
    ['ftp://files.example.com/cb', 'ftp'],
    ['myapp:/callback', 'myapp'],
  ])('refuses the scheme of %s', (url, scheme) => {
    expect(callbackUrlProblem(url)).toBe(
      `uses the scheme "${scheme}"; use https, loopback http, or a reverse-domain private-use scheme (RFC 8252 §7.1)`,
    );
  });

  it.each(['/callback', 'callback', '//app.example.com/cb', '', 'https://'])('refuses a URL that is not absolute: %j', (url) => {
    expect(callbackUrlProblem(url)).toBe('is not an absolute URL');
  });

  it('refuses a URL longer than 2000 characters', () => {
    expect(callbackUrlProblem(`https://app.example.com/${'a'.repeat(2000)}`)).toBe('is longer than 2000 characters');
    expect(callbackUrlProblem(`https://app.example.com/${'a'.repeat(1900)}`)).toBeUndefined();
  });
});

describe('matchesCallbackUrl', () => {
  const registered = ['http://127.0.0.1:8765/callback', 'http://[::1]/cb?x=1', 'http://localhost:3000/callback', 'https://app.example.com/cb'];

  it.each([
    'http://127.0.0.1:8765/callback',
    'http://127.0.0.1:1/callback',
    'http://127.0.0.1/callback',
    'http://[::1]:65535/cb?x=1',
    'http://localhost:3000/callback',
    'https://app.example.com/cb',
  ])('matches %s', (requested) => {
    expect(matchesCallbackUrl(registered, requested)).toBe(true);
  });

  it.each([
    'http://127.0.0.1:8765/callback/',
    'http://127.0.0.1:8765/Callback',
    'http://127.0.0.1:65536/callback',
    'http://127.0.0.1:8765/callback?extra=1',
    'http://[::1]:8765/cb',
    'http://localhost:3001/callback',
    'https://app.example.com:444/cb',
    'http://127.0.0.1.evil.example:8765/callback',
    'http://127.0.0.1:8765@evil.example/callback',
  ])('does not match %s', (requested) => {
    expect(matchesCallbackUrl(registered, requested)).toBe(false);
  });
});
