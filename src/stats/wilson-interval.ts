import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { assertConfidence, assertCount } from './guards.js';

/** A proportion with its interval. */
export interface RateInterval {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a binomial proportion, as R's
 * `prop.test(x, n, correct = FALSE)$conf.int`. With p̂ = x/n and z the normal
 * quantile: centre (p̂ + z²/2n)/(1 + z²/n), half-width
 * z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²). The lower limit is exactly 0 when x = 0 and
 * the upper exactly 1 when x = n.
 *
 * Edge cases: n = 0 → every field NaN (R: an error; nothing can be said).
 * Negative counts or successes > n throw.
 *
 * @param successes number of successes x
 * @param n number of trials
 * @param confidence two-sided level, default 0.95
 * @example
 * wilsonInterval(8, 10); // => { estimate: 0.8, lower: 0.4902, upper: 0.9433 } (rounded)
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): RateInterval {
  assertCount('wilsonInterval', successes, n);
  assertConfidence('wilsonInterval', confidence);
  if (n === 0) return { estimate: NaN, lower: NaN, upper: NaN };
  return wilsonAtZ(successes / n, n, normalQuantile((1 + confidence) / 2, 0, 1));
}

/**
 * The Wilson interval for p̂ of n trials with a given critical value z (the normal
 * quantile in {@link wilsonInterval}; a t quantile and an effective n for a
 * cluster-robust interval). n may be fractional; n > 0.
 */
export function wilsonAtZ(p: number, n: number, z: number): RateInterval {
  const z22n = (z * z) / (2 * n);
  const halfWidth = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const lower = p <= 0 ? 0 : (p + z22n - halfWidth) / (1 + 2 * z22n);
  const upper = p >= 1 ? 1 : (p + z22n + halfWidth) / (1 + 2 * z22n);
  return { estimate: p, lower: Math.max(lower, 0), upper: Math.min(upper, 1) };
}
