import { mean, sampleStandardDeviation } from 'simple-statistics';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { assertFiniteNumbers, assertSameLength } from './guards.js';
import type { TTestResult } from './welch-t-test.js';

/**
 * Paired t-test, as R's `t.test(after, before, paired = TRUE)`: with
 * dᵢ = afterᵢ − beforeᵢ, t = d̄/(s_d/√n) on n − 1 df, two-sided p.
 *
 * Edge cases: fewer than 2 pairs, or constant differences ("essentially
 * constant", where R stops), → t, df and p NaN. Mismatched lengths or
 * non-finite values throw.
 *
 * @param after values after, one per unit
 * @param before values before, same units in the same order
 * @example
 * pairedTTest([3, 5, 4, 6], [2, 3, 4, 4]).t; // => 2.6112 (rounded)
 */
export function pairedTTest(after: readonly number[], before: readonly number[]): TTestResult {
  assertSameLength('pairedTTest', after, before);
  assertFiniteNumbers('pairedTTest', 'after', after);
  assertFiniteNumbers('pairedTTest', 'before', before);
  const n = after.length;
  if (n < 2) return { t: NaN, df: NaN, p: NaN };
  const differences = after.map((value, i) => value - (before[i] ?? NaN));
  const meanDifference = mean(differences);
  const se = sampleStandardDeviation(differences) / Math.sqrt(n);
  if (se === 0 || se < 10 * Number.EPSILON * Math.abs(meanDifference)) return { t: NaN, df: NaN, p: NaN };
  const t = meanDifference / se;
  return { t, df: n - 1, p: Math.min(1, 2 * tCdf(-Math.abs(t), n - 1)) };
}
