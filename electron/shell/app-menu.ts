/**
 * The application menu: the platform's usual roles (app, File, Edit, View, Window), and
 * Help with the Lab's own documents on disk, its data folder, and the RFCs it follows.
 * Documents are opened by the system (never in the window); a missing one is left out.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface HelpDocument {
  readonly label: string;
  /** Absolute path of a file the system opens. */
  readonly path: string;
}

export interface AppMenuOptions {
  readonly platform: NodeJS.Platform;
  /** The Lab's documents that exist on disk (README, the mock's reference). */
  readonly documents: readonly HelpDocument[];
  readonly dataDir: string;
  /** Opens a file or folder with the system (`shell.openPath`). */
  readonly openPath: (path: string) => void;
  /** Opens an http(s) URL in the system browser (`shell.openExternal`). */
  readonly openExternal: (url: string) => void;
}

/** The specifications the Lab implements, for the Help menu. */
export const SPECIFICATIONS: readonly { readonly label: string; readonly url: string }[] = [
  { label: 'OAuth 2.0 (RFC 6749)', url: 'https://www.rfc-editor.org/rfc/rfc6749' },
  { label: 'Bearer tokens (RFC 6750)', url: 'https://www.rfc-editor.org/rfc/rfc6750' },
  { label: 'PKCE (RFC 7636)', url: 'https://www.rfc-editor.org/rfc/rfc7636' },
  { label: 'Mutual TLS (RFC 8705)', url: 'https://www.rfc-editor.org/rfc/rfc8705' },
  { label: 'JWT access tokens (RFC 9068)', url: 'https://www.rfc-editor.org/rfc/rfc9068' },
];

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const help: MenuItemConstructorOptions[] = [
    ...options.documents.map((document) => ({ label: document.label, click: () => options.openPath(document.path) })),
    { label: 'Open the Data Folder', click: () => options.openPath(options.dataDir) },
    { type: 'separator' },
    ...SPECIFICATIONS.map((spec) => ({ label: spec.label, click: () => options.openExternal(spec.url) })),
  ];
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: help },
  ];
}
