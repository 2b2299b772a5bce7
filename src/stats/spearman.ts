import { sampleRankCorrelation } from 'simple-statistics';
import { correlationPValue } from './correlation-p-value.js';
import { assertFiniteNumbers, assertSameLength } from './guards.js';
import { clampCorrelation } from './pearson.js';

/** Spearman's ρ with its t-approximation test. */
export interface SpearmanResult {
  rho: number;
  p: number;
  n: number;
}

/**
 * Spearman rank correlation: Pearson's r of the midranks (ties share their
 * average rank), with R's `cor.test(x, y, method = "spearman", exact = FALSE)`
 * p-value, t = ρ√((n − 2)/(1 − ρ²)) on n − 2 df. Use {@link fisherZInterval}
 * with method 'spearman' for its interval.
 *
 * Edge cases: n < 2 → ρ NaN; n = 2 → ρ = ±1, p NaN; all ties in x or y → ρ and p
 * NaN (R: NA). Mismatched lengths or non-finite values throw.
 *
 * @param x first variable
 * @param y second variable, paired with x
 * @example
 * spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).rho; // => 0.8208 (rounded)
 */
export function spearman(x: readonly number[], y: readonly number[]): SpearmanResult {
  assertSameLength('spearman', x, y);
  assertFiniteNumbers('spearman', 'x', x);
  assertFiniteNumbers('spearman', 'y', y);
  const n = x.length;
  if (n < 2) return { rho: NaN, p: NaN, n };
  const rho = clampCorrelation(sampleRankCorrelation([...x], [...y]));
  return { rho, p: correlationPValue(rho, n), n };
}
