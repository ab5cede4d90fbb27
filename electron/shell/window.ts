/**
 * The Lab's one window, locked down: the page runs isolated from the preload
 * (`contextIsolation`), in Chromium's sandbox, without Node, with web security on and no
 * `<webview>`; every response carries the strict Content-Security-Policy; permission
 * requests are refused (except writing to the clipboard, for the app's own page); and
 * navigation stays on the app's pages (see navigation-guard.ts).
 *
 * @see https://www.electronjs.org/docs/latest/tutorial/security
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebPreferences } from 'electron';
import { APP_SCHEME, serveRendererFile } from './app-protocol';
import { withContentSecurityPolicy } from './content-security-policy';
import { guardNavigation, type NavigationGuardOptions } from './navigation-guard';
import type { RendererLocation } from './renderer-location';

export const WINDOW_TITLE = 'Totango OAuth Lab';

/** The page's settings: nothing of Node or Electron reaches it but what the preload exposes. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** Permissions the app's own page may use; everything else (camera, geolocation, notifications, …) is refused. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** The policy on every response of the session, and its permission requests answered. */
export function secureSession(session: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, location: RendererLocation): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, location.contentSecurityPolicy) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && location.isAppUrl(details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && location.isAppUrl(requestingOrigin));
}

/** Serves the built renderer on the app protocol of the session (the scheme is registered as privileged before `ready`). */
export function serveAppProtocol(session: Pick<Session, 'protocol'>, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => serveRendererFile(request, rendererDir));
}

export interface MainWindowOptions extends Omit<NavigationGuardOptions, 'isAppUrl'> {
  /** The preload bundle (absolute path; CommonJS, since the page is sandboxed). */
  readonly preloadPath: string;
  readonly location: RendererLocation;
  /** Told when the page could not be loaded (a missing build, a dev server not running). */
  readonly onLoadFailed?: (url: string, cause: unknown) => void;
}

/** Creates the window, secures its session and contents, and loads the app's page; shown once painted. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  const contents = window.webContents;
  secureSession(contents.session, options.location);
  guardNavigation(contents, {
    isAppUrl: options.location.isAppUrl,
    openExternal: options.openExternal,
    ...(options.onRefused === undefined ? {} : { onRefused: options.onRefused }),
    ...(options.onOpenFailed === undefined ? {} : { onOpenFailed: options.onOpenFailed }),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.location.entryUrl).catch((error: unknown) => options.onLoadFailed?.(options.location.entryUrl, error));
  return window;
}
