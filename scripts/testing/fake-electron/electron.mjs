/**
 * A stand-in for the `electron` module, to run the bundled main process under plain Node
 * (Electron's binary cannot be installed here). It records what the main process asks of
 * Electron as JSON lines on stdout, and once the window loads its page it drives the app
 * as a window would: it fetches the page through the app protocol, calls the contract
 * over the registered IPC handlers (from the window, and from a foreign sender), then
 * quits. The process must then end by itself: a server left open would keep it alive.
 */
import { EventEmitter } from 'node:events';

const record = (kind, fields = {}) => process.stdout.write(`${JSON.stringify({ kind, ...fields })}\n`);

const ipcHandlers = new Map();
const protocolHandlers = new Map();

class FakeApp extends EventEmitter {
  // As Electron's default_app leaves it when started with a script path.
  name = 'Electron';
  isPackaged = false;
  paths = { appData: '/nonexistent/app-data', userData: '/nonexistent/app-data/Electron' };
  getName() {
    return this.name;
  }
  setName(name) {
    this.name = name;
    record('setName', { name });
  }
  enableSandbox() {
    record('enableSandbox');
  }
  getPath(name) {
    return this.paths[name];
  }
  setPath(name, value) {
    this.paths[name] = value;
    record('setPath', { name, value });
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return new Promise((resolve) => setImmediate(resolve));
  }
  getVersion() {
    return '45.0.0-electron';
  }
  quit() {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return record('quitHeld');
    record('quit', { handlersLeft: ipcHandlers.size });
  }
  exit(code) {
    record('exit', { code });
    process.exit(code);
  }
}

export const app = new FakeApp();

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => record('privilegedSchemes', { schemes }),
};

const webRequest = { onHeadersReceived: (listener) => (webRequest.listener = listener) };
export const session = {
  defaultSession: {
    protocol: { handle: (scheme, handler) => protocolHandlers.set(scheme, handler) },
    webRequest,
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
  },
};

export const ipcMain = {
  handle(channel, handler) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
  },
  removeHandler: (channel) => ipcHandlers.delete(channel),
};

export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: (template) => record('menu', { roles: template.map((item) => item.role) }),
};

export const dialog = { showErrorBox: (title, content) => record('errorBox', { title, content }) };
export const shell = { openExternal: async (url) => record('openExternal', { url }), openPath: async () => '' };
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'unknown',
  encryptString: () => {
    throw new Error('unavailable');
  },
  decryptString: () => {
    throw new Error('unavailable');
  },
};

/** What a window does once its page is loading: fetch it, call the contract, quit. */
async function drive(window, url) {
  const page = await protocolHandlers.get('totango-lab')(new Request(url));
  record('page', { url, status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() });
  const fromWindow = { sender: window.webContents, senderFrame: { url, parent: null } };
  const fromElsewhere = { sender: { id: 99 }, senderFrame: { url, parent: null } };
  const call = async (name, event, input) => record('call', { name, channels: ipcHandlers.size, result: await ipcHandlers.get(`lab:${name}`)(event, input) });
  await call('lab.info', fromWindow, {});
  await call('mock.status', fromWindow, {});
  await call('mock.advanceClock', fromWindow, { seconds: 'soon' });
  await call('lab.info', fromElsewhere, {});
  setTimeout(() => app.quit(), 50);
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    const contents = new EventEmitter();
    contents.session = session.defaultSession;
    contents.setWindowOpenHandler = () => {};
    contents.send = (channel, event) => record('send', { channel, name: event.name });
    this.webContents = contents;
    record('window', { webPreferences: options.webPreferences });
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  async loadURL(url) {
    record('loadURL', { url });
    setImmediate(() => drive(this, url).catch((error) => record('driveFailed', { message: String(error?.stack ?? error) })));
  }
}
