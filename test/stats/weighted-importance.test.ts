import { describe, expect, it } from 'vitest';
import { mulberry32, relativeImportance, varianceInflation, weightedLmg } from '../../src/stats/index.js';
import { leastSquares, withIntercept } from '../../src/stats/least-squares.js';
import { normal } from './helpers/synthetic-reps.js';

/** Weighted R² of y on the intercept and the given columns, by direct fits. */
function weightedRSquared(columns: number[][], y: number[], w: number[]): number {
  const rows = y.map((_, i) => columns.map((c) => c[i]!));
  const fit = leastSquares(withIntercept(rows), y, w)!;
  const mean = y.reduce((s, v, i) => s + w[i]! * v, 0) / w.reduce((s, v) => s + v, 0);
  return 1 - fit.weightedRss / y.reduce((s, v, i) => s + w[i]! * (v - mean) ** 2, 0);
}

describe('weightedLmg', () => {
  it('equal weights and nothing always in: relativeImportance', () => {
    const x = [
      [1, 2, 3, 4, 5, 6],
      [2, 1, 4, 3, 6, 4],
      [1, 1, 2, 3, 1, 2],
    ];
    const y = [1, 3, 2, 5, 4, 6];
    const expected = relativeImportance(x, y);
    const actual = weightedLmg(
      x,
      y,
      y.map(() => 1),
    );
    expect(actual.baseRSquared).toBeCloseTo(0, 12);
    actual.contributions.forEach((c, j) => expect(c).toBeCloseTo(expected.contributions[j]!, 12));
    expect(actual.rSquared).toBeCloseTo(expected.rSquared, 12);
  });

  it('two predictors, teams always in, weights: the Shapley average of weighted R² increments', () => {
    const random = mulberry32(5);
    const n = 30;
    const team = Array.from({ length: n }, (_, i) => (i % 3 === 1 ? 1 : 0));
    const team2 = Array.from({ length: n }, (_, i) => (i % 3 === 2 ? 1 : 0));
    const a = team.map(() => normal(random));
    const b = a.map((v) => 0.6 * v + 0.8 * normal(random));
    const y = a.map((v, i) => 0.5 * v + 0.2 * b[i]! + 0.3 * team[i]! + normal(random));
    const w = y.map(() => 0.5 + random());
    const r2 = (cols: number[][]): number => weightedRSquared([team, team2, ...cols], y, w);
    const base = r2([]);
    const shapleyA = 0.5 * (r2([a]) - base) + 0.5 * (r2([a, b]) - r2([b]));
    const shapleyB = 0.5 * (r2([b]) - base) + 0.5 * (r2([a, b]) - r2([a]));
    const result = weightedLmg([a, b], y, w, [team, team2]);
    expect(result.baseRSquared).toBeCloseTo(base, 12);
    expect(result.contributions[0]).toBeCloseTo(shapleyA, 12);
    expect(result.contributions[1]).toBeCloseTo(shapleyB, 12);
    expect(result.rSquared).toBeCloseTo(r2([a, b]), 12);
    expect(result.shares[0]! + result.shares[1]!).toBeCloseTo(1, 12);
  });

  it('edges: too few rows or a constant outcome → NaN; bad weights throw', () => {
    expect(weightedLmg([[1, 2, 3]], [1, 2, 4], [1, 1, 1], [[0, 1, 0]]).rSquared).toBeNaN();
    expect(weightedLmg([[1, 2, 3, 4]], [2, 2, 2, 2], [1, 1, 1, 1]).shares[0]).toBeNaN();
    expect(() => weightedLmg([[1, 2, 3, 4]], [1, 2, 3, 4], [1, 0, 1, 1])).toThrow(/weightedLmg/);
  });
});

describe('varianceInflation', () => {
  it('two predictors at r = 0.8: VIF = 1/(1 − 0.64)', () => {
    const { vif, mostCorrelated } = varianceInflation([
      [1, 2, 3, 4],
      [1, 3, 2, 4],
    ]);
    expect(vif[0]).toBeCloseTo(1 / 0.36, 12);
    expect(mostCorrelated).toEqual([1, 0]);
  });
  it('one predictor → 1; exact collinearity → Infinity', () => {
    expect(varianceInflation([[1, 2, 3]])).toEqual({ vif: [1], mostCorrelated: [null] });
    expect(
      varianceInflation([
        [1, 2, 3, 4],
        [2, 4, 6, 8],
        [1, 0, 1, 0],
      ]).vif.slice(0, 2),
    ).toEqual([Infinity, Infinity]);
  });
});
