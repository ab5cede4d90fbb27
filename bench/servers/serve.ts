/**
 * The child side of a benchmark server: start the subject, print one JSON ready line on
 * stdout, and stop on SIGTERM or SIGINT, or when the parent goes away (stdin closes), so
 * that no server outlives its benchmark. Diagnostics go to stderr, never stdout.
 */

/** What a server under test tells the parent once it listens: at least one URL, all on 127.0.0.1. */
export interface ReadyLine {
  readonly ready: true;
  /** The token endpoint. */
  readonly tokenUrl?: string;
  /** The base URL of its API (a mock region's issuer, which serves the catalogued APIs), or a bare server's origin. */
  readonly apiBaseUrl?: string;
  /** Client credentials, for a server that checks them. */
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** An access token it issued to the registered client, and the scopes that token holds. */
  readonly accessToken?: string;
  readonly scopes?: readonly string[];
}

/** Whether a parsed line is a ready line: `ready: true` and at least one URL, every URL on 127.0.0.1. */
export function isReadyLine(value: unknown): value is ReadyLine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const urls = [v.tokenUrl, v.apiBaseUrl].filter((u) => u !== undefined);
  return (
    v.ready === true &&
    urls.length > 0 &&
    urls.every((u) => typeof u === 'string' && URL.canParse(u) && new URL(u).hostname === '127.0.0.1') &&
    (v.scopes === undefined || (Array.isArray(v.scopes) && v.scopes.every((s) => typeof s === 'string')))
  );
}

export interface RunningSubject {
  readonly ready: Omit<ReadyLine, 'ready'>;
  stop(): Promise<void>;
}

/** The longest a subject may take to stop before the child exits anyway. */
const STOP_TIMEOUT_MS = 5_000;

export function serve(start: () => Promise<RunningSubject>): void {
  let subject: RunningSubject | undefined;
  let stopping = false;
  const shutdown = (code: number) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(code === 0 ? 1 : code), STOP_TIMEOUT_MS).unref();
    void (subject?.stop() ?? Promise.resolve()).then(
      () => process.exit(code),
      (error: unknown) => {
        process.stderr.write(`stopping failed: ${String(error)}\n`);
        process.exit(code === 0 ? 1 : code);
      },
    );
  };
  process.once('SIGTERM', () => shutdown(0));
  process.once('SIGINT', () => shutdown(0));
  // The parent holds our stdin: when it exits, even by SIGKILL, stdin ends.
  process.stdin.on('end', () => shutdown(0));
  process.stdin.on('error', () => shutdown(0));
  process.stdin.resume();
  start().then(
    (running) => {
      subject = running;
      if (stopping) return void running.stop();
      const line: ReadyLine = { ready: true, ...running.ready };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`the server did not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
