/**
 * Figures of a group of reps — a team, the org, a month of either: cluster-robust 95%
 * intervals with reps as clusters (docs/statistics.md, "Team and org figures"), from each member
 * rep's own counts. A rep's own figure keeps its Wilson / t interval (./cpis.ts).
 */
import { clusteredMean, clusteredProportion, type ClusteredRate, type MeanSummary } from '../stats';

const LEVEL = 0.95;

/** What a group's interval adds to its figure: the design effect and the effective number of answers. */
export interface Clustering {
  /** v_CR / v_SRS, at least 1: how many times the variance of n independent answers. */
  designEffect: number;
  /** n / designEffect: as many independent answers as the group's are worth. */
  effectiveN: number;
}

/** A share (FCR, 4-or-5 answers, quotes within the SLA) from each member rep's successes of n. */
export function groupRate(reps: readonly { successes: number; n: number }[]): ClusteredRate {
  return clusteredProportion(
    reps.map((r) => r.successes),
    reps.map((r) => r.n),
    LEVEL,
  );
}

/** A 1–5 mean from each member rep's count, sum and sum of squares; limits clamped to the scale, as for a rep. */
export function groupMean(reps: readonly MeanSummary[]): { mean: number; lower: number; upper: number } & Clustering {
  const c = clusteredMean(
    reps.map((r) => r.sum),
    reps.map((r) => r.sumOfSquares),
    reps.map((r) => r.n),
    LEVEL,
  );
  return {
    mean: c.mean,
    lower: Math.max(1, c.lower),
    upper: Math.min(5, c.upper),
    designEffect: c.designEffect,
    effectiveN: c.effectiveN,
  };
}
