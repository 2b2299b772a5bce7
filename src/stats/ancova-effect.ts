import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { assertConfidence, assertFiniteNumbers, assertSameLength } from './guards.js';
import { leastSquares, withIntercept } from './least-squares.js';

/** The treated coefficient of an ANCOVA, with its t inference. */
export interface AncovaEffect {
  effect: number;
  se: number;
  t: number;
  df: number;
  p: number;
  lower: number;
  upper: number;
}

/**
 * The treatment effect adjusted for covariates, R's `lm(post ~ treated + X)`:
 * ordinary least squares on [1, treated, X]; the treated coefficient with
 * se = √(σ̂²·[(XᵀX)⁻¹]₂₂), σ̂² = RSS/(n − p), t on n − p df, two-sided p and the
 * interval effect ± t(n − p, (1+level)/2)·se. Used per cohort (docs/statistics.md, "Evidence 2")
 * with post = the after window and covariates such as the before window.
 *
 * Edge cases (all NaN): n ≤ p, or a column constant or collinear with others
 * (R's `lm` would drop it and report NA; here nothing is estimated). A perfect
 * fit gives se ≈ 0. Mismatched lengths or non-finite values throw.
 *
 * @param post the outcome per rep
 * @param treated 1 for treated reps, 0 for controls
 * @param covariates one row per rep (may be empty rows: no covariates)
 * @param level two-sided confidence level
 * @example
 * ancovaEffect([3.1, 4.0, 2.6, 4.4, 3.3, 4.1], [0, 1, 0, 1, 0, 1], [[3], [3.5], [2.5], [4], [3.5], [3]], 0.95);
 * // => { effect: 0.9167, se: 0.1719, t: 5.3337, df: 3, p: 0.0129, lower: 0.3697, upper: 1.4636 } (rounded)
 */
export function ancovaEffect(
  post: readonly number[],
  treated: readonly number[],
  covariates: readonly (readonly number[])[],
  level: number,
): AncovaEffect {
  assertSameLength('ancovaEffect', post, treated);
  assertSameLength('ancovaEffect', post, covariates);
  assertFiniteNumbers('ancovaEffect', 'post', post);
  assertFiniteNumbers('ancovaEffect', 'treated', treated);
  assertConfidence('ancovaEffect', level);
  const q = covariates[0]?.length ?? 0;
  for (const row of covariates) {
    if (row.length !== q) throw new RangeError('ancovaEffect: every covariate row needs the same length');
    assertFiniteNumbers('ancovaEffect', 'covariates', row);
  }
  const none = { effect: NaN, se: NaN, t: NaN, df: NaN, p: NaN, lower: NaN, upper: NaN };
  const df = post.length - (q + 2);
  if (df <= 0) return none;
  const fit = leastSquares(withIntercept(covariates.map((row, i) => [treated[i]!, ...row])), post);
  if (!fit) return none;
  const effect = fit.beta[1]!;
  const se = Math.sqrt((fit.weightedRss / df) * fit.unscaledCovariance.get(1, 1));
  const t = effect / se;
  const half = tQuantile((1 + level) / 2, df) * se;
  return { effect, se, t, df, p: 2 * tCdf(-Math.abs(t), df), lower: effect - half, upper: effect + half };
}
