/**
 * The child side of a benchmark server: start the subject, print one JSON ready line on
 * stdout, and stop on SIGTERM or SIGINT, or when the parent goes away (stdin closes), so
 * that no server outlives its benchmark. Diagnostics go to stderr, never stdout.
 */

/** What a server under test tells the parent once it listens. */
export interface ReadyLine {
  readonly ready: true;
  /** The token endpoint, on 127.0.0.1. */
  readonly tokenUrl: string;
  /** Client credentials, for a server that checks them. */
  readonly clientId?: string;
  readonly clientSecret?: string;
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
