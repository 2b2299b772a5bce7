import { sampleCorrelation } from 'simple-statistics';
import { correlationPValue } from './correlation-p-value.js';
import { fisherZInterval } from './fisher-z-interval.js';
import { assertFiniteNumbers, assertSameLength } from './guards.js';

/** Pearson's r with its test and 95% interval. */
export interface PearsonResult {
  r: number;
  p: number;
  lower: number;
  upper: number;
  n: number;
}

/**
 * Pearson product-moment correlation with R's `cor.test(x, y)`: r, the two-sided
 * t-test p (n − 2 df) and the 95% Fisher-z interval (SE 1/√(n − 3)).
 *
 * Edge cases: n < 2 → r NaN; n = 2 → r = ±1, p NaN; n ≤ 3 → no interval (NaN);
 * a constant x or y → r, p and interval NaN (R: NA). Mismatched lengths or
 * non-finite values throw.
 *
 * @param x first variable
 * @param y second variable, paired with x
 * @example
 * pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).r; // => 0.8
 */
export function pearson(x: readonly number[], y: readonly number[]): PearsonResult {
  assertSameLength('pearson', x, y);
  assertFiniteNumbers('pearson', 'x', x);
  assertFiniteNumbers('pearson', 'y', y);
  const n = x.length;
  if (n < 2) return { r: NaN, p: NaN, lower: NaN, upper: NaN, n };
  const r = clampCorrelation(sampleCorrelation([...x], [...y]));
  const { lower, upper } = fisherZInterval(r, n, 'pearson', 0.95);
  return { r, p: correlationPValue(r, n), lower, upper, n };
}

/** Rounding can push |r| a hair past 1; NaN (constant input) passes through. */
export function clampCorrelation(r: number): number {
  return Number.isNaN(r) ? NaN : Math.max(-1, Math.min(1, r));
}
