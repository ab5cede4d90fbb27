/**
 * The benchmarks: `npm run bench -- [--duration S] [--connections N] [--only ID] [--cpu-prof DIR]`.
 *
 * Each benchmark prints its numbers and its ratios against baselines measured in the
 * same run. Exit code 0 even when a target is missed (it is a measurement); 1 when a
 * subject failed to start or answered errors; 2 for bad arguments.
 *
 * A new benchmark is a module exporting a `Benchmark` (lib/benchmark.ts), listed below.
 */
import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Benchmark, BenchSettings } from './lib/benchmark';
import { apiThroughput } from './api-throughput';
import { diagnosticsRun } from './diagnostics-run';
import { tokenThroughput } from './token-throughput';

const BENCHMARKS: readonly Benchmark[] = [tokenThroughput, apiThroughput, diagnosticsRun];

const USAGE = `usage: tsx bench/run.ts [--duration SECONDS (5)] [--connections N (32)] [--warmup SECONDS (1)] [--rounds N (1)] [--only ${BENCHMARKS.map((b) => b.id).join('|')}] [--cpu-prof DIR]`;

function parseSettings(argv: readonly string[]): { settings: BenchSettings; only: string | undefined } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '32' },
      warmup: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '1' },
      only: { type: 'string' },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const integer = (name: string, text: string, min: number, max: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer from ${min} to ${max}, not "${text}"`);
    return value;
  };
  if (values.only !== undefined && !BENCHMARKS.some((b) => b.id === values.only)) {
    throw new Error(`--only "${values.only}" is not a benchmark; choose from ${BENCHMARKS.map((b) => b.id).join(', ')}`);
  }
  const cpuProfileDir = values['cpu-prof'] === undefined ? undefined : resolve(values['cpu-prof']);
  return {
    settings: {
      durationSeconds: integer('duration', values.duration, 1, 600),
      connections: integer('connections', values.connections, 1, 1000),
      warmupSeconds: integer('warmup', values.warmup, 0, 60),
      rounds: integer('rounds', values.rounds, 1, 20),
      ...(cpuProfileDir === undefined ? {} : { cpuProfileDir }),
    },
    only: values.only,
  };
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseSettings>;
  try {
    parsed = parseSettings(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    return 2;
  }
  const { settings, only } = parsed;
  if (settings.cpuProfileDir) mkdirSync(settings.cpuProfileDir, { recursive: true });
  const cpu = cpus();
  console.log(`Node ${process.version}, ${cpu.length} CPU cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${process.platform}/${process.arch}`);
  console.log(
    `${settings.connections} connections, ${settings.warmupSeconds} s warm-up, ${settings.durationSeconds} s measured per subject` +
      (settings.rounds > 1 ? `, ${settings.rounds} rounds in rotating order` : ''),
  );
  if (settings.cpuProfileDir) console.log(`CPU profiles of the servers go to ${settings.cpuProfileDir} (profiling slows them down)`);
  let ok = true;
  for (const benchmark of BENCHMARKS.filter((b) => only === undefined || b.id === only)) {
    console.log(`\n== ${benchmark.id}: ${benchmark.title}`);
    try {
      const outcome = await benchmark.run(settings);
      for (const problem of outcome.problems) console.error(`FAILED: ${problem}`);
      ok &&= outcome.ok;
    } catch (error) {
      console.error(`FAILED: ${benchmark.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}

// Ctrl-C: exiting runs the 'exit' handler of lib/child-server.ts, which kills the servers.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

// Exit explicitly: nothing a benchmark left behind (a socket, a loader's helper process) may keep the run alive.
process.exit(await main());
