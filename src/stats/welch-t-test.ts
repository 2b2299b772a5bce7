import { mean, sampleVariance } from 'simple-statistics';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { assertConfidence, assertFiniteNumbers } from './guards.js';

/** A t statistic, its degrees of freedom and two-sided p-value. */
export interface TTestResult {
  t: number;
  df: number;
  p: number;
}

/** A difference of means with its Welch interval. */
export interface WelchInterval {
  estimate: number;
  se: number;
  df: number;
  lower: number;
  upper: number;
}

/**
 * Welch's two-sample t-test (unequal variances), as R's `t.test(a, b)`:
 * t = (ā − b̄)/√(s²a/nₐ + s²b/n_b), Welch–Satterthwaite df, two-sided p.
 *
 * Edge cases: fewer than 2 values in either group, or both groups constant
 * ("essentially constant", where R stops), → t, df and p NaN. Non-finite values throw.
 *
 * @param a first sample
 * @param b second sample
 * @example
 * welchTTest([1, 2, 3, 4], [3, 4, 5, 6, 7]); // => { t: -2.6112, df: 6.9808, p: 0.0349 } (rounded)
 */
export function welchTTest(a: readonly number[], b: readonly number[]): TTestResult {
  const { estimate, se, df } = welchInterval(a, b);
  if (!Number.isFinite(se)) return { t: NaN, df: NaN, p: NaN };
  const t = estimate / se;
  return { t, df, p: Math.min(1, 2 * tCdf(-Math.abs(t), df)) };
}

/**
 * The difference of means ā − b̄ with its Welch standard error, df and
 * t interval (R's `t.test(a, b)$conf.int`). NaN fields under the same conditions
 * as {@link welchTTest}.
 *
 * @example
 * welchInterval([1, 2, 3, 4], [3, 4, 5, 6, 7], 0.95).estimate; // => -2.5
 */
export function welchInterval(a: readonly number[], b: readonly number[], confidence = 0.95): WelchInterval {
  assertFiniteNumbers('welchTTest', 'a', a);
  assertFiniteNumbers('welchTTest', 'b', b);
  assertConfidence('welchTTest', confidence);
  const none = { estimate: NaN, se: NaN, df: NaN, lower: NaN, upper: NaN };
  if (a.length < 2 || b.length < 2) return none;
  const [ma, mb] = [mean([...a]), mean([...b])];
  const va = sampleVariance([...a]) / a.length;
  const vb = sampleVariance([...b]) / b.length;
  const se = Math.sqrt(va + vb);
  // R's t.test stops here with "data are essentially constant".
  const constant = se === 0 || se < 10 * Number.EPSILON * Math.max(Math.abs(ma), Math.abs(mb));
  if (constant) return { ...none, estimate: ma - mb };
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = tQuantile((1 + confidence) / 2, df) * se;
  return { estimate: ma - mb, se, df, lower: ma - mb - half, upper: ma - mb + half };
}
