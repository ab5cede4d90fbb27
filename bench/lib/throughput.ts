/**
 * The requests-per-second part of a benchmark: measure each subject's one request under
 * the same load, round after round in rotating order, then print a table of the rates
 * and the ratios of ours to each baseline, with their targets.
 */
import type { BenchSettings } from './benchmark';
import { measure, type LoadRequest, type LoadResult } from './load';
import { medianBy, rotate } from './stats';
import { formatNumber, formatTable } from './table';

export interface ThroughputSubject {
  readonly id: string;
  /** How the table names it. */
  readonly label: string;
}

/** One map per round, from subject id to its measured run. */
export type Rounds = readonly ReadonlyMap<string, LoadResult>[];

/**
 * Measures every subject that has a request, `settings.rounds` times. Rounds rotate the
 * order, so that a slow moment of a shared machine does not fall on one subject only.
 * Any non-2xx answer or connection error, warm-up included, is added to `problems`.
 */
export async function measureRounds(
  subjects: readonly ThroughputSubject[],
  requests: ReadonlyMap<string, LoadRequest>,
  settings: BenchSettings,
  problems: string[],
): Promise<Rounds> {
  const rounds: Map<string, LoadResult>[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    const results = new Map<string, LoadResult>();
    rounds.push(results);
    for (const subject of rotate(subjects, round)) {
      const request = requests.get(subject.id);
      if (!request) continue;
      const label = settings.rounds > 1 ? `round ${round + 1}/${settings.rounds}, ${subject.id}` : subject.id;
      process.stderr.write(`  ${label}: ${settings.warmupSeconds} s warm-up, ${settings.durationSeconds} s measured, ${settings.connections} connections...\n`);
      const { warmup, measured } = await measure(request, settings);
      results.set(subject.id, measured);
      for (const [phase, result] of [['warm-up', warmup], ['measured run', measured]] as const) {
        if (result.non2xx > 0 || result.errors > 0) {
          problems.push(`${subject.id} answered ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodes)}) and had ${result.errors} connection errors in the ${phase} (${label})`);
        }
      }
    }
  }
  return rounds;
}

/** autocannon records latency in whole milliseconds. */
function milliseconds(value: number): string {
  return value < 1 ? '<1' : formatNumber(value);
}

export function printThroughputTable(subjects: readonly ThroughputSubject[], rounds: Rounds, settings: BenchSettings): void {
  console.log();
  console.log(
    settings.rounds > 1
      ? `requests/s: 2xx answers per second, the median of ${settings.rounds} rounds (range in brackets); latency of the median round, 1 ms resolution.`
      : 'requests/s: 2xx answers per second of the measured run; latency has 1 ms resolution.',
  );
  console.log(
    formatTable(
      ['subject', 'requests/s', ...(settings.rounds > 1 ? ['range'] : []), 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
      subjects.map((subject) => {
        const all = rounds.map((r) => r.get(subject.id)).filter((r): r is LoadResult => r !== undefined);
        const typical = medianBy(all, (r) => r.requestsPerSecond);
        if (!typical) return [subject.label, '-', ...(settings.rounds > 1 ? ['-'] : []), '-', '-', '-', '-'];
        const rates = all.map((r) => r.requestsPerSecond);
        return [
          subject.label,
          formatNumber(typical.requestsPerSecond),
          ...(settings.rounds > 1 ? [`[${formatNumber(Math.min(...rates))}-${formatNumber(Math.max(...rates))}]`] : []),
          milliseconds(typical.p50Ms),
          milliseconds(typical.p99Ms),
          String(all.reduce((sum, r) => sum + r.non2xx, 0)),
          String(all.reduce((sum, r) => sum + r.errors, 0)),
        ];
      }),
    ),
  );
}

/** Ours over a baseline, per round (rounds missing either are left out); the median of the rounds. */
export function ratioOf(rounds: Rounds, ours: string, baseline: string): { median: number | undefined; perRound: number[] } {
  const perRound = rounds.flatMap((r) => {
    const mine = r.get(ours)?.requestsPerSecond;
    const base = r.get(baseline)?.requestsPerSecond;
    return mine === undefined || base === undefined || base === 0 ? [] : [mine / base];
  });
  return { median: medianBy(perRound, (x) => x), perRound };
}

export interface RatioLine {
  /** Printed first, as is (pad it to line the lines up). */
  readonly name: string;
  readonly ours: string;
  readonly baseline: string;
  /** At least this much of the baseline's rate (0.2 is 20%, or 3 is 3x). */
  readonly target: number;
  readonly asPercent: boolean;
}

/** One line per ratio: the median over the rounds, the target, PASS or BELOW, and each round's ratio. */
export function printRatios(rounds: Rounds, lines: readonly RatioLine[]): void {
  const show = (value: number, asPercent: boolean) => (asPercent ? `${formatNumber(value * 100, 1)}%` : `${formatNumber(value, 2)}x`);
  console.log();
  for (const { name, ours, baseline, target, asPercent } of lines) {
    const { median, perRound } = ratioOf(rounds, ours, baseline);
    const verdict = median === undefined ? 'n/a' : median >= target ? 'PASS' : 'BELOW';
    const each = perRound.length > 1 ? `  (rounds: ${perRound.map((r) => show(r, asPercent)).join(', ')})` : '';
    console.log(`${name} ${median === undefined ? 'n/a' : show(median, asPercent)}  (target >= ${show(target, asPercent)})  ${verdict}${each}`);
  }
}
