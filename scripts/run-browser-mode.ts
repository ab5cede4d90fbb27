/**
 * Runs browser mode in this process until Ctrl+C: what `npm run web` does, and what
 * `npm start` falls back to. Prints the launch URL (stdout), notes and failures (stderr),
 * opens the browser unless told not to, and stops everything cleanly on SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../electron/data-dir';
import { launchLine, mockSummaryLines, NotBuiltError, startBrowserMode } from '../electron/web/browser-mode';
import { openInSystemBrowser } from '../electron/web/system-browser';
import type { LaunchArgs } from './launch-args';

export const PROJECT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RENDERER_DIR = join(PROJECT_DIR, 'dist', 'renderer');

export function labVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

export interface RunOptions {
  /** Lines printed before the launch line (npm start: why it is browser mode). */
  readonly preface?: readonly string[];
  /** Also print where the mock listens and a curl example (npm start). */
  readonly mockSummary?: boolean;
  /** The built window; dist/renderer by default. */
  readonly staticDir?: string;
}

export async function runBrowserMode(args: LaunchArgs, options: RunOptions = {}): Promise<void> {
  const dataDir = resolveDataDir(args.dataDir);
  const note = (line: string) => process.stderr.write(`${line}\n`);
  const logError = (message: string, cause: unknown) => process.stderr.write(`lab: ${message}${cause === undefined ? '' : `: ${cause instanceof Error ? cause.message : String(cause)}`}\n`);
  let mode;
  try {
    mode = await startBrowserMode({
      dataDir,
      version: labVersion(),
      staticDir: options.staticDir ?? RENDERER_DIR,
      ...(args.port === undefined ? {} : { port: args.port }),
      ...(args.mockPort === undefined ? {} : { mockPort: args.mockPort }),
      note,
      logError,
    });
  } catch (error) {
    const message = error instanceof NotBuiltError ? error.message : `browser mode could not start: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${[...(options.preface ?? []), message].join('\n')}\n`);
    process.exit(1);
  }
  const lines = [...(options.preface ?? []), launchLine(mode, dataDir), ...(options.mockSummary ? ['', ...mockSummaryLines(mode)] : [])];
  process.stdout.write(`${lines.join('\n')}\n`);

  const cannotOpen = (reason: string) => note(`could not open a browser (${reason}); open the URL above yourself.`);
  const opened = args.open
    ? await openInSystemBrowser(mode.host.url, { onFailure: cannotOpen }).catch((error: unknown) => void cannotOpen(error instanceof Error ? error.message : String(error)))
    : undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    void Promise.allSettled([mode.stop(), opened?.remove()]).then(() => process.exit(0));
  };
  // A second Ctrl+C while stopping gives up waiting.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
