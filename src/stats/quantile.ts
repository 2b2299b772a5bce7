import { quantileSorted } from 'simple-statistics';
import { assertFiniteNumbers } from './guards.js';

/**
 * Sample quantiles by linear interpolation between order statistics, R's
 * `quantile(x, probs, type = 7)`: with sorted x₁…xₙ and h = (n − 1)p + 1,
 * Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
 *
 * Edge cases: no values → NaN for every prob (R: NA). Non-finite values or probs
 * outside [0, 1] are malformed and throw.
 *
 * @param values the sample
 * @param probs probabilities in [0, 1]
 * @returns one quantile per prob, in the order given
 * @example
 * quantile([1, 2, 3, 4], [0.5, 0.9]); // => [2.5, 3.7]
 */
export function quantile(values: readonly number[], probs: readonly number[]): number[] {
  assertFiniteNumbers('quantile', 'values', values);
  for (const p of probs) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: probs must be in [0, 1] (got ${p})`);
  }
  if (values.length === 0) return probs.map(() => NaN);
  const sorted = [...values].sort((a, b) => a - b);
  return probs.map((p) => quantileSorted(sorted, p));
}

/**
 * Median of a sample (R type 7 at p = 0.5); NaN when empty.
 *
 * @example
 * median([3, 1, 2]); // => 2
 */
export function median(values: readonly number[]): number {
  return quantile(values, [0.5])[0] ?? NaN;
}

/**
 * R type 7 quantile from order statistics alone: with h = (n − 1)p, the value is
 * x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) (0-based). Lets SQL return only the two order
 * statistics each quantile needs ({@link type7Indices}) instead of every value.
 *
 * @param n sample size
 * @param p probability in [0, 1]
 * @param valueAt the i-th smallest value (0-based), for the indices of {@link type7Indices}
 * @example
 * type7Quantile(4, 0.9, (i) => [1, 2, 3, 4][i]!); // => 3.7
 */
export function type7Quantile(n: number, p: number, valueAt: (index: number) => number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`type7Quantile: p must be in [0, 1] (got ${p})`);
  if (!(n > 0)) return NaN;
  const [lo, hi] = type7Indices(n, p);
  const h = (n - 1) * p;
  const low = valueAt(lo);
  return lo === hi ? low : low + (h - lo) * (valueAt(hi) - low);
}

/** The 0-based order statistics a type 7 quantile reads: ⌊(n − 1)p⌋ and the next (capped at n − 1). */
export function type7Indices(n: number, p: number): [number, number] {
  const lo = Math.floor((n - 1) * p);
  return [lo, Math.min(n - 1, lo + 1)];
}
