/**
 * The parent side of a benchmark server: spawn a TypeScript server script in its own Node
 * process (so that the load generator and the server never share an event loop), wait for
 * its JSON ready line, and make sure it dies with the benchmark: on stop(), on an error,
 * on Ctrl-C, and at exit. The child also exits by itself when our end of its stdin closes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { isReadyLine, type ReadyLine } from '../servers/serve';

export interface ChildServer {
  readonly name: string;
  readonly pid: number;
  readonly ready: ReadyLine;
  /** SIGTERM, then SIGKILL if the child has not exited after a grace period. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra Node flags for the child, such as `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
  /** Arguments for the script itself (`process.argv.slice(2)` in the child). */
  readonly args?: readonly string[];
  readonly startTimeoutMs?: number;
}

const STOP_GRACE_MS = 6_000;
const live = new Set<ChildProcess>();

/** The tsx loader, resolved from here so that the child finds it whatever its cwd. */
const TSX = import.meta.resolve('tsx');

process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function startChildServer(name: string, script: string, options: StartOptions = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', TSX, ...(options.nodeArgs ?? []), script, ...(options.args ?? [])], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
    if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${chunk}`);
  });
  child.stdin.on('error', () => {});

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  const timeoutMs = options.startTimeoutMs ?? 60_000;
  try {
    const ready = await new Promise<ReadyLine>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      const fail = (why: string) => {
        lines.close();
        reject(new Error(`${name} did not start: ${why}${stderr.trim() ? `\n--- its stderr ---\n${stderr.trim()}` : ''}`));
      };
      const timer = setTimeout(() => fail(`no ready line within ${timeoutMs / 1000} s`), timeoutMs);
      child.once('error', (error) => fail(error.message));
      child.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${code}`}) before it was ready`));
      lines.on('line', (line) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          process.stderr.write(`[${name}] ${line}\n`);
          return;
        }
        if (!isReadyLine(parsed)) return fail(`unexpected ready line: ${line.slice(0, 300)}`);
        clearTimeout(timer);
        lines.removeAllListeners('line');
        // Anything more it prints is a diagnostic.
        lines.on('line', (more) => process.stderr.write(`[${name}] ${more}\n`));
        resolve(parsed);
      });
    });
    return { name, pid: child.pid ?? -1, ready, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
