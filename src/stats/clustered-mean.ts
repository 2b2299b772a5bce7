import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { assertConfidence, assertFiniteNumbers, assertSameLength } from './guards.js';

/** A group's mean with a cluster-robust interval (reps as clusters). */
export interface ClusteredMean {
  mean: number;
  se: number;
  lower: number;
  upper: number;
  df: number;
  /** v_CR/(s²/N), at least 1. */
  designEffect: number;
  /** N / designEffect. */
  effectiveN: number;
}

/**
 * A team's or the organisation's mean when answers cluster by rep (docs/statistics.md,
 * "Team and org figures"), from each rep's sum sᵢ, sum of squares ssᵢ and count nᵢ:
 * m = Σsᵢ/N, s² = (Σssᵢ − Nm²)/(N−1), v_CR = k/(k−1)·Σ(sᵢ − m·nᵢ)²/N²,
 * se = √max(v_CR, s²/N), interval m ± t(k−1, (1+level)/2)·se,
 * deff = max(1, v_CR/(s²/N)).
 *
 * Edge cases: reps with nᵢ = 0 are not clusters; N = 0 → all NaN (null in JSON);
 * k = 1 → the single rep's t interval on N − 1 df (N = 1: se NaN); s² = 0 → deff 1,
 * se 0. Mismatched lengths, negative or fractional counts, non-finite sums throw.
 *
 * @param sums sᵢ per rep
 * @param sumsOfSquares ssᵢ per rep
 * @param counts nᵢ per rep
 * @param level two-sided confidence level
 * @example
 * clusteredMean([8, 12], [34, 74], [2, 2], 0.95); // reps answering 3, 5 and 5, 7
 * // => mean 5, se 1 (v_CR = 2·(2² + 2²)/4²), df 1, interval 5 ± 12.706, designEffect 1.5
 */
export function clusteredMean(
  sums: readonly number[],
  sumsOfSquares: readonly number[],
  counts: readonly number[],
  level: number,
): ClusteredMean {
  assertSameLength('clusteredMean', sums, counts);
  assertSameLength('clusteredMean', sumsOfSquares, counts);
  assertFiniteNumbers('clusteredMean', 'sums', sums);
  assertFiniteNumbers('clusteredMean', 'sumsOfSquares', sumsOfSquares);
  assertConfidence('clusteredMean', level);
  if (counts.some((n) => !Number.isInteger(n) || n < 0) || sumsOfSquares.some((ss) => ss < 0)) {
    throw new RangeError('clusteredMean: counts must be non-negative integers and sums of squares ≥ 0');
  }
  const reps = counts.map((n, i) => ({ n, s: sums[i]!, ss: sumsOfSquares[i]! })).filter((r) => r.n > 0);
  const k = reps.length;
  const N = reps.reduce((t, r) => t + r.n, 0);
  if (N === 0) return { mean: NaN, se: NaN, lower: NaN, upper: NaN, df: NaN, designEffect: NaN, effectiveN: NaN };
  const mean = reps.reduce((t, r) => t + r.s, 0) / N;
  const s2 = N > 1 ? Math.max(0, (reps.reduce((t, r) => t + r.ss, 0) - N * mean * mean) / (N - 1)) : NaN;
  const vSrs = s2 / N;
  if (k === 1) return interval(mean, Math.sqrt(vSrs), N - 1, level, 1, N);
  const vCr = ((k / (k - 1)) * reps.reduce((t, r) => t + (r.s - mean * r.n) ** 2, 0)) / (N * N);
  const designEffect = vSrs > 0 ? Math.max(1, vCr / vSrs) : 1;
  const se = vSrs > 0 ? Math.sqrt(Math.max(vCr, vSrs)) : 0;
  return interval(mean, se, k - 1, level, designEffect, N / designEffect);
}

function interval(
  mean: number,
  se: number,
  df: number,
  level: number,
  designEffect: number,
  effectiveN: number,
): ClusteredMean {
  const half = df > 0 ? tQuantile((1 + level) / 2, df) * se : NaN;
  return { mean, se, lower: mean - half, upper: mean + half, df, designEffect, effectiveN };
}
