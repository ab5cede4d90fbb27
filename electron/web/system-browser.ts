/**
 * Opens the launch URL in the person's browser without putting the token on a command
 * line: another local user can read a process's arguments (`ps`, `/proc/PID/cmdline`),
 * and a browser started by the opener keeps them for its whole life. So the opener gets
 * a file instead, readable by this user only, whose page moves on to the launch URL
 * (Jupyter opens its token URL the same way).
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/** The platform's "open this with the default application" command. */
export function openCommand(platform: NodeJS.Platform, target: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [target] };
  if (platform === 'win32') return { command: 'cmd', args: ['/d', '/s', '/c', 'start', '""', `"${target}"`] };
  return { command: 'xdg-open', args: [target] };
}

/** A page that sends the browser on to `url`, with no script (the URL is ours: an origin and a base64url token). */
export function launchPage(url: string): string {
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${escaped}"><title>Totango OAuth Lab</title></head>`,
    `<body><p>Opening the Lab… <a href="${escaped}">continue</a></p></body></html>`,
    '',
  ].join('\n');
}

export interface OpenedLaunchPage {
  /** Removes the page (the browser has read it long before the Lab stops). */
  remove(): Promise<void>;
}

export interface OpenOptions {
  readonly spawn?: Spawn;
  readonly platform?: NodeJS.Platform;
  readonly tempDir?: string;
  /** Told when the opener could not start or gave up (the URL is printed anyway). */
  readonly onFailure?: (reason: string) => void;
}

export async function openInSystemBrowser(url: string, options: OpenOptions = {}): Promise<OpenedLaunchPage> {
  // mkdtemp makes the folder 0700; the page itself is 0600.
  const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'totango-lab-open-'));
  const page = join(dir, 'open-lab.html');
  await writeFile(page, launchPage(url), { mode: 0o600 });
  const { command, args } = openCommand(options.platform ?? process.platform, page);
  const child = (options.spawn ?? nodeSpawn)(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: true });
  child.once('error', (error) => options.onFailure?.(`"${command}" could not start (${error.message})`));
  child.once('exit', (code) => {
    if (code !== null && code !== 0) options.onFailure?.(`"${command}" exited with status ${code}`);
  });
  child.unref();
  return { remove: () => rm(dir, { recursive: true, force: true }) };
}
