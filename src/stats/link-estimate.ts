import { correlationPValue } from './correlation-p-value.js';
import { fisherZInterval } from './fisher-z-interval.js';
import { pearson } from './pearson.js';
import { spearman } from './spearman.js';
import { linkSlope, withinTeamSample } from './within-team.js';

/** Spearman (headline) and Pearson with tests and 95% intervals, and the slope. */
export interface LinkEstimate {
  /** Spearman ρ (midranks). */
  rho: number;
  /** Two-sided p from the t approximation. */
  p: number;
  /** Fisher-z 95% interval for ρ (Spearman SE). */
  lower: number;
  upper: number;
  /** Seeded permutation p, computed for the leading estimate when n < 30. */
  permutationP: number | null;
  pearson: { r: number; p: number; lower: number; upper: number };
  /** OLS slope of the CPI per SD of the skill, in the CPI's units, and its SE. */
  beta: number;
  betaSe: number;
  /** The n behind p and the intervals: n, or n − (g − 1) within g teams. */
  nEffective: number;
}

/**
 * Correlates skill scores x with CPI values y across reps — across all reps when
 * `teams` is null, else within teams (values centred on team means, lone reps
 * dropped, effective n reduced by one per extra team).
 *
 * @example
 * correlateLink(skillScores, fcrEstimates, null).rho;
 */
export function correlateLink(
  x: readonly number[],
  y: readonly number[],
  teams: readonly string[] | null,
): LinkEstimate {
  const sample = teams === null ? { x: [...x], y: [...y], groups: 1 } : withinTeamSample(x, y, teams);
  const nEffective = sample.x.length - (sample.groups - 1);
  const rho = spearman(sample.x, sample.y).rho;
  const r = pearson(sample.x, sample.y).r;
  const slope = linkSlope(x, y, teams);
  return {
    rho,
    p: correlationPValue(rho, nEffective),
    ...fisherZInterval(rho, nEffective, 'spearman'),
    permutationP: null,
    pearson: { r, p: correlationPValue(r, nEffective), ...fisherZInterval(r, nEffective, 'pearson') },
    beta: slope.beta,
    betaSe: slope.se,
    nEffective,
  };
}
