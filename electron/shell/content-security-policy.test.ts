import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, withContentSecurityPolicy } from './content-security-policy';

describe('the Content-Security-Policy', () => {
  it('allows own scripts only, inline styles (Mantine), and nothing framed, posted or plugged in', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it("adds browser mode's WebSocket origin to connect-src and nowhere else", () => {
    const policy = contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:4790'] });
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:4790;");
    expect(policy.replace(' ws://127.0.0.1:4790', '')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(["'self'; script-src *", 'ws://a b', 'https://evil.example/path', '', "'unsafe-eval' 'self'"])('refuses a source that could rewrite the policy: %j', (source) => {
    expect(() => contentSecurityPolicy({ connectSrc: [source] })).toThrow(`invalid "connect-src" source: ${JSON.stringify(source)}`);
  });
});

describe('withContentSecurityPolicy', () => {
  it('sets the policy and drops any other, whatever the header case, keeping the rest', () => {
    expect(
      withContentSecurityPolicy({
        'Content-Type': ['text/html'],
        'CONTENT-SECURITY-POLICY': ["default-src *"],
        'content-security-policy-report-only': ["default-src 'none'"],
        'x-one': 'value',
      }),
    ).toEqual({ 'Content-Type': ['text/html'], 'x-one': ['value'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('sets it on a response without headers', () => {
    expect(withContentSecurityPolicy(undefined, "default-src 'none'")).toEqual({ 'Content-Security-Policy': ["default-src 'none'"] });
  });
});
