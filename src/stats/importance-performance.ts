import type { LinkRep } from './analyze-links.js';
import { percentileInterval, resampleIndices } from './bootstrap.js';
import { CPI_KEYS, type CpiKey } from './cpi.js';
import { isNumber } from './gap-parameters.js';
import { assertConfidence, assertPositiveInteger } from './guards.js';
import { meanInterval, type MeanInterval } from './mean-interval.js';
import { summarize } from './mean-summary.js';
import { mulberry32 } from './prng.js';
import { skillImportance, type ImportanceMethod } from './skill-importance.js';

export type Quadrant = 'concentrate-here' | 'keep-up-the-good-work' | 'low-priority' | 'possible-overkill';

export interface ImportancePerformanceOptions {
  /** Performance is the mean over this team's reps; default all reps. Importance always uses all reps. */
  team?: string;
  /** Skills to place; default every skill key seen, sorted. */
  skills?: readonly string[];
  /** CPIs importance is averaged over; default all five. */
  cpis?: readonly CpiKey[];
  /** Performance dividing line per skill (proficiency target Pₛ); default 80. */
  proficiencyTargets?: Readonly<Record<string, number>>;
  /** Importance dividing line; default the mean importance over the skills. */
  importanceLine?: number;
  /** Use LMG when complete reps ≥ this × number of skills, for every CPI; default 10. */
  minRepsPerSkill?: number;
  /** Bootstrap resamples for the importance interval (default 500), seed (1), level (0.80). */
  replicates?: number;
  seed?: number;
  confidence?: number;
}

export interface SkillPriority {
  skill: string;
  /** x: the team's mean skill score with its t interval. */
  performance: MeanInterval;
  /** y: importance (mean over CPIs) with its bootstrap percentile interval. */
  importance: { value: number; lower: number; upper: number };
  /** null when either coordinate is undefined. */
  quadrant: Quadrant | null;
  /** An interval crosses a dividing line (or a coordinate is undefined). */
  uncertain: boolean;
}

/**
 * Importance–performance map of skills for a team (STATS.md). x = team mean
 * skill score; y = importance of the skill for the CPIs — its LMG share of R²
 * ({@link relativeImportance}) when every CPI has at least 10 complete reps per
 * skill, else |Spearman ρ| — averaged over the CPIs. Dividing lines: the
 * proficiency target on x, the mean importance on y. High importance and low
 * performance → concentrate-here; high/high → keep-up-the-good-work; low/low →
 * low-priority; low importance, high performance → possible-overkill.
 * `uncertain` when the x interval (t) or the y interval (bootstrap over reps,
 * seeded) includes its line.
 *
 * @example
 * importancePerformance(reps, { team: 'north', seed: 3 }).skills.filter((s) => s.quadrant === 'concentrate-here');
 */
export function importancePerformance(
  reps: readonly LinkRep[],
  options: ImportancePerformanceOptions = {},
): { method: ImportanceMethod; importanceLine: number; skills: SkillPriority[] } {
  const { replicates = 500, seed = 1, confidence = 0.8, minRepsPerSkill = 10 } = options;
  assertPositiveInteger('importancePerformance', 'replicates', replicates);
  assertConfidence('importancePerformance', confidence);
  const skills = options.skills ?? [...new Set(reps.flatMap((r) => Object.keys(r.skills)))].sort();
  const cpis = options.cpis ?? CPI_KEYS;
  const { method, importance } = skillImportance(reps, skills, cpis, minRepsPerSkill);
  const random = mulberry32(seed);
  const draws = skills.map(() => new Float64Array(replicates));
  for (let b = 0; b < replicates; b++) {
    const sample = resampleIndices(reps.length, random).flatMap((i) => reps[i] ?? []);
    skillImportance(sample, skills, cpis, minRepsPerSkill, method).importance.forEach((v, s) => {
      const row = draws[s];
      if (row) row[b] = v;
    });
  }
  const finite = importance.filter(Number.isFinite);
  const importanceLine = options.importanceLine ?? finite.reduce((t, v) => t + v, 0) / finite.length;
  const team = reps.filter((r) => options.team === undefined || r.team === options.team);
  return {
    method,
    importanceLine,
    skills: skills.map((skill, s) => {
      const performance = meanInterval(summarize(team.map((r) => r.skills[skill]).filter(isNumber)), confidence);
      const value = importance[s] ?? NaN;
      const interval = percentileInterval(draws[s] ?? [], confidence);
      const target = options.proficiencyTargets?.[skill] ?? 80;
      const defined = Number.isFinite(performance.mean) && Number.isFinite(value);
      const crosses = (lower: number, upper: number, line: number): boolean => !(lower > line || upper < line);
      return {
        skill,
        performance,
        importance: { value, ...interval },
        quadrant: defined ? quadrant(value >= importanceLine, performance.mean >= target) : null,
        uncertain: !defined || crosses(performance.lower, performance.upper, target) || crosses(interval.lower, interval.upper, importanceLine),
      };
    }),
  };
}

function quadrant(important: boolean, performing: boolean): Quadrant {
  if (important) return performing ? 'keep-up-the-good-work' : 'concentrate-here';
  return performing ? 'possible-overkill' : 'low-priority';
}
