import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  correlationPValue,
  fisherZInterval,
  midranks,
  pairedTTest,
  pearson,
  relativeImportance,
  spearman,
  welchTTest,
} from '../../src/stats/index.js';

describe('pearson and spearman edges', () => {
  it('n = 0 and n = 1 → NaN', () => {
    expect(pearson([], [])).toEqual({ r: NaN, p: NaN, lower: NaN, upper: NaN, n: 0 });
    expect(spearman([1], [2])).toEqual({ rho: NaN, p: NaN, n: 1 });
  });
  it('n = 2 → r = ±1 with no p; n = 3 → no interval', () => {
    const two = pearson([1, 2], [3, 1]);
    expect(two.r).toBeCloseTo(-1, 12);
    expect(two.p).toBeNaN();
    expect(Number.isNaN(pearson([1, 2, 3], [1, 3, 2]).lower)).toBe(true);
    expect(spearman([1, 2], [3, 1]).p).toBeNaN();
  });
  it('all ties or zero variance → NaN (R: NA)', () => {
    expect(spearman([3, 3, 3, 3], [1, 2, 3, 4]).rho).toBeNaN();
    expect(pearson([1, 2, 3, 4], [5, 5, 5, 5]).p).toBeNaN();
  });
  it('perfect correlation → p ≈ 0 (R: < 2.2e-16) and a collapsed interval', () => {
    const result = pearson([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(result.p).toBeLessThan(1e-15);
    expect(result.lower).toBeCloseTo(1, 12);
  });
  it('throws on mismatched lengths or non-finite values', () => {
    expect(() => pearson([1, 2], [1])).toThrow(/pearson/);
    expect(() => spearman([1, NaN], [1, 2])).toThrow(/spearman/);
  });
  it('midranks average ties, 1-based like R rank()', () => {
    expect(midranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });
});

describe('Fisher-z intervals and the t-approximation p', () => {
  it('Pearson SE 1/√(n−3): hand-checkable', () => {
    const { lower, upper } = fisherZInterval(0.5, 28);
    const half = 1.959963984540054 / 5;
    expect(lower).toBeCloseTo(Math.tanh(Math.atanh(0.5) - half), 12);
    expect(upper).toBeCloseTo(Math.tanh(Math.atanh(0.5) + half), 12);
  });
  it('Spearman SE √((1 + r²/2)/(n−3)) is wider', () => {
    const { lower, upper } = fisherZInterval(0.5, 28, 'spearman');
    const half = (1.959963984540054 * Math.sqrt(1 + 0.125)) / 5;
    expect(lower).toBeCloseTo(Math.tanh(Math.atanh(0.5) - half), 12);
    expect(upper).toBeCloseTo(Math.tanh(Math.atanh(0.5) + half), 12);
  });
  it('n ≤ 3 → NaN; r outside [-1, 1] throws', () => {
    expect(fisherZInterval(0.5, 3).lower).toBeNaN();
    expect(() => fisherZInterval(1.5, 10)).toThrow(/fisherZInterval/);
  });
  it('correlationPValue: r = 0 → 1, |r| = 1 → 0, n ≤ 2 → NaN', () => {
    expect(correlationPValue(0, 10)).toBe(1);
    expect(correlationPValue(1, 10)).toBe(0);
    expect(correlationPValue(0.5, 2)).toBeNaN();
  });
});

describe('benjaminiHochberg edges', () => {
  it('empty, single, p = 0 and p = 1', () => {
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.03])).toEqual([0.03]);
    expect(benjaminiHochberg([0, 1])).toEqual([0, 1]);
  });
  it('NaN stays NaN and is left out of m (as R does with NA)', () => {
    expect(benjaminiHochberg([0.01, NaN, 0.04])).toEqual([0.02, NaN, 0.04]);
  });
  it('throws on values outside [0, 1]', () => {
    expect(() => benjaminiHochberg([1.2])).toThrow(/benjaminiHochberg/);
  });
});

