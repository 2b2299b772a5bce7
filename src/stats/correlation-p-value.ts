import tCdf from '@stdlib/stats-base-dists-t-cdf';

/**
 * Two-sided p-value for a correlation by the t approximation, as R's cor.test
 * (Pearson, and Spearman with exact = FALSE): t = r·√((n − 2)/(1 − r²)) on n − 2
 * degrees of freedom, p = 2·P(T ≤ −|t|).
 *
 * Edge cases: n ≤ 2 or r NaN → NaN; |r| = 1 → 0.
 *
 * @param r the sample correlation
 * @param n the number of pairs (or an effective n)
 * @example
 * correlationPValue(0.5, 12); // => 0.0979 (rounded)
 */
export function correlationPValue(r: number, n: number): number {
  if (!(n > 2) || Number.isNaN(r)) return NaN;
  const df = n - 2;
  const t = (Math.sqrt(df) * r) / Math.sqrt(1 - r * r);
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
