/**
 * The Electron entry: starts the Lab (the mock and the services) on the user's data
 * directory, wires the contract to one locked-down window over IPC, and stops the
 * servers before quitting. Everything it wires lives in electron/shell/ and is tested
 * there; this file only composes it. Bundled to dist/electron/main.js
 * (scripts/build-electron.ts), next to preload.cjs, with the renderer in dist/renderer/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, type BrowserWindow } from 'electron';
import { startLab } from './boot/start-lab';
import { adoptAppIdentity } from './shell/app-identity';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './shell/app-protocol';
import { appMenuTemplate, type HelpDocument } from './shell/app-menu';
import { forwardEvents, registerContractIpc } from './shell/ipc-handlers';
import { mockPortFlag, resolveElectronDataDir } from './shell/launch-options';
import { startOnMockPort } from './shell/mock-port-fallback';
import { externalLinkTarget } from './shell/navigation-guard';
import { quitCleanly } from './shell/quit-cleanly';
import { resolveRendererLocation } from './shell/renderer-location';
import { createSafeStorageSecretStore } from './shell/safe-storage-secret-store';
import { createSenderCheck } from './shell/sender-check';
import { createMainWindow, serveAppProtocol } from './shell/window';

const bundleDir = dirname(fileURLToPath(import.meta.url));
const paths = {
  preload: join(bundleDir, 'preload.cjs'),
  rendererDir: join(bundleDir, '..', 'renderer'),
  root: join(bundleDir, '..', '..'),
};

const logError = (message: string, cause: unknown) => (cause === undefined ? console.error(`[lab] ${message}`) : console.error(`[lab] ${message}`, cause));

/** Opens only http(s) URLs in the system browser (the authorization page, links). */
async function openInBrowser(url: string): Promise<void> {
  const target = externalLinkTarget(url);
  if (target === undefined) throw new Error('invalid "url": only http(s) URLs open in the system browser');
  await shell.openExternal(target);
}

/** A failure to start, with the title of the box that tells the user. */
class StartupError extends Error {
  constructor(
    readonly title: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Tells the user why the Lab cannot start (the box may be shown before `ready`), and exits. */
function exitWith(error: unknown): never {
  const title = error instanceof StartupError ? error.title : 'Totango OAuth Lab could not start';
  const message = error instanceof Error ? error.message : String(error);
  logError(`${title}: ${message}`, error instanceof StartupError ? error.cause : error);
  dialog.showErrorBox(title, message);
  app.exit(1);
  process.exit(1);
}

// Before `ready`: the app's scheme is privileged and every renderer sandboxed.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

const version = adoptAppIdentity(app, join(paths.root, 'package.json'));
let launch: ReturnType<typeof resolveElectronDataDir>;
let location: ReturnType<typeof resolveRendererLocation>;
let mockPort: number | undefined;
try {
  launch = resolveElectronDataDir(process.argv, process.env, () => app.getPath('userData'));
  mockPort = mockPortFlag(process.argv);
  location = resolveRendererLocation(process.env);
} catch (error) {
  exitWith(new StartupError('Totango OAuth Lab: invalid launch options', error instanceof Error ? error.message : String(error)));
}
if (launch.profileDir !== undefined) app.setPath('userData', launch.profileDir);

let window: BrowserWindow | undefined;
const windowContents = () => (window === undefined || window.isDestroyed() ? undefined : window.webContents);

function showWindow(): void {
  if (window === undefined || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

async function main(): Promise<void> {
  await app.whenReady();
  if (location.kind === 'built' && !existsSync(join(paths.rendererDir, 'index.html'))) {
    throw new StartupError('Totango OAuth Lab: the window is not built', `"${join(paths.rendererDir, 'index.html')}" is missing: build the window first (npm run build:renderer)`);
  }
  serveAppProtocol(session.defaultSession, paths.rendererDir);
  const secretStore = createSafeStorageSecretStore(safeStorage);
  const lab = await startOnMockPort(
    mockPort,
    (port) => startLab({ dataDir: launch.dataDir, shell: 'electron', version, mockPort: port, secretStore, openBrowser: openInBrowser, logError }),
    (note) => logError(note, undefined),
  );

  const unregisterIpc = registerContractIpc(ipcMain, lab.services.dispatcher, createSenderCheck({ windowContents, isAppUrl: location.isAppUrl }), {
    onRefused: (channel, url) => logError(`refused a call on "${channel}" from ${url ?? 'a frame that is gone'}`, undefined),
  });
  const stopEvents = forwardEvents(lab.services.events, (channel, event) => windowContents()?.send(channel, event));
  quitCleanly(
    app,
    async () => {
      stopEvents();
      unregisterIpc();
      await lab.stop();
    },
    { logError },
  );

  const documents: HelpDocument[] = [
    { label: 'Totango OAuth Lab README', path: join(paths.root, 'README.md') },
    { label: 'The Mock Totango', path: join(paths.root, 'docs', 'mock-totango.md') },
  ].filter((document) => existsSync(document.path));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        platform: process.platform,
        documents,
        dataDir: launch.dataDir,
        openPath: (path) => void shell.openPath(path),
        openExternal: (url) => void openInBrowser(url).catch((error: unknown) => logError('could not open the browser', error)),
      }),
    ),
  );

  const openWindow = () => {
    window = createMainWindow({
      preloadPath: paths.preload,
      location,
      openExternal: openInBrowser,
      onRefused: (what, url) => logError(`refused a ${what} to ${url}`, undefined),
      onOpenFailed: (url, cause) => logError(`could not open ${url} in the browser`, cause),
      onLoadFailed: (url, cause) => logError(`could not load the window's page ${url}`, cause),
    });
    window.on('closed', () => {
      window = undefined;
    });
  };
  openWindow();
  app.on('second-instance', showWindow);
  app.on('activate', () => {
    if (window === undefined) openWindow();
  });
  app.on('window-all-closed', () => app.quit());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
}

if (!app.requestSingleInstanceLock()) {
  // Another Lab on this data directory is running: it shows its window (second-instance).
  app.quit();
} else {
  main().catch(exitWith);
}
