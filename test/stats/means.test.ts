import { describe, expect, it } from 'vitest';
import {
  likertMean,
  meanInterval,
  median,
  quantile,
  shrinkMeans,
  summarize,
  summaryMoments,
  topTwoBox,
  turnaroundSummary,
} from '../../src/stats/index.js';

describe('summaries from SQL counts and sums', () => {
  it('summarize skips nulls like COUNT(col) and SUM(col)', () => {
    expect(summarize([4, 5, null, 3])).toEqual({ n: 3, sum: 12, sumOfSquares: 50 });
  });
  it('moments: n = 0 and n = 1', () => {
    expect(summaryMoments({ n: 0, sum: 0, sumOfSquares: 0 })).toEqual({ mean: NaN, variance: NaN });
    expect(summaryMoments({ n: 1, sum: 4, sumOfSquares: 16 })).toEqual({ mean: 4, variance: NaN });
  });
  it('throws on a malformed summary', () => {
    expect(() => summaryMoments({ n: -1, sum: 0, sumOfSquares: 0 })).toThrow(/summaryMoments/);
  });
});

describe('likertMean', () => {
  it('t interval of [3, 4, 4, 5], upper clamped to 5 (hand-checkable: t(3, .975) = 3.182446)', () => {
    const result = likertMean(summarize([3, 4, 4, 5]));
    expect(result.mean).toBe(4);
    expect(result.sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(result.lower).toBeCloseTo(4 - (3.182446305284263 * Math.sqrt(2 / 3)) / 2, 9);
    expect(result.upper).toBe(5);
    expect(meanInterval(summarize([3, 4, 4, 5])).upper).toBeGreaterThan(5);
  });
  it('edges: no answers, one answer, all the same', () => {
    expect(Number.isNaN(likertMean(summarize([])).mean)).toBe(true);
    expect(likertMean(summarize([4]))).toMatchObject({ n: 1, mean: 4 });
    expect(Number.isNaN(likertMean(summarize([4])).lower)).toBe(true);
    expect(likertMean(summarize([5, 5, 5]))).toEqual({ n: 3, mean: 5, sd: 0, lower: 5, upper: 5 });
  });
  it('throws when the mean is off the 1–5 scale', () => {
    expect(() => likertMean(summarize([7, 8]))).toThrow(/likertMean/);
  });
  it('top-2-box counts 4s and 5s among answers given', () => {
    expect(topTwoBox([5, 4, 3, null, 1])).toEqual({ successes: 2, n: 4 });
    expect(() => topTwoBox([6])).toThrow(/topTwoBox/);
  });
});

describe('shrinkMeans (normal–normal)', () => {
  const groups = [
    [4, 5, 3, 4, 4],
    [2, 3, 3],
    [5, 5, 4, 5],
    [3, 4, 2, 3, 4, 3],
  ].map(summarize);
  it('matches the formula in docs/statistics.md (a rep’s figures) (reference computed independently with numpy)', () => {
    const result = shrinkMeans(groups);
    expect(result.grandMean).toBeCloseTo(3.6666666666666665, 12);
    expect(result.withinVariance).toBeCloseTo(0.44642857142857145, 12);
    expect(result.betweenVariance).toBeCloseTo(0.6361044417767109, 12);
    [0.8769135291683906, 0.8104129492735151, 0.8507350358737644, 0.8952796648949277].forEach((l, i) =>
      expect(result.lambdas[i]).toBeCloseTo(l, 12),
    );
    [3.9589711763894635, 2.8562537173931513, 4.588296288863245, 3.2190268342192025].forEach((e, i) =>
      expect(result.estimates[i]).toBeCloseTo(e, 12),
    );
  });
  it('edges: one group, single answers, no between-group spread, empty groups', () => {
    expect(shrinkMeans([summarize([4, 5])]).lambdas).toEqual([0]);
    expect(shrinkMeans([summarize([4]), summarize([2])]).estimates).toEqual([3, 3]);
    expect(shrinkMeans([summarize([3, 4]), summarize([4, 3])]).lambdas).toEqual([0, 0]);
    const withEmpty = shrinkMeans([...groups, summarize([])]);
    expect(withEmpty.estimates[4]).toBe(withEmpty.grandMean);
    expect(withEmpty.lambdas[0]).toBeCloseTo(0.8769135291683906, 12);
  });
});

describe('quantile edges', () => {
  it('empty → NaN; one value → that value', () => {
    expect(quantile([], [0.5, 0.9])).toEqual([NaN, NaN]);
    expect(quantile([7], [0, 0.5, 1])).toEqual([7, 7, 7]);
    expect(median([3, 1, 2])).toBe(2);
  });
  it('throws on probs outside [0, 1] or non-finite values', () => {
    expect(() => quantile([1, 2], [1.5])).toThrow(/quantile/);
    expect(() => quantile([1, NaN], [0.5])).toThrow(/quantile/);
  });
});

describe('turnaroundSummary', () => {
  it('median, p90 and share within a 48 h SLA', () => {
    const result = turnaroundSummary([2, 10, 30, 50, 100]);
    expect(result).toMatchObject({ n: 5, median: 30, p90: 80 });
    expect(result.withinSla).toMatchObject({ successes: 3, n: 5, estimate: 0.6 });
  });
  it('a quote exactly at the SLA counts as within', () => {
    expect(turnaroundSummary([48, 49], 48).withinSla.successes).toBe(1);
  });
  it('no quotes → NaN figures; negative hours throw', () => {
    expect(turnaroundSummary([]).median).toBeNaN();
    expect(() => turnaroundSummary([-1])).toThrow(/turnaroundSummary/);
  });
});