describe('t-test edges', () => {
  it('Welch: n < 2 in a group or both groups constant → NaN', () => {
    expect(welchTTest([1], [1, 2, 3])).toEqual({ t: NaN, df: NaN, p: NaN });
    expect(welchTTest([2, 2, 2], [3, 3])).toEqual({ t: NaN, df: NaN, p: NaN });
  });
  it('Welch: one constant group still tests (df = n − 1 of the other)', () => {
    const result = welchTTest([2, 2, 2], [3, 4, 5]);
    expect(result.df).toBeCloseTo(2, 12);
    expect(result.t).toBeCloseTo(-2 / Math.sqrt(1 / 3), 12);
  });
  it('paired: constant differences or n < 2 → NaN; mismatched lengths throw', () => {
    expect(pairedTTest([2, 3, 4], [1, 2, 3])).toEqual({ t: NaN, df: NaN, p: NaN });
    expect(pairedTTest([2], [1])).toEqual({ t: NaN, df: NaN, p: NaN });
    expect(() => pairedTTest([1, 2], [1])).toThrow(/pairedTTest/);
  });
});

describe('relativeImportance (LMG)', () => {
  const X = [
    [52, 3.1, 7],
    [61, 2.4, 5],
    [70, 3.8, 9],
    [48, 2.2, 4],
    [75, 4.1, 6],
    [66, 2.9, 8],
    [58, 3.5, 3],
    [80, 3.9, 7],
    [63, 2.1, 6],
    [71, 3.3, 5],
  ];
  const y = [0.61, 0.64, 0.78, 0.55, 0.8, 0.7, 0.69, 0.83, 0.62, 0.74];
  const columns = [0, 1, 2].map((j) => X.map((row) => row[j] ?? NaN));

  it('matches averaging R² increments over all 6 orderings (reference: numpy lstsq)', () => {
    const result = relativeImportance(columns, y);
    expect(result.rSquared).toBeCloseTo(0.989655356113257, 10);
    [0.5074526703442445, 0.41953387354745253, 0.0626688122215599].forEach((c, j) =>
      expect(result.contributions[j]).toBeCloseTo(c, 10),
    );
    expect(result.shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });
  it('two predictors: LMG₁ = (R²₁ + R²₁₂ − R²₂)/2', () => {
    const result = relativeImportance(columns.slice(0, 2), y);
    const r1 = pearson(columns[0] ?? [], y).r;
    const r2 = pearson(columns[1] ?? [], y).r;
    const r12 = pearson(columns[0] ?? [], columns[1] ?? []).r;
    const full = (r1 ** 2 + r2 ** 2 - 2 * r1 * r2 * r12) / (1 - r12 ** 2);
    expect(result.rSquared).toBeCloseTo(full, 12);
    expect(result.contributions[0]).toBeCloseTo((r1 ** 2 + full - r2 ** 2) / 2, 12);
  });
  it('a constant or duplicated predictor adds nothing', () => {
    const withConstant = relativeImportance([columns[0] ?? [], y.map(() => 1)], y);
    expect(withConstant.contributions[1]).toBeCloseTo(0, 12);
    const duplicated = relativeImportance([columns[0] ?? [], columns[0] ?? []], y);
    expect(duplicated.contributions[0]).toBeCloseTo(duplicated.contributions[1] ?? NaN, 12);
    expect(duplicated.rSquared).toBeCloseTo(pearson(columns[0] ?? [], y).r ** 2, 12);
  });
  it('too few rows or a constant outcome → NaN; too many predictors throws', () => {
    expect(
      relativeImportance(
        columns.map((c) => c.slice(0, 4)),
        y.slice(0, 4),
      ).rSquared,
    ).toBeNaN();
    expect(
      relativeImportance(
        columns,
        y.map(() => 0.7),
      ).rSquared,
    ).toBeNaN();
    expect(() =>
      relativeImportance(
        Array.from({ length: 13 }, () => y),
        y,
      ),
    ).toThrow(/relativeImportance/);
  });
});
