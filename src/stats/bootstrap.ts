import { quantile } from 'simple-statistics';
import { assertConfidence, assertPositiveInteger } from './guards.js';
import { mulberry32, type RandomSource } from './prng.js';

/**
 * One bootstrap resample of n units: n indices drawn uniformly with replacement.
 *
 * @example
 * resampleIndices(3, mulberry32(1)); // => [1, 0, 1]
 */
export function resampleIndices(n: number, random: RandomSource): number[] {
  return Array.from(resampleInto(new Int32Array(n), random));
}

/** {@link resampleIndices} into a reused buffer: as many indices as it holds, each below its length. */
export function resampleInto(indices: Int32Array, random: RandomSource): Int32Array {
  const n = indices.length;
  for (let i = 0; i < n; i++) indices[i] = Math.floor(random() * n);
  return indices;
}

/**
 * Percentile interval of bootstrap replicates: their (1−c)/2 and (1+c)/2
 * quantiles (R type 7). NaN replicates (degenerate resamples) are left out;
 * none left → NaN limits.
 *
 * @example
 * percentileInterval([1, 2, 3, 4, 5], 0.5); // => { lower: 2, upper: 4 }
 */
export function percentileInterval(
  replicates: ArrayLike<number>,
  confidence: number,
): { lower: number; upper: number } {
  assertConfidence('percentileInterval', confidence);
  const values: number[] = [];
  for (let i = 0; i < replicates.length; i++) {
    const v = replicates[i]!;
    if (!Number.isNaN(v)) values.push(v);
  }
  if (values.length === 0) return { lower: NaN, upper: NaN };
  const [lower = NaN, upper = NaN] = quantile(values, [(1 - confidence) / 2, (1 + confidence) / 2]);
  return { lower, upper };
}

/**
 * Seeded nonparametric bootstrap of a statistic over units (reps): draw B
 * resamples of the units with replacement, recompute the statistic on each, and
 * take the percentile interval. The same seed gives the same interval.
 *
 * @param units the units to resample (e.g. one record per rep)
 * @param statistic computed on the original units and on each resample
 * @param options B (default 1,000), seed (default 1), confidence (default 0.95)
 * @example
 * bootstrapInterval([1, 2, 3, 4, 5], (xs) => xs.reduce((s, x) => s + x, 0) / xs.length, { seed: 2 });
 * // => { estimate: 3, lower: 1.6, upper: 4.2 }
 */
export function bootstrapInterval<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => number,
  options: { replicates?: number; seed?: number; confidence?: number } = {},
): { estimate: number; lower: number; upper: number } {
  const { replicates = 1000, seed = 1, confidence = 0.95 } = options;
  assertPositiveInteger('bootstrapInterval', 'replicates', replicates);
  assertConfidence('bootstrapInterval', confidence);
  const random = mulberry32(seed);
  const values = new Float64Array(replicates);
  for (let b = 0; b < replicates; b++) {
    values[b] = statistic(resampleIndices(units.length, random).map((i) => units[i]!));
  }
  return { estimate: statistic(units), ...percentileInterval(values, confidence) };
}
