/**
 * What a benchmark module exports, so that bench/run.ts can list them. A benchmark is a
 * measurement: falling short of a target is reported, not failed; a subject that does not
 * start or answers errors makes the run fail.
 */

export interface BenchSettings {
  readonly durationSeconds: number;
  readonly connections: number;
  readonly warmupSeconds: number;
  /** How many times each subject is measured, in rotating order; results are medians. */
  readonly rounds: number;
  /** When set, servers under test write V8 CPU profiles into this directory. */
  readonly cpuProfileDir?: string;
}

export interface BenchOutcome {
  /** False when a subject failed to start, failed its check, or answered errors under load. */
  readonly ok: boolean;
  readonly problems: readonly string[];
}

export interface Benchmark {
  /** The name `--only` selects. */
  readonly id: string;
  readonly title: string;
  run(settings: BenchSettings): Promise<BenchOutcome>;
}
