import { describe, expect, it } from 'vitest';
import { median, medianBy, percentile, rotate } from './stats';

describe('bench statistics', () => {
  it('takes the median of an odd and an even count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('picks the lower middle item by key, so that the median round is one that happened', () => {
    const rounds = [{ rate: 30 }, { rate: 10 }, { rate: 20 }, { rate: 40 }];
    expect(medianBy(rounds, (r) => r.rate)).toEqual({ rate: 20 });
    expect(medianBy([], (r: number) => r)).toBeUndefined();
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i); // 20..1
    expect(percentile(values, 90)).toBe(18);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 100)).toBe(20);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([3], 90)).toBe(3);
    expect(percentile([], 90)).toBeNaN();
    expect(() => percentile(values, 101)).toThrow(RangeError);
  });

  it('rotates the order of the subjects round by round', () => {
    expect(rotate(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotate(['a', 'b', 'c'], 4)).toEqual(['b', 'c', 'a']);
    expect(rotate([], 2)).toEqual([]);
  });
});
