import { describe, expect, it } from 'vitest';
import {
  bootstrapInterval,
  mulberry32,
  percentileInterval,
  resampleIndices,
  seededShuffle,
  seedFor,
} from '../../src/stats/index.js';

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('mulberry32 and seeded shuffle', () => {
  it('same seed → same sequence; different seeds differ; values in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(first);
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(mean(first)).toBeGreaterThan(0.45);
    expect(mean(first)).toBeLessThan(0.55);
  });
  it('seeded shuffle is a deterministic permutation that leaves its input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = seededShuffle(input, 7);
    expect(seededShuffle(input, 7)).toEqual(shuffled);
    expect([...shuffled].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it('seedFor depends on the labels, not on call order', () => {
    expect(seedFor(1, 'discovery', 'fcr')).toBe(seedFor(1, 'discovery', 'fcr'));
    expect(seedFor(1, 'discovery', 'fcr')).not.toBe(seedFor(1, 'demo', 'fcr'));
    expect(seedFor(1, 'discovery', 'fcr')).not.toBe(seedFor(2, 'discovery', 'fcr'));
  });
});

describe('bootstrap', () => {
  it('same seed → same interval; a constant statistic → a zero-width interval', () => {
    const values = [3, 8, 1, 9, 4, 7, 2, 6];
    const one = bootstrapInterval(values, mean, { seed: 11 });
    expect(bootstrapInterval(values, mean, { seed: 11 })).toEqual(one);
    expect(one.estimate).toBe(5);
    expect(one.lower).toBeLessThan(5);
    expect(one.upper).toBeGreaterThan(5);
    expect(bootstrapInterval([2, 2, 2], mean)).toEqual({ estimate: 2, lower: 2, upper: 2 });
  });
  it('the percentile interval of the mean is close to the normal-theory interval for a large sample', () => {
    const random = mulberry32(3);
    const values = Array.from({ length: 400 }, () => random());
    const { lower, upper } = bootstrapInterval(values, mean, { seed: 4, replicates: 2000 });
    const se = Math.sqrt(1 / 12 / 400);
    expect(upper - lower).toBeGreaterThan(2 * 1.96 * se * 0.85);
    expect(upper - lower).toBeLessThan(2 * 1.96 * se * 1.15);
  });
  it('resamples with replacement inside [0, n); percentile intervals skip NaN', () => {
    const indices = resampleIndices(50, mulberry32(1));
    expect(indices).toHaveLength(50);
    expect(indices.every((i) => Number.isInteger(i) && i >= 0 && i < 50)).toBe(true);
    expect(percentileInterval([1, 2, NaN, 3, 4, 5], 0.5)).toEqual({ lower: 2, upper: 4 });
    expect(percentileInterval([NaN], 0.8)).toEqual({ lower: NaN, upper: NaN });
  });
});
