import type { MeanSummary } from './mean-summary.js';
import { meanInterval, type MeanInterval } from './mean-interval.js';

/**
 * Mean of 1–5 answers with the t interval ȳ ± t(n−1, (1+c)/2)·s/√n
 * ({@link meanInterval}), clamped to [1, 5] (the scale cannot go beyond its ends).
 *
 * Edge cases: n = 0 → all NaN; n = 1 → mean only (sd and limits NaN);
 * identical answers → sd 0 and a zero-width interval at the mean. A mean outside
 * [1, 5] means the summary is not of Likert answers: throws.
 *
 * @param summary count, sum and sum of squares of the answers
 * @param confidence two-sided level, default 0.95
 * @example
 * likertMean({ n: 4, sum: 16, sumOfSquares: 66 }); // the answers 3, 4, 4, 5
 * // => { n: 4, mean: 4, sd: 0.8165, lower: 2.7008, upper: 5 } (rounded)
 */
export function likertMean(summary: MeanSummary, confidence = 0.95): MeanInterval {
  const interval = meanInterval(summary, confidence);
  const { n, mean } = interval;
  if (n > 0 && !(mean >= 1 - 1e-9 && mean <= 5 + 1e-9)) {
    throw new RangeError(`likertMean: mean ${mean} is outside the 1–5 scale`);
  }
  return { ...interval, lower: Math.max(1, interval.lower), upper: Math.min(5, interval.upper) };
}

/**
 * Top-2-box count: answers of 4 or 5 out of the answers given (nulls skipped),
 * ready for {@link wilsonInterval} or {@link shrinkRates}.
 *
 * @example
 * topTwoBox([5, 4, 3, null, 1]); // => { successes: 2, n: 4 }
 */
export function topTwoBox(values: readonly (number | null)[]): { successes: number; n: number } {
  let successes = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    if (!(v >= 1 && v <= 5)) throw new RangeError(`topTwoBox: answers must be on the 1–5 scale (got ${v})`);
    n++;
    if (v >= 4) successes++;
  }
  return { successes, n };
}
