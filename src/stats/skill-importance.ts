import type { LinkRep } from './analyze-links.js';
import type { CpiKey } from './cpi.js';
import { fisherZInterval } from './fisher-z-interval.js';
import { isNumber } from './guards.js';
import { lmgJackknife } from './lmg-jackknife.js';
import { spearman } from './spearman.js';

export type ImportanceMethod = 'lmg' | 'spearman';

/** Reps with a score in every skill and a value for the CPI (LMG needs complete rows). */
export function completeReps(reps: readonly LinkRep[], skills: readonly string[], cpi: CpiKey): LinkRep[] {
  return reps.filter((r) => isNumber(r.cpis[cpi]) && skills.every((skill) => isNumber(r.skills[skill])));
}

/**
 * Each skill's LMG share of the R² of the CPI on all the skills, over complete
 * reps, with its jackknife interval ({@link lmgJackknife}); NaN when it cannot
 * be computed (fewer than p + 3 complete reps, no variation in the CPI).
 *
 * @example
 * lmgImportance(reps, ['discovery', 'demo'], 'fcr', 0.8); // two shares summing to 1, with intervals
 */
export function lmgImportance(
  reps: readonly LinkRep[],
  skills: readonly string[],
  cpi: CpiKey,
  confidence: number,
): { value: number; lower: number; upper: number }[] {
  const rows = completeReps(reps, skills, cpi);
  if (skills.length < 1 || rows.length < skills.length + 3) {
    return skills.map(() => ({ value: NaN, lower: NaN, upper: NaN }));
  }
  const columns = skills.map((skill) => rows.map((r) => r.skills[skill] ?? NaN));
  const shares = lmgJackknife(columns, rows.map((r) => r.cpis[cpi] ?? NaN), confidence);
  return shares.map(({ value, lower, upper }) => ({ value, lower, upper }));
}

/**
 * Each skill's |Spearman ρ| with the CPI over reps having both, with the Fisher-z
 * interval of ρ folded onto |ρ| (an interval spanning 0 becomes [0, max |limit|]).
 *
 * @example
 * rankImportance(reps, ['discovery'], 'fcr', 0.8)[0]; // { value, lower, upper }
 */
export function rankImportance(
  reps: readonly LinkRep[],
  skills: readonly string[],
  cpi: CpiKey,
  confidence: number,
): { value: number; lower: number; upper: number }[] {
  return skills.map((skill) => {
    const pairs = reps.filter((r) => isNumber(r.skills[skill]) && isNumber(r.cpis[cpi]));
    const x = pairs.map((r) => r.skills[skill] ?? NaN);
    const { rho, n } = spearman(x, pairs.map((r) => r.cpis[cpi] ?? NaN));
    const { lower, upper } = fisherZInterval(rho, n, 'spearman', confidence);
    const spansZero = lower <= 0 && upper >= 0;
    const [a, b] = [Math.abs(lower), Math.abs(upper)];
    return { value: Math.abs(rho), lower: spansZero ? 0 : Math.min(a, b), upper: Math.max(a, b) };
  });
}
