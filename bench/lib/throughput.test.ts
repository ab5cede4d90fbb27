import { describe, expect, it } from 'vitest';
import type { LoadResult } from './load';
import { ratioOf } from './throughput';

const result = (requestsPerSecond: number): LoadResult => ({ requestsPerSecond, p50Ms: 1, p99Ms: 2, ok: 1, non2xx: 0, errors: 0, durationSeconds: 5, statusCodes: { 200: 1 } });

describe('ratioOf', () => {
  it('takes ours over the baseline round by round, and the median round', () => {
    const rounds = [
      new Map([['ours', result(40)], ['bare', result(100)]]),
      new Map([['ours', result(30)], ['bare', result(100)]]),
      new Map([['ours', result(50)], ['bare', result(100)]]),
    ];
    expect(ratioOf(rounds, 'ours', 'bare')).toEqual({ median: 0.4, perRound: [0.4, 0.3, 0.5] });
  });

  it('leaves out a round that lacks either subject or has a zero baseline', () => {
    const rounds = [new Map([['ours', result(40)]]), new Map([['ours', result(40)], ['bare', result(0)]]), new Map([['ours', result(20)], ['bare', result(80)]])];
    expect(ratioOf(rounds, 'ours', 'bare')).toEqual({ median: 0.25, perRound: [0.25] });
    expect(ratioOf([], 'ours', 'bare')).toEqual({ median: undefined, perRound: [] });
  });
});
