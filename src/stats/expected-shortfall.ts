import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalPdf from '@stdlib/stats-base-dists-normal-pdf';

/** How far a rep's CPI is expected to fall short of target, and how likely. */
export interface Shortfall {
  /** E[max(0, T − θ)] for θ ~ N(m, v²) (or θ − T when lower is better). */
  expectedShortfall: number;
  /** P(θ worse than T) = Φ(d). */
  probabilityBelowTarget: number;
}

/**
 * Expected shortfall of a CPI against its target (docs/statistics.md, "Skill-gap score",
 * step 1). With the rep's shrunk estimate m, posterior SD v and target T:
 * d = (T − m)/v, ES = (T − m)Φ(d) + vφ(d), P(below target) = Φ(d). For CPIs where
 * lower is better (quote turnaround) the shortfall is m − T instead.
 *
 * Edge cases: v = 0 → ES = max(0, T − m) and P = 1 if short, else 0.
 * A negative v throws; NaN inputs give NaN.
 *
 * @param estimate m
 * @param sd v ≥ 0
 * @param target T
 * @param lowerIsBetter true for quote turnaround
 * @example
 * expectedShortfall(0.7, 0.05, 0.8).probabilityBelowTarget; // => 0.9772 (rounded)
 */
export function expectedShortfall(estimate: number, sd: number, target: number, lowerIsBetter = false): Shortfall {
  if (sd < 0) throw new RangeError(`expectedShortfall: sd must be ≥ 0 (got ${sd})`);
  const gap = lowerIsBetter ? estimate - target : target - estimate;
  if (sd === 0) {
    return { expectedShortfall: Math.max(0, gap), probabilityBelowTarget: gap > 0 ? 1 : 0 };
  }
  const d = gap / sd;
  const phi = normalCdf(d, 0, 1);
  return { expectedShortfall: gap * phi + sd * normalPdf(d, 0, 1), probabilityBelowTarget: phi };
}
