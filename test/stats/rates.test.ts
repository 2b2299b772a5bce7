import { describe, expect, it } from 'vitest';
import {
  betaPosterior,
  newcombeInterval,
  shrinkRateIntervals,
  shrinkRates,
  wilsonInterval,
} from '../../src/stats/index.js';

describe('wilsonInterval edges', () => {
  it('n = 0 gives NaN, not an error', () => {
    expect(wilsonInterval(0, 0)).toEqual({ estimate: NaN, lower: NaN, upper: NaN });
  });
  it('p̂ = 0 and p̂ = 1 pin the near limit exactly', () => {
    expect(wilsonInterval(0, 12).lower).toBe(0);
    expect(wilsonInterval(12, 12).upper).toBe(1);
  });
  it('n = 1', () => {
    const one = wilsonInterval(1, 1);
    expect(one.estimate).toBe(1);
    expect(one.upper).toBe(1);
    expect(one.lower).toBeGreaterThan(0);
  });
  it('throws on malformed counts, naming the function', () => {
    expect(() => wilsonInterval(6, 5)).toThrow(/wilsonInterval/);
    expect(() => wilsonInterval(-1, 5)).toThrow(/wilsonInterval/);
    expect(() => wilsonInterval(1, 5, 1)).toThrow(/wilsonInterval/);
  });
});

describe('shrinkRates edges', () => {
  it('no reps → NaN mean, no estimates', () => {
    expect(shrinkRates([], [])).toEqual({ mean: NaN, priorStrength: null, estimates: [] });
  });
  it('one rep → fully pooled', () => {
    expect(shrinkRates([3], [10])).toEqual({ mean: 0.3, priorStrength: null, estimates: [0.3] });
  });
  it('all zero or all one → fully pooled at 0 or 1', () => {
    expect(shrinkRates([0, 0, 0], [5, 8, 2]).estimates).toEqual([0, 0, 0]);
    expect(shrinkRates([5, 8, 2], [5, 8, 2]).estimates).toEqual([1, 1, 1]);
    expect(shrinkRates([5, 8, 2], [5, 8, 2]).priorStrength).toBeNull();
  });
  it('identical rates (ρ̂ ≤ 0) → fully pooled', () => {
    expect(shrinkRates([5, 10, 15], [10, 20, 30]).priorStrength).toBeNull();
  });
  it('a rep with no trials is left out of k and gets the mean', () => {
    const withEmpty = shrinkRates([1, 9, 0], [10, 10, 0]);
    const without = shrinkRates([1, 9], [10, 10]);
    expect(withEmpty.priorStrength).toBeCloseTo(without.priorStrength ?? NaN, 12);
    expect(withEmpty.estimates[2]).toBe(withEmpty.mean);
  });
  it('estimates lie between each raw rate and the mean', () => {
    const x = [1, 9, 4, 7];
    const n = [10, 10, 10, 10];
    const { mean, estimates } = shrinkRates(x, n);
    estimates.forEach((e, i) => {
      const raw = (x[i] ?? 0) / (n[i] ?? 1);
      expect(e).toBeGreaterThanOrEqual(Math.min(raw, mean));
      expect(e).toBeLessThanOrEqual(Math.max(raw, mean));
    });
  });
  it('throws on mismatched lengths and impossible counts', () => {
    expect(() => shrinkRates([1, 2], [3])).toThrow(/shrinkRates/);
    expect(() => shrinkRates([4], [3])).toThrow(/shrinkRates/);
    expect(() => shrinkRates([-1], [3])).toThrow(/shrinkRates/);
  });
});

describe('betaPosterior and shrinkRateIntervals', () => {
  it('Beta(μM + x, (1−μ)M + n − x) quantiles and SD (reference: scipy.stats.beta)', () => {
    const post = betaPosterior(3, 5, 0.6, 10);
    expect(post.estimate).toBeCloseTo(0.6, 12);
    expect(post.lower).toBeCloseTo(0.3513801106159917, 9);
    expect(post.upper).toBeCloseTo(0.8233889100178821, 9);
    expect(post.sd).toBeCloseTo(0.1224744871391589, 12);
  });
  it('posterior means equal shrinkRates estimates', () => {
    const x = [17, 4, 64, 23, 1];
    const n = [30, 5, 120, 30, 2];
    const shrunk = shrinkRates(x, n);
    const intervals = shrinkRateIntervals(x, n);
    expect(intervals.priorStrength).toBe(shrunk.priorStrength);
    intervals.reps.forEach((rep, i) => expect(rep.estimate).toBeCloseTo(shrunk.estimates[i] ?? NaN, 12));
  });
  it('a fixed prior strength (M = 10 for few reps) overrides the estimate', () => {
    const result = shrinkRateIntervals([3, 5], [5, 5], { priorStrength: 10 });
    expect(result.priorStrength).toBe(10);
    expect(result.reps[0]?.estimate).toBeCloseTo((3 + 0.8 * 10) / 15, 12);
  });
  it('fully pooled: every rep gets μ̂ with the Jeffreys interval of the common rate', () => {
    const result = shrinkRateIntervals([3, 18, 40, 1, 90, 7], [5, 40, 100, 2, 200, 10]);
    expect(result.pooled).toBe(true);
    for (const rep of result.reps) {
      expect(rep.estimate).toBeCloseTo(159 / 357, 12);
      expect(rep.lower).toBeCloseTo(0.3944363404130276, 9);
      expect(rep.upper).toBeCloseTo(0.4972016299931724, 9);
      expect(rep.sd).toBeCloseTo(0.02623193625555731, 12);
    }
  });
  it('a point mass when μ = 0 and no successes; NaN with no prior and no data', () => {
    expect(betaPosterior(0, 4, 0, 10)).toEqual({ estimate: 0, lower: 0, upper: 0, sd: 0 });
    expect(Number.isNaN(betaPosterior(0, 0, 0.5, 0).estimate)).toBe(true);
  });
  it('throws on a mean outside [0, 1]', () => {
    expect(() => betaPosterior(1, 2, 1.5, 10)).toThrow(/betaPosterior/);
  });
});

describe('newcombeInterval edges', () => {
  it('either n = 0 → NaN', () => {
    expect(Number.isNaN(newcombeInterval(0, 0, 3, 5).lower)).toBe(true);
  });
  it('stays within [-1, 1] at the extremes', () => {
    const result = newcombeInterval(10, 10, 0, 10);
    expect(result.upper).toBeLessThanOrEqual(1);
    expect(newcombeInterval(0, 10, 10, 10).lower).toBeGreaterThanOrEqual(-1);
  });
});
