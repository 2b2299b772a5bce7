import type { LinkRep } from './analyze-links.js';
import type { CpiKey } from './cpi.js';
import { isNumber } from './gap-parameters.js';
import { relativeImportance } from './relative-importance.js';
import { spearman } from './spearman.js';

export type ImportanceMethod = 'lmg' | 'spearman';

/**
 * Importance of each skill for the CPIs, averaged over the CPIs that give a
 * value: LMG share of R² (complete reps only) or |Spearman ρ| (pairwise). The
 * method is LMG when every CPI has ≥ `minRepsPerSkill` complete reps per skill,
 * unless `method` fixes it (bootstrap resamples keep the original's method).
 * LMG is exact over all subsets, so it is used for at most 12 skills.
 *
 * @example
 * skillImportance(reps, ['discovery', 'demo'], ['fcr'], 10).method; // 'spearman' for few reps
 */
export function skillImportance(
  reps: readonly LinkRep[],
  skills: readonly string[],
  cpis: readonly CpiKey[],
  minRepsPerSkill: number,
  method?: ImportanceMethod,
): { method: ImportanceMethod; importance: number[] } {
  const complete = cpis.map((cpi) =>
    reps.filter((r) => isNumber(r.cpis[cpi]) && skills.every((skill) => isNumber(r.skills[skill]))),
  );
  const lmgPossible = skills.length >= 1 && skills.length <= 12;
  const chosen = method ?? (lmgPossible && complete.every((rows) => rows.length >= minRepsPerSkill * skills.length) ? 'lmg' : 'spearman');
  const perCpi = cpis.map((cpi, c) => {
    if (chosen === 'lmg') {
      const rows = complete[c] ?? [];
      const columns = skills.map((skill) => rows.map((r) => r.skills[skill] ?? NaN));
      if (rows.length < skills.length + 2) return skills.map(() => NaN);
      return relativeImportance(columns, rows.map((r) => r.cpis[cpi] ?? NaN)).shares;
    }
    return skills.map((skill) => {
      const pairs = reps.filter((r) => isNumber(r.skills[skill]) && isNumber(r.cpis[cpi]));
      return Math.abs(spearman(pairs.map((r) => r.skills[skill] ?? NaN), pairs.map((r) => r.cpis[cpi] ?? NaN)).rho);
    });
  });
  const importance = skills.map((_, s) => {
    const values = perCpi.map((row) => row[s] ?? NaN).filter(Number.isFinite);
    return values.length > 0 ? values.reduce((t, v) => t + v, 0) / values.length : NaN;
  });
  return { method: chosen, importance };
}
