import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { BUILT_RENDERER } from './renderer-location';
import { createMainWindow } from './window';

type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void;
type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
type PermissionCheck = (contents: unknown, permission: string, requestingOrigin: string) => boolean;
type OpenHandler = (details: { url: string }) => { action: string };

const fake = vi.hoisted(() => ({ windows: [] as unknown[] }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeContents extends Emitter {
    openHandler: OpenHandler | undefined;
    readonly session = {
      headersListener: undefined as HeadersListener | undefined,
      permissionRequest: undefined as PermissionRequest | undefined,
      permissionCheck: undefined as PermissionCheck | undefined,
      webRequest: { onHeadersReceived: (listener: HeadersListener) => (this.session.headersListener = listener) },
      setPermissionRequestHandler: (handler: PermissionRequest) => (this.session.permissionRequest = handler),
      setPermissionCheckHandler: (handler: PermissionCheck) => (this.session.permissionCheck = handler),
    };
    setWindowOpenHandler(handler: OpenHandler) {
      this.openHandler = handler;
    }
  }
  class BrowserWindow extends Emitter {
    readonly webContents = new FakeContents();
    readonly loaded: string[] = [];
    shown = false;
    constructor(readonly options: unknown) {
      super();
      fake.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
  }
  return { BrowserWindow };
});

interface FakeWindow extends EventEmitter {
  readonly options: { webPreferences: Record<string, unknown>; show: boolean };
  readonly loaded: string[];
  readonly shown: boolean;
  readonly webContents: EventEmitter & {
    openHandler: OpenHandler;
    session: { headersListener: HeadersListener; permissionRequest: PermissionRequest; permissionCheck: PermissionCheck };
  };
}

function open() {
  const opened: string[] = [];
  const refused: string[] = [];
  createMainWindow({
    preloadPath: '/app/dist/electron/preload.cjs',
    location: BUILT_RENDERER,
    openExternal: async (url) => {
      opened.push(url);
    },
    onRefused: (what, url) => refused.push(`${what} ${url}`),
  });
  const window = fake.windows.at(-1) as FakeWindow;
  /** Emits `will-navigate` (or another navigation event) and says whether the window refused it. */
  const navigate = (eventName: string, url: string) => {
    const event = { preventDefault: vi.fn() };
    if (eventName === 'will-attach-webview') window.webContents.emit(eventName, event, {}, { src: url });
    else window.webContents.emit(eventName, event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { window, opened, refused, navigate };
}

describe('the main window', () => {
  beforeEach(() => {
    fake.windows.length = 0;
  });

  it('isolates the page: context isolation, sandbox, no Node, web security, no webview, the preload', () => {
    const { window } = open();
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it("loads the app's page, and shows the window once it is painted", () => {
    const { window } = open();
    expect(window.loaded).toEqual([APP_ENTRY_URL]);
    expect(window.options.show).toBe(false);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('puts the strict policy on every response, replacing one the response carried', () => {
    const { window } = open();
    let answered: { responseHeaders?: Record<string, string[]> } | undefined;
    window.webContents.session.headersListener(
      { url: APP_ENTRY_URL, responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["script-src * 'unsafe-eval'"] } },
      (response) => (answered = response),
    );
    expect(answered).toEqual({ responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('refuses every permission request, but writing to the clipboard from the app itself', () => {
    const { window } = open();
    const session = window.webContents.session;
    const request = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      session.permissionRequest(window.webContents, permission, (answer) => (granted = answer), { requestingUrl });
      return granted;
    };
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) expect(request(permission, APP_ENTRY_URL)).toBe(false);
    expect(request('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(session.permissionCheck(window.webContents, 'media', 'totango-lab://app')).toBe(false);
    expect(session.permissionCheck(window.webContents, 'clipboard-sanitized-write', 'totango-lab://app')).toBe(true);
  });

  it("lets the page navigate within the app's own pages", () => {
    const { navigate, opened } = open();
    expect(navigate('will-navigate', 'totango-lab://app/index.html#/tokens')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('refuses a navigation away, and hands an http(s) link to the system browser', () => {
    const { navigate, opened, refused } = open();
    expect(navigate('will-navigate', 'https://developer.totango.com/docs')).toBe(true);
    expect(navigate('will-navigate', 'http://127.0.0.1:4780/admin/openapi.json')).toBe(true);
    expect(opened).toEqual(['https://developer.totango.com/docs', 'http://127.0.0.1:4780/admin/openapi.json']);
    expect(refused).toEqual(['navigation https://developer.totango.com/docs', 'navigation http://127.0.0.1:4780/admin/openapi.json']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id', 'https://user:pass@evil.example/', 'not a url'])(
    'refuses a navigation to %s and hands it to nobody',
    (url) => {
      const { navigate, opened } = open();
      expect(navigate('will-navigate', url)).toBe(true);
      expect(opened).toEqual([]);
    },
  );

  it('refuses a redirect away and a webview', () => {
    const { navigate, refused } = open();
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-redirect', 'totango-lab://app/index.html')).toBe(false);
    expect(navigate('will-attach-webview', 'totango-lab://app/index.html')).toBe(true);
    expect(refused).toEqual(['redirect https://evil.example/', 'webview totango-lab://app/index.html']);
  });

  it('denies every new window, opening only http(s) links in the system browser', () => {
    const { window, opened } = open();
    for (const url of ['https://www.rfc-editor.org/rfc/rfc6749', 'file:///etc/passwd', 'javascript:alert(1)', 'totango-lab://app/index.html', 'about:blank']) {
      expect(window.webContents.openHandler({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://www.rfc-editor.org/rfc/rfc6749']);
  });
});
