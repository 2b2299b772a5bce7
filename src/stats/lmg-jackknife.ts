import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { assertConfidence } from './guards.js';
import { crossProducts, lmgFromCrossProducts, relativeImportance } from './relative-importance.js';

/** A predictor's LMG share of R² with its jackknife interval. */
export interface ShareInterval {
  value: number;
  se: number;
  lower: number;
  upper: number;
}

/**
 * LMG shares of R² ({@link relativeImportance}) with jackknife intervals:
 * recompute the shares leaving out each unit in turn (by downdating the
 * cross-product matrix, so it stays cheap), SE² = (n−1)/n·Σ(θ₍ᵢ₎ − θ̄)², interval
 * share ± z·SE clamped to [0, 1]. Deterministic, and unlike a bootstrap it does
 * not inflate weak predictors' shares with duplicated rows (with which the
 * percentile interval can miss the estimate entirely).
 *
 * Edge cases: n < p + 3 → NaN limits; otherwise as {@link relativeImportance}.
 *
 * @example
 * lmgJackknife([[1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]], [1, 3, 2, 5, 4, 6], 0.8)[0]?.value;
 */
export function lmgJackknife(
  predictors: readonly (readonly number[])[],
  y: readonly number[],
  confidence = 0.8,
): ShareInterval[] {
  assertConfidence('lmgJackknife', confidence);
  const full = relativeImportance(predictors, y).shares;
  const [p, n] = [predictors.length, y.length];
  const m = p + 1;
  const columns = [...predictors, y];
  if (n < p + 3) return full.map((value) => ({ value, se: NaN, lower: NaN, upper: NaN }));
  const cross = crossProducts(columns);
  const means = columns.map((c) => c.reduce((s, v) => s + v, 0) / n);
  const leaveOut = Array.from({ length: n }, (_, i) => {
    // Centred cross-products without unit i: S − n/(n−1)·dᵢdᵢᵀ, dᵢ = unit i − full means.
    const d = columns.map((c, j) => c[i]! - means[j]!);
    const downdated = cross.map((value, index) => value - (n / (n - 1)) * d[Math.floor(index / m)]! * d[index % m]!);
    return lmgFromCrossProducts(downdated, p).shares;
  });
  const z = normalQuantile((1 + confidence) / 2, 0, 1);
  return full.map((value, j) => {
    const values = leaveOut.map((shares) => shares[j]!).filter(Number.isFinite);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const se = Math.sqrt(((values.length - 1) / values.length) * values.reduce((s, v) => s + (v - mean) ** 2, 0));
    return { value, se, lower: Math.max(0, value - z * se), upper: Math.min(1, value + z * se) };
  });
}
