import { assertFiniteNumbers } from './guards.js';

/**
 * A sample reduced to what SQL returns per group: `COUNT(y)`, `SUM(y)` and
 * `SUM(y*y)`. Everything about means and variances follows from these.
 */
export interface MeanSummary {
  n: number;
  sum: number;
  sumOfSquares: number;
}

/**
 * Reduces values to a {@link MeanSummary}; nulls (skipped questions) are left out,
 * like SQL `COUNT(col)` and `SUM(col)`.
 *
 * @example
 * summarize([4, 5, null, 3]); // => { n: 3, sum: 12, sumOfSquares: 50 }
 */
export function summarize(values: readonly (number | null)[]): MeanSummary {
  const present = values.filter((v): v is number => v !== null);
  assertFiniteNumbers('summarize', 'values', present);
  let sum = 0;
  let sumOfSquares = 0;
  for (const v of present) {
    sum += v;
    sumOfSquares += v * v;
  }
  return { n: present.length, sum, sumOfSquares };
}

/**
 * Mean and sample variance (n − 1 denominator) of a {@link MeanSummary}; the
 * variance is NaN when n < 2 and never negative (rounding is clamped at 0).
 *
 * @example
 * summaryMoments({ n: 3, sum: 12, sumOfSquares: 50 }); // => { mean: 4, variance: 1 }
 */
export function summaryMoments(summary: MeanSummary): { mean: number; variance: number } {
  const { n, sum, sumOfSquares } = summary;
  if (!Number.isInteger(n) || n < 0 || !Number.isFinite(sum) || !(sumOfSquares >= 0)) {
    throw new RangeError(`summaryMoments: malformed summary (n ${n}, sum ${sum}, sumOfSquares ${sumOfSquares})`);
  }
  const mean = n > 0 ? sum / n : NaN;
  const variance = n > 1 ? Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1)) : NaN;
  return { mean, variance };
}
