/**
 * Benjamini–Hochberg adjusted p-values (q-values), as R's `p.adjust(p, "BH")`:
 * with the m p-values sorted, q₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎/j).
 * Rejecting every q ≤ α controls the false discovery rate at α (BH 1995).
 *
 * Edge cases: an empty list → []; NaN p-values stay NaN and are left out of m,
 * as R does with NA. p-values outside [0, 1] are malformed and throw.
 *
 * @param p p-values, in any order
 * @returns the adjusted values, in the same order
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5]); // => [0.025, 0.05, 0.05, 0.025, 0.5]
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  for (const value of p) {
    if (value < 0 || value > 1) throw new RangeError(`benjaminiHochberg: p-values must be in [0, 1] (got ${value})`);
  }
  const order = p
    .map((_, index) => index)
    .filter((index) => !Number.isNaN(p[index]))
    .sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0));
  const m = order.length;
  const q = p.map(() => NaN);
  let running = 1;
  order.forEach((index, k) => {
    running = Math.min(running, (m / (m - k)) * (p[index] ?? NaN));
    q[index] = running;
  });
  return q;
}
