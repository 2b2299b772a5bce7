import { assertFiniteNumbers, assertSameLength } from './guards.js';
import { leastSquares, withIntercept } from './least-squares.js';
import { lmgFromCrossProducts } from './relative-importance.js';

/** LMG shares of a weighted R² over some predictors, with others always in. */
export interface WeightedImportance {
  /** Weighted R² of the full model (all predictors and the always-in columns). */
  rSquared: number;
  /** Weighted R² of the always-in columns alone (0 when there are none). */
  baseRSquared: number;
  /** LMG contribution per predictor, in R² units; they sum to rSquared − baseRSquared. */
  contributions: number[];
  /** contributions / their sum; they sum to 1. */
  shares: number[];
}

/**
 * LMG relative importance ({@link relativeImportance}) of the predictors in a
 * weighted least-squares fit, with some columns (team indicators) in every
 * submodel: each predictor's R² increment averaged over all orderings of the
 * predictors only. By Frisch–Waugh–Lovell the always-in columns and the intercept
 * are partialled out of every column with the weights, the rows scaled by √w, and
 * the exact all-subsets LMG run on their cross-products
 * ({@link lmgFromCrossProducts}). R² = 1 − Σwe²/Σw(y − ȳ_w)².
 *
 * Edge cases: fewer rows than predictors + always-in columns + 2, collinear always-in columns, or y
 * without weighted spread → NaN. A predictor collinear with the others gets 0.
 * Mismatched lengths, non-finite values or non-positive weights throw.
 *
 * @param predictors one column per predictor (e.g. standardised skill scores)
 * @param y the outcome (e.g. reps' CPI estimates)
 * @param weights wᵢ > 0 (e.g. 1/(vᵢ + τ²) of a meta-regression)
 * @param alwaysIn columns in every submodel (e.g. team indicators); default none
 * @example
 * weightedLmg([[1, 2, 3, 4, 5], [2, 1, 4, 3, 6]], [1, 3, 2, 5, 4], [1, 1, 1, 1, 1]).shares; // => [0.7732, 0.2268] (rounded)
 */
export function weightedLmg(
  predictors: readonly (readonly number[])[],
  y: readonly number[],
  weights: readonly number[],
  alwaysIn: readonly (readonly number[])[] = [],
): WeightedImportance {
  const p = predictors.length;
  assertSameLength('weightedLmg', weights, y);
  assertFiniteNumbers('weightedLmg', 'y', y);
  if (weights.some((w) => !(w > 0 && w < Infinity)))
    throw new RangeError('weightedLmg: weights must be positive and finite');
  for (const column of [...predictors, ...alwaysIn]) {
    assertSameLength('weightedLmg', column, y);
    assertFiniteNumbers('weightedLmg', 'predictors', column);
  }
  const none = {
    rSquared: NaN,
    baseRSquared: NaN,
    contributions: predictors.map(() => NaN),
    shares: predictors.map(() => NaN),
  };
  const n = y.length;
  if (p < 1 || n < p + alwaysIn.length + 2) return none;
  const base = withIntercept(Array.from({ length: n }, (_, i) => alwaysIn.map((column) => column[i]!)));
  const fitY = leastSquares(base, y, weights);
  if (!fitY) return none;
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const weightedMean = y.reduce((s, v, i) => s + weights[i]! * v, 0) / totalWeight;
  const total = y.reduce((s, v, i) => s + weights[i]! * (v - weightedMean) ** 2, 0);
  if (!(total > 0)) return none;
  const root = weights.map(Math.sqrt);
  const residualised = [
    ...predictors.map((column) => leastSquares(base, column, weights)!.residuals),
    fitY.residuals,
  ].map((column) => column.map((v, i) => v * root[i]!));
  const m = p + 1;
  const cross = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      const [u, v] = [residualised[a]!, residualised[b]!];
      let sum = 0;
      for (let i = 0; i < n; i++) sum += u[i]! * v[i]!;
      cross[a * m + b] = cross[b * m + a] = sum;
    }
  }
  const lmg = lmgFromCrossProducts(cross, p);
  const scale = fitY.weightedRss / total; // partial R² units → R² units
  const contributions = lmg.contributions.map((c) => c * scale);
  const baseRSquared = 1 - scale;
  return {
    rSquared: baseRSquared + contributions.reduce((s, c) => s + c, 0),
    baseRSquared,
    contributions,
    shares: lmg.shares,
  };
}
