import type { CpiKey } from './cpi.js';

/** A rep's CPI posterior: shrunk estimate m and posterior SD v. */
export interface CpiPosterior {
  estimate: number;
  sd: number;
}

/** Training history of one rep in one skill, from course and coaching records. */
export interface TrainingFlags {
  hasCourse: boolean;
  hasCoaching: boolean;
  /** Whether the CPI has risen since the coaching; null when it cannot be told yet. */
  cpiRisingSinceCoaching: boolean | null;
}

export type GapLabel = 'untrained' | 'trained-not-transferred' | 'coached-not-improving' | 'coached-improving';

/** CPIs the gap is scored against, with the rep's expected shortfall in each. */
export interface GapContribution {
  cpi: CpiKey;
  value: number;
  expectedShortfall: number;
  probabilityBelowTarget: number;
}

/**
 * Standardised deficit in a skill (gap step 3): d = max(0, Pₛ − x)/SDₛ, where Pₛ
 * is the proficiency target and SDₛ the spread of the skill across reps.
 * With no spread (SDₛ not > 0) no link can be estimated either, so d = 0.
 *
 * @example
 * skillDeficit(60, 80, 10); // => 2
 */
export function skillDeficit(score: number, target: number, skillSd: number): number {
  return skillSd > 0 ? Math.max(0, target - score) / skillSd : 0;
}

/**
 * The link weight β̃ (gap step 2): β̃ = max(0, β − 1.28·SE), a one-sided 90% lower
 * bound on the slope of the CPI per SD of skill, oriented so that positive means
 * "more skill, better CPI" (β is negated for quote turnaround, where lower is
 * better). 0 unless the link's q ≤ .10, and 0 when β or SE is undefined.
 *
 * @example
 * linkWeight(0.05, 0.01, 0.02, false); // => 0.0372 (rounded)
 */
export function linkWeight(beta: number, se: number, q: number | null, lowerIsBetter: boolean): number {
  if (q === null || !(q <= 0.1) || !Number.isFinite(beta) || !Number.isFinite(se)) return 0;
  return Math.max(0, (lowerIsBetter ? -beta : beta) - 1.28 * se);
}

/**
 * One CPI's term of the gap score (gap step 4): w·min(β̃·d, ES)/SD_c — the CPI
 * shortfall the skill deficit can account for, capped at the rep's expected
 * shortfall, in units of the CPI's spread across reps. 0 when any part is
 * missing or zero.
 *
 * @example
 * gapTerm(0.04, 2, 0.05, 0.1, 1); // => 0.5
 */
export function gapTerm(betaTilde: number, deficit: number, shortfall: number, cpiSd: number, weight: number): number {
  if (!(betaTilde > 0) || !(deficit > 0) || !(shortfall > 0) || !(cpiSd > 0)) return 0;
  return (weight * Math.min(betaTilde * deficit, shortfall)) / cpiSd;
}

/**
 * Labels a gap by training history: no course or coaching → untrained; coaching
 * logged → coached-improving if the CPI has risen since, else
 * coached-not-improving (also when it cannot be told yet: improvement not
 * shown); a course but no coaching since → trained-not-transferred.
 *
 * @example
 * gapLabel({ hasCourse: true, hasCoaching: false, cpiRisingSinceCoaching: null }); // => 'trained-not-transferred'
 */
export function gapLabel(flags: TrainingFlags | undefined): GapLabel {
  if (!flags || (!flags.hasCourse && !flags.hasCoaching)) return 'untrained';
  if (flags.hasCoaching) return flags.cpiRisingSinceCoaching === true ? 'coached-improving' : 'coached-not-improving';
  return 'trained-not-transferred';
}
