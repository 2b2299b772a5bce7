import { describe, expect, it } from 'vitest';
import {
  bootstrapInterval,
  mulberry32,
  percentileInterval,
  permutationTest,
  resampleIndices,
  seededShuffle,
  seedFor,
  spearman,
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

describe('permutationTest', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const y = [2, 1, 4, 3, 6, 8, 5, 9, 7, 12, 10, 11];

  it('same seed → same p; r is Spearman ρ', () => {
    const one = permutationTest(x, y, { seed: 5 });
    expect(permutationTest(x, y, { seed: 5 })).toEqual(one);
    expect(one.r).toBeCloseTo(spearman(x, y).rho, 12);
    expect(one.permutations).toBe(9999);
  });
  it('p = (1 + #{|r*| ≥ |r|})/(B + 1): never 0, close to the t approximation here', () => {
    const { p } = permutationTest(x, y, { seed: 5 });
    expect(p).toBeGreaterThanOrEqual(1 / 10000);
    expect(p).toBeLessThan(0.001);
    // six values perfectly ordered: only 2 of 720 orderings reach |r| = 1
    const perfect = permutationTest([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6], { seed: 9, permutations: 9999 });
    expect(perfect.p).toBeGreaterThan(0.0015);
    expect(perfect.p).toBeLessThan(0.0045);
  });
  it('no association → a large p; pearson method works on raw values', () => {
    expect(permutationTest(x, [5, 9, 1, 12, 3, 7, 11, 2, 8, 4, 10, 6], { seed: 2 }).p).toBeGreaterThan(0.2);
    expect(permutationTest(x, y, { method: 'pearson', permutations: 999 }).p).toBeLessThan(0.01);
  });
  it('strata: y is only shuffled within each stratum', () => {
    // within each team y is a perfect copy of x; across teams nothing to permute
    const strata = ['a', 'a', 'a', 'b', 'b', 'b'];
    const result = permutationTest([1, 2, 3, 1, 2, 3], [1, 2, 3, 1, 2, 3], { strata, permutations: 999, seed: 4 });
    // |r*| = 1 only when both teams keep their order or both reverse it: 2 of 36,
    // so p ≈ (1 + 999·2/36)/1000 ≈ 0.056
    expect(result.p).toBeGreaterThan(0.04);
    expect(result.p).toBeLessThan(0.075);
  });
  it('edges: n < 3 or a constant variable → NaN; bad input throws', () => {
    expect(permutationTest([1, 2], [2, 1]).p).toBeNaN();
    expect(permutationTest([1, 2, 3], [4, 4, 4]).p).toBeNaN();
    expect(() => permutationTest([1, 2, 3], [1, 2])).toThrow(/permutationTest/);
    expect(() => permutationTest(x, y, { permutations: 0 })).toThrow(/permutationTest/);
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
