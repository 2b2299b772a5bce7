import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { ancovaEffect } from './ancova-effect.js';
import { blockColumns, type CohortBlock, type CohortCovariate } from './cohort-design.js';

/** One cohort's part in an estimate. */
export interface CohortEffect {
  /** The completion month g. */
  month: number;
  treatedReps: number;
  controlReps: number;
  /** The ANCOVA's treated coefficient (R: lm(post ~ treated + covariates)). */
  effect: number;
  covariates: CohortCovariate[];
}

/** Cohorts entered for one estimand, pooled by treated reps (before the bootstrap gives its se). */
export interface PooledPoint {
  effect: number;
  treatedReps: number;
  /** Distinct control reps over the cohorts. */
  controlReps: number;
  cohorts: CohortEffect[];
}

/** t inference for a pooled effect: t = effect/se on T − 1 df, interval effect ± t(T − 1)·se. */
export interface PooledInference {
  se: number;
  df: number;
  t: number;
  p: number;
  lower: number;
  upper: number;
}

/**
 * Whether a cohort's rows meet the entry rule of docs/statistics.md, "Evidence 2": ≥ 1 treated,
 * ≥ 3 controls, more rows than parameters + 2.
 */
function cohortEnters(treated: number, controls: number, covariates: number): boolean {
  return treated >= 1 && controls >= 3 && treated + controls > covariates + 2 + 2;
}

/**
 * One cohort's effect on post p of a block, by ancovaEffect; null when the cohort does
 * not enter (entry rule, or collinear covariates). Also returns the control reps used.
 */
function cohortPoint(
  block: CohortBlock,
  p: number,
  level: number,
): { cohort: CohortEffect; controls: number[] } | null {
  const columns = blockColumns(block, p);
  const treated = columns.treated.filter((t) => t === 1).length;
  const controls = columns.reps.filter((_, i) => columns.treated[i] === 0);
  if (!cohortEnters(treated, controls.length, block.covariates.length)) return null;
  const fit = ancovaEffect(columns.post, columns.treated, columns.covariates, level);
  if (Number.isNaN(fit.effect)) return null;
  return {
    cohort: {
      month: block.month,
      treatedReps: treated,
      controlReps: controls.length,
      effect: fit.effect,
      covariates: block.covariates,
    },
    controls,
  };
}

/** The entered cohorts of one estimand, averaged with weights = treated reps (NaN when none). */
export function poolCohorts(blocks: readonly (CohortBlock | null)[], p: number, level: number): PooledPoint {
  const cohorts: CohortEffect[] = [];
  const controls = new Set<number>();
  for (const block of blocks) {
    const point = block ? cohortPoint(block, p, level) : null;
    if (!point) continue;
    cohorts.push(point.cohort);
    for (const rep of point.controls) controls.add(rep);
  }
  const treatedReps = cohorts.reduce((s, c) => s + c.treatedReps, 0);
  const effect = treatedReps > 0 ? cohorts.reduce((s, c) => s + c.treatedReps * c.effect, 0) / treatedReps : NaN;
  return { effect, treatedReps, controlReps: controls.size, cohorts };
}

/**
 * The bootstrap standard error (SD of the replicates, NaN ones left out) and t inference
 * on T − 1 df, T the treated reps: few treated reps make percentile intervals too narrow.
 */
export function pooledInference(
  effect: number,
  replicates: ArrayLike<number>,
  treatedReps: number,
  level: number,
): PooledInference {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < replicates.length; i++) {
    if (!Number.isNaN(replicates[i]!)) {
      count++;
      sum += replicates[i]!;
    }
  }
  let squares = 0;
  for (let i = 0; i < replicates.length; i++) {
    if (!Number.isNaN(replicates[i]!)) squares += (replicates[i]! - sum / count) ** 2;
  }
  const se = count > 1 ? Math.sqrt(squares / (count - 1)) : NaN;
  const df = treatedReps - 1;
  if (!(df >= 1) || Number.isNaN(se) || Number.isNaN(effect)) return { se, df, t: NaN, p: NaN, lower: NaN, upper: NaN };
  const t = effect / se;
  const half = tQuantile((1 + level) / 2, df) * se;
  const p = se === 0 ? (effect === 0 ? NaN : 0) : 2 * tCdf(-Math.abs(t), df);
  return { se, df, t, p, lower: effect - half, upper: effect + half };
}
