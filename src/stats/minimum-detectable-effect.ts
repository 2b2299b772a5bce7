import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * The smallest true effect a two-sided t test at level α detects with the given
 * power, for an estimate with standard error se on df degrees of freedom:
 * MDE = (t(1 − α/2, df) + t(power, df))·se (Bloom 1995). Shown as "could detect
 * ≥ X": no finding is never evidence of no effect.
 *
 * Edge cases: se or df NaN, df ≤ 0 → NaN. Negative se, α or power outside (0, 1) throw.
 *
 * @param se the estimate's standard error
 * @param df its degrees of freedom
 * @param alpha two-sided significance level, e.g. 0.05
 * @param power e.g. 0.8
 * @example
 * minimumDetectableEffect(0.05, 30, 0.05, 0.8); // => 0.1448 (rounded): (2.042 + 0.854)·0.05
 */
export function minimumDetectableEffect(se: number, df: number, alpha: number, power: number): number {
  if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
    throw new RangeError(`minimumDetectableEffect: alpha and power must be between 0 and 1 (got ${alpha}, ${power})`);
  }
  if (se < 0 || se === Infinity) throw new RangeError(`minimumDetectableEffect: se must be finite and ≥ 0 (got ${se})`);
  if (Number.isNaN(se) || !(df > 0)) return NaN;
  return (tQuantile(1 - alpha / 2, df) + tQuantile(power, df)) * se;
}
