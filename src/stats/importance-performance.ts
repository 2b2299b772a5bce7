import type { LinkRep } from './analyze-links.js';
import type { CpiKey } from './cpi.js';
import { assertConfidence, isNumber } from './guards.js';
import { meanInterval, type MeanInterval } from './mean-interval.js';
import { summarize } from './mean-summary.js';
import { completeReps, lmgImportance, rankImportance, type ImportanceMethod } from './skill-importance.js';

export type Quadrant = 'concentrate-here' | 'keep-up-the-good-work' | 'low-priority' | 'possible-overkill';

export interface ImportancePerformanceOptions {
  /** Performance is the mean over this team's reps; default all reps. Importance always uses all reps given. */
  team?: string;
  /** Skills to place; default every skill key seen, sorted. */
  skills?: readonly string[];
  /** Performance dividing line per skill (proficiency target Pₛ); default 80. */
  proficiencyTargets?: Readonly<Record<string, number>>;
  /** Importance dividing line; default the mean importance over the skills (1/p for LMG shares). */
  importanceLine?: number;
  /** LMG when complete reps ≥ this × number of skills (and ≤ 12 skills); default 10. */
  minRepsPerSkill?: number;
  /** Interval level for both coordinates; default 0.80, as for gap scores. */
  confidence?: number;
}

export interface SkillPriority {
  skill: string;
  /** x: the team's mean skill score with its t interval. */
  performance: MeanInterval;
  /** y: importance for the CPI with its interval. */
  importance: { value: number; lower: number; upper: number };
  /** null when either coordinate is undefined. */
  quadrant: Quadrant | null;
  /** An interval includes its dividing line, or a coordinate is undefined. */
  uncertain: boolean;
}

export interface ImportancePerformance {
  cpi: CpiKey;
  method: ImportanceMethod;
  importanceLine: number;
  skills: SkillPriority[];
}

/**
 * Importance–performance map of skills for one CPI (STATS.md). x = the team's
 * mean skill score (t interval); y = the skill's importance for the CPI across
 * reps: its LMG share of R² ({@link relativeImportance}, jackknife interval,
 * {@link lmgJackknife}) when there are at least 10 complete reps per skill, else
 * |Spearman ρ| (Fisher-z interval folded onto |ρ|). Lines: the proficiency target
 * on x, the mean importance on y. High importance, low performance →
 * concentrate-here; high/high → keep-up-the-good-work; low/low → low-priority;
 * low importance, high performance → possible-overkill. `uncertain` when an
 * interval includes its line. One CPI per call: averaging |ρ| over CPIs would
 * bias it upward, and "important" means important for something.
 *
 * @example
 * const map = importancePerformance(reps, 'fcr', { team: 'north' });
 * map.skills.filter((s) => s.quadrant === 'concentrate-here' && !s.uncertain);
 */
export function importancePerformance(
  reps: readonly LinkRep[],
  cpi: CpiKey,
  options: ImportancePerformanceOptions = {},
): ImportancePerformance {
  const { confidence = 0.8, minRepsPerSkill = 10 } = options;
  assertConfidence('importancePerformance', confidence);
  const skills = options.skills ?? [...new Set(reps.flatMap((r) => Object.keys(r.skills)))].sort();
  const complete = completeReps(reps, skills, cpi);
  const method = skills.length <= 12 && complete.length >= minRepsPerSkill * skills.length ? 'lmg' : 'spearman';
  const importance =
    method === 'lmg' ? lmgImportance(complete, skills, cpi, confidence) : rankImportance(reps, skills, cpi, confidence);
  const finite = importance.map((i) => i.value).filter(Number.isFinite);
  const importanceLine = options.importanceLine ?? finite.reduce((t, v) => t + v, 0) / finite.length;
  const team = reps.filter((r) => options.team === undefined || r.team === options.team);
  const crosses = (lower: number, upper: number, line: number): boolean => !(lower > line || upper < line);
  return {
    cpi,
    method,
    importanceLine,
    skills: skills.map((skill, s) => {
      const performance = meanInterval(summarize(team.map((r) => r.skills[skill]).filter(isNumber)), confidence);
      const y = importance[s] ?? { value: NaN, lower: NaN, upper: NaN };
      const target = options.proficiencyTargets?.[skill] ?? 80;
      const defined = Number.isFinite(performance.mean) && Number.isFinite(y.value);
      return {
        skill,
        performance,
        importance: y,
        quadrant: defined ? quadrant(y.value >= importanceLine, performance.mean >= target) : null,
        uncertain:
          !defined ||
          crosses(performance.lower, performance.upper, target) ||
          crosses(y.lower, y.upper, importanceLine),
      };
    }),
  };
}

function quadrant(important: boolean, performing: boolean): Quadrant {
  if (important) return performing ? 'keep-up-the-good-work' : 'concentrate-here';
  return performing ? 'possible-overkill' : 'low-priority';
}
