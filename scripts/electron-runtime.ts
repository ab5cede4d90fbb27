/**
 * `npm start`'s choice between the Electron app and browser mode. Electron's npm package
 * holds no runtime: its install script downloads one, and where that failed (no
 * internet at `npm ci`) `node_modules/electron/path.txt` is missing. Then `npm start`
 * tries the download once more, and if that fails too it runs browser mode and says why
 * in one line. The probes are passed in, so the choice is tested without a download.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const INSTALL_COMMAND = 'node node_modules/electron/install.js';
export const INSTALL_TIMEOUT_MS = 60_000;

export type InstallResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface ElectronProbes {
  /** The runtime's executable, when installed (path.txt names it, and it exists). */
  findRuntime(): string | undefined;
  /** One download attempt (`node node_modules/electron/install.js`, at most a minute). */
  install(): Promise<InstallResult>;
  /** Whether a window can be shown: a display on Linux, always elsewhere. */
  hasDisplay(): boolean;
}

export type ShellChoice = { readonly shell: 'electron'; readonly executable: string } | { readonly shell: 'browser'; readonly why: string };

export async function chooseShell(probes: ElectronProbes, options: { readonly forceBrowser: boolean; readonly note?: (line: string) => void }): Promise<ShellChoice> {
  if (options.forceBrowser) return { shell: 'browser', why: 'Running in browser mode, as asked ("--browser").' };
  const installed = probes.findRuntime();
  if (!probes.hasDisplay()) {
    // No window to show: a download would not help, so none is tried.
    const runtime = installed === undefined ? ` Electron's runtime is not installed either; on a laptop with internet: ${INSTALL_COMMAND}` : '';
    return { shell: 'browser', why: `No display to show a window on ($DISPLAY and $WAYLAND_DISPLAY are unset); running in browser mode.${runtime}` };
  }
  if (installed !== undefined) return { shell: 'electron', executable: installed };
  options.note?.(`Electron's runtime is not installed; trying once to download it (at most ${INSTALL_TIMEOUT_MS / 1000} s)…`);
  const attempt = await probes.install();
  const downloaded = attempt.ok ? probes.findRuntime() : undefined;
  if (downloaded !== undefined) return { shell: 'electron', executable: downloaded };
  const reason = attempt.ok ? 'the download ended without a runtime' : attempt.reason;
  return {
    shell: 'browser',
    why: `Electron's runtime is not installed and could not be downloaded (${reason}); running in browser mode. On a laptop with internet: ${INSTALL_COMMAND}`,
  };
}

/** What the `electron` package's folder says of its runtime: found, or which piece is missing. */
export type RuntimeLookup =
  | { readonly installed: true; readonly executablePath: string }
  | { readonly installed: false; readonly missing: 'path.txt' }
  | { readonly installed: false; readonly missing: 'binary'; readonly executablePath: string };

/**
 * Where the `electron` package would find its runtime, read as its index.js reads it
 * (path.txt names the binary under dist/, or under ELECTRON_OVERRIDE_DIST_PATH), without
 * requiring the package: requiring it starts a download when the binary is missing. The
 * one finder of the project: `npm start` and the end-to-end suite's Electron project both read it.
 */
export function lookUpElectronRuntime(electronDir: string, env: NodeJS.ProcessEnv = process.env): RuntimeLookup {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return { installed: false, missing: 'path.txt' };
  const executablePath = join(env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(executablePath) ? { installed: true, executablePath } : { installed: false, missing: 'binary', executablePath };
}

/** The runtime's executable, when it is installed. */
export function findElectronRuntime(electronDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const runtime = lookUpElectronRuntime(electronDir, env);
  return runtime.installed ? runtime.executablePath : undefined;
}

/** Runs the package's install script once, with its output captured for the reason, and a time limit. */
export function installElectronRuntime(electronDir: string, cwd: string, timeoutMs: number = INSTALL_TIMEOUT_MS): Promise<InstallResult> {
  const script = join(electronDir, 'install.js');
  if (!existsSync(script)) return Promise.resolve({ ok: false, reason: 'the "electron" package is missing: run npm ci' });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const capture = (chunk: Buffer) => {
      if (output.length < 64 * 1024) output += chunk.toString('utf8');
    };
    child.stdout.on('data', capture);
    child.stderr.on('data', capture);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ ok: false, reason: `no answer within ${Math.round(timeoutMs / 1000)} s` });
      resolve(code === 0 ? { ok: true } : { ok: false, reason: installFailure(output, code) });
    });
  });
}

/** The line of the install script's output that says what went wrong (`TypeError: fetch failed`, `RequestError: …`). */
export function installFailure(output: string, code: number | null): string {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('at '));
  const line = lines.find((l) => /error|fail|denied|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN/i.test(l)) ?? lines.at(-1);
  if (line === undefined) return `the install script exited with status ${code ?? 'unknown'}`;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

export function realProbes(projectDir: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ElectronProbes {
  const electronDir = join(projectDir, 'node_modules', 'electron');
  return {
    findRuntime: () => findElectronRuntime(electronDir, env),
    install: () => installElectronRuntime(electronDir, projectDir),
    hasDisplay: () => platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY),
  };
}
