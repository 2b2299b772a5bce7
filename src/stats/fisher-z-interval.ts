import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { assertConfidence } from './guards.js';

/** Which correlation the interval is for; they differ in the standard error of z. */
export type CorrelationMethod = 'pearson' | 'spearman';

/**
 * Fisher-z interval for a correlation: z = atanh(r), z ± z_{(1+c)/2}·SE, back-
 * transformed with tanh. SE = 1/√(n − 3) for Pearson; √((1 + r²/2)/(n − 3)) for
 * Spearman (Bonett & Wright 2000).
 *
 * Edge cases: n ≤ 3 or r not finite → NaN limits (R's cor.test gives no interval);
 * r = ±1 → the interval collapses to r.
 *
 * @param r the sample correlation
 * @param n the number of pairs (or an effective n, e.g. after removing team means)
 * @param method 'pearson' (default) or 'spearman'
 * @param confidence two-sided level, default 0.95
 * @example
 * fisherZInterval(0.5, 28); // => { lower: 0.1560, upper: 0.7358 } (rounded)
 */
export function fisherZInterval(
  r: number,
  n: number,
  method: CorrelationMethod = 'pearson',
  confidence = 0.95,
): { lower: number; upper: number } {
  assertConfidence('fisherZInterval', confidence);
  if (r < -1 || r > 1) throw new RangeError(`fisherZInterval: r must be in [-1, 1] (got ${r})`);
  if (!(n > 3) || Number.isNaN(r)) return { lower: NaN, upper: NaN };
  const se = method === 'spearman' ? Math.sqrt((1 + (r * r) / 2) / (n - 3)) : 1 / Math.sqrt(n - 3);
  const z = Math.atanh(r);
  const half = normalQuantile((1 + confidence) / 2, 0, 1) * se;
  return { lower: Math.tanh(z - half), upper: Math.tanh(z + half) };
}
