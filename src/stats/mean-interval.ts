import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { assertConfidence } from './guards.js';
import { summaryMoments, type MeanSummary } from './mean-summary.js';

/** A mean with its t interval. */
export interface MeanInterval {
  n: number;
  mean: number;
  sd: number;
  lower: number;
  upper: number;
}

/**
 * Mean with the t interval ȳ ± t(n−1, (1+c)/2)·s/√n, from count, sum and sum of
 * squares (R's `t.test(y)$conf.int`).
 *
 * Edge cases: n = 0 → all NaN; n = 1 → mean only; constant values → sd 0 and a
 * zero-width interval (R stops with "data are essentially constant").
 *
 * @example
 * meanInterval({ n: 4, sum: 16, sumOfSquares: 66 }); // the values 3, 4, 4, 5
 * // => { n: 4, mean: 4, sd: 0.8165, lower: 2.7008, upper: 5.2992 } (rounded)
 */
export function meanInterval(summary: MeanSummary, confidence = 0.95): MeanInterval {
  assertConfidence('meanInterval', confidence);
  const { mean, variance } = summaryMoments(summary);
  const n = summary.n;
  const sd = Math.sqrt(variance);
  if (n < 2) return { n, mean, sd: NaN, lower: NaN, upper: NaN };
  const half = tQuantile((1 + confidence) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, lower: mean - half, upper: mean + half };
}
