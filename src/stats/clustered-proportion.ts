import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { assertConfidence, assertCount, assertSameLength } from './guards.js';
import { wilsonAtZ, wilsonInterval } from './wilson-interval.js';

/** A group's rate with a cluster-robust interval (reps as clusters). */
export interface ClusteredRate {
  estimate: number;
  lower: number;
  upper: number;
  /** v_CR/v_SRS, at least 1. */
  designEffect: number;
  /** N / designEffect: as many independent answers as the group's are worth. */
  effectiveN: number;
}

/**
 * A team's or the organisation's rate when answers cluster by rep (docs/statistics.md,
 * "Team and org figures"). With k reps with answers, rep i's xᵢ of nᵢ, N = Σnᵢ:
 * p̂ = Σxᵢ/N, v_CR = k/(k−1)·Σ(xᵢ − p̂nᵢ)²/N², v_SRS = p̂(1−p̂)/N, design effect
 * deff = max(1, v_CR/v_SRS), n_eff = N/deff; the interval is Wilson's at p̂ and
 * n_eff with z replaced by t(k−1, (1+level)/2), so few reps give a wider interval.
 *
 * Edge cases: reps with nᵢ = 0 are not clusters; N = 0 → all NaN (null in JSON);
 * k = 1 → the plain Wilson interval, deff 1; all or none (v_SRS = 0) → deff 1.
 * Mismatched lengths, negative counts or xᵢ > nᵢ throw.
 *
 * @param successes xᵢ per rep
 * @param trials nᵢ per rep
 * @param level two-sided confidence level
 * @example
 * clusteredProportion([9, 1, 9, 1], [10, 10, 10, 10], 0.95);
 * // => { estimate: 0.5, lower: 0.0866, upper: 0.9134, designEffect: 8.5333, effectiveN: 4.6875 } (rounded)
 * // reps at 90% and 10%: 40 answers are worth fewer than 5 independent ones
 */
export function clusteredProportion(
  successes: readonly number[],
  trials: readonly number[],
  level: number,
): ClusteredRate {
  assertSameLength('clusteredProportion', successes, trials);
  assertConfidence('clusteredProportion', level);
  successes.forEach((x, i) => assertCount('clusteredProportion', x, trials[i]!));
  const reps = successes.map((x, i) => ({ x, n: trials[i]! })).filter((r) => r.n > 0);
  const N = reps.reduce((s, r) => s + r.n, 0);
  const k = reps.length;
  if (N === 0) return { estimate: NaN, lower: NaN, upper: NaN, designEffect: NaN, effectiveN: NaN };
  const x = reps.reduce((s, r) => s + r.x, 0);
  if (k === 1) return { ...wilsonInterval(x, N, level), designEffect: 1, effectiveN: N };
  const p = x / N;
  const vSrs = (p * (1 - p)) / N;
  const vCr = ((k / (k - 1)) * reps.reduce((s, r) => s + (r.x - p * r.n) ** 2, 0)) / (N * N);
  const designEffect = vSrs > 0 ? Math.max(1, vCr / vSrs) : 1;
  const effectiveN = N / designEffect;
  const t = tQuantile((1 + level) / 2, k - 1);
  return { ...wilsonAtZ(p, effectiveN, t), designEffect, effectiveN };
}
