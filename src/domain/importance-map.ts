/**
 * Importance–performance map of the skills for one CPI (docs/statistics.md,
 * "Importance–performance"):
 * x = the mean latest assessment score of the team's reps (all reps of the analysis without
 * a team) with its 80% t interval; y = the skill's LMG share in the CPI's joint model, or,
 * where that CPI has no model, |unadjusted ρ| marked as such. Lines: the proficiency target
 * on x, the mean importance on y. "Uncertain" when the score's interval crosses its target.
 */
import { meanInterval, summarize, type CpiKey, type MeanInterval } from '../stats';
import type { TrainingEvent } from '../../db/queries/training-history';
import type { LinkAnalysis, RepAnalysis } from './analysis/links';

export type Quadrant = 'concentrate-here' | 'keep-up-the-good-work' | 'low-priority' | 'possible-overkill';

interface SkillPlacement {
  skill: string;
  performance: MeanInterval;
  /** null: no share (the skill left the model) or no unadjusted ρ. */
  importance: number | null;
  quadrant: Quadrant | null;
  uncertain: boolean;
}

export interface ImportanceMap {
  cpi: CpiKey;
  /** `unadjusted`: the CPI has no joint model, so y is |unadjusted ρ|. */
  method: 'lmg' | 'unadjusted';
  importanceLine: number | null;
  skills: SkillPlacement[];
  skillNames: Record<string, string>;
  proficiencyTargets: Record<string, number>;
  /** Reps whose scores give the performance axis. */
  teamReps: number;
}

/** Latest assessment score per rep and skill (events oldest first; course and coaching scores are not proficiency). */
export function latestAssessmentScores(events: readonly TrainingEvent[]): Map<number, Record<string, number>> {
  const out = new Map<number, Record<string, number>>();
  for (const e of events)
    if (e.kind === 'assessment' && e.score !== null)
      (out.get(e.repId) ?? out.set(e.repId, {}).get(e.repId)!)[e.skill] = e.score;
  return out;
}

const CONFIDENCE = 0.8;

function quadrantOf(important: boolean, performing: boolean): Quadrant {
  if (important) return performing ? 'keep-up-the-good-work' : 'concentrate-here';
  return performing ? 'possible-overkill' : 'low-priority';
}

/**
 * @param reps the reps whose mean scores are the performance axis (the chosen team's, or all)
 * @param scores latest assessment scores by rep id
 */
export function importanceMap(
  analysis: LinkAnalysis,
  cpi: CpiKey,
  reps: readonly RepAnalysis[],
  scores: ReadonlyMap<number, Record<string, number>>,
): ImportanceMap {
  const model = analysis.models.find((m) => m.cpi === cpi);
  const method = model && model.kind !== 'none' ? 'lmg' : 'unadjusted';
  const importanceOf = (skill: string): number | null => {
    if (method === 'lmg') return model?.importance.find((i) => i.skill === skill)?.share ?? null;
    const rho = analysis.links.find((l) => l.skill === skill && l.cpi === cpi)?.unadjustedRho;
    return rho === null || rho === undefined ? null : Math.abs(rho);
  };
  const values = analysis.skills.map((s) => importanceOf(s.slug));
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const importanceLine = finite.length > 0 ? finite.reduce((sum, v) => sum + v, 0) / finite.length : null;
  const skills = analysis.skills.map((s, i): SkillPlacement => {
    const performance = meanInterval(summarize(reps.map((r) => scores.get(r.repId)?.[s.slug] ?? null)), CONFIDENCE);
    const importance = values[i] ?? null;
    const defined = Number.isFinite(performance.mean) && importance !== null && importanceLine !== null;
    const target = s.proficiencyTarget;
    return {
      skill: s.slug,
      performance,
      importance,
      quadrant: defined ? quadrantOf(importance >= importanceLine, performance.mean >= target) : null,
      uncertain: !defined || !(performance.lower > target || performance.upper < target),
    };
  });
  return {
    cpi,
    method,
    importanceLine,
    skills,
    skillNames: Object.fromEntries(analysis.skills.map((s) => [s.slug, s.name])),
    proficiencyTargets: Object.fromEntries(analysis.skills.map((s) => [s.slug, s.proficiencyTarget])),
    teamReps: reps.length,
  };
}
