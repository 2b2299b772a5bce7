import type { CpiKey } from './cpi.js';

/** A rep's CPI posterior: shrunk estimate m and posterior SD v. */
export interface CpiPosterior {
  estimate: number;
  sd: number;
}

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
