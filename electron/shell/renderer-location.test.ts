import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { BUILT_RENDERER, resolveRendererLocation } from './renderer-location';

describe('resolveRendererLocation', () => {
  it('loads the built renderer over the app protocol by default, under the strict policy', () => {
    const location = resolveRendererLocation({});
    expect(location).toBe(BUILT_RENDERER);
    expect(location.entryUrl).toBe(APP_ENTRY_URL);
    expect(location.contentSecurityPolicy).toBe(CONTENT_SECURITY_POLICY);
  });

  it('loads a loopback dev server, trusting its origin only, with its inline preamble and WebSocket allowed', () => {
    const location = resolveRendererLocation({ LAB_RENDERER_URL: 'http://localhost:5173/' });
    expect(location).toMatchObject({ entryUrl: 'http://localhost:5173/', origin: 'http://localhost:5173', kind: 'dev-server' });
    expect(location.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(location.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(location.isAppUrl(APP_ENTRY_URL)).toBe(false);
    expect(location.contentSecurityPolicy).toContain("script-src 'self' 'unsafe-inline';");
    expect(location.contentSecurityPolicy).toContain("connect-src 'self' ws://localhost:5173;");
  });

  it.each([
    ['https://lab.example.com/', 'https://lab.example.com'],
    ['http://192.168.1.20:5173/', 'http://192.168.1.20:5173'],
    ['file:///tmp/index.html', 'file://'],
  ])('refuses a dev server that is not loopback http: %s', (url, shown) => {
    expect(() => resolveRendererLocation({ LAB_RENDERER_URL: url })).toThrow(
      `invalid "LAB_RENDERER_URL": the window loads only a loopback http:// dev server (127.0.0.1, localhost or [::1]), not ${shown}`,
    );
  });

  it('refuses a value that is not a URL', () => {
    expect(() => resolveRendererLocation({ LAB_RENDERER_URL: 'localhost:5173' })).toThrow('invalid "LAB_RENDERER_URL"');
    expect(() => resolveRendererLocation({ LAB_RENDERER_URL: '::' })).toThrow('invalid "LAB_RENDERER_URL": not a URL');
  });
});
