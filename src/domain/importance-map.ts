/**
 * Importance–performance map of the skills for one CPI (STATS.md "Importance–performance"),
 * built from the same inputs as the gap score (src/domain/gaps.ts): each rep with enough
 * responses contributes their shrunk CPI values and latest assessment scores. Importance
 * is estimated across all reps (org-wide statistics); performance is the mean skill score
 * of the chosen team's reps, or of all reps.
 */
import type { Drizzle } from '../../db/client';
import { getRepDirectory } from '../../db/queries/cpis';
import { getSkillTargets, getTrainingEvents } from '../../db/queries/training-history';
import { CPI_KEYS, importancePerformance, type CpiKey, type ImportancePerformance, type LinkRep } from '../stats';
import type { Period } from '../lib/period';
import { computeCpis } from './cpis';
import { shrunkValue } from './rep-profile';

export interface ImportanceMap {
  map: ImportancePerformance;
  skillNames: Record<string, string>;
  proficiencyTargets: Record<string, number>;
  /** Reps with enough responses that fed the map. */
  reps: number;
  /** Reps of the team whose mean scores are the performance axis (all reps without a team). */
  teamReps: number;
}

export async function computeImportanceMap(db: Drizzle, q: { period: Period; now: number; cpi: CpiKey; team: string | undefined }): Promise<ImportanceMap> {
  const [cpis, events, skills, directory] = await Promise.all([
    computeCpis(db, { period: q.period, groupBy: 'rep', now: q.now, scope: { kind: 'all' } }),
    getTrainingEvents(db, q.period.to),
    getSkillTargets(db),
    getRepDirectory(db),
  ]);
  const idByEmail = new Map(directory.map((r) => [r.email, r.id]));
  const latest = new Map<number, Record<string, number>>();
  for (const e of events) {
    // Oldest first, so the last assessment wins; course and coaching scores are not proficiency.
    if (e.kind === 'assessment' && e.score !== null) (latest.get(e.repId) ?? latest.set(e.repId, {}).get(e.repId)!)[e.skill] = e.score;
  }
  const slugs = skills.map((s) => s.slug);
  const reps: LinkRep[] = cpis.groups
    .filter((g) => !g.suppressed)
    .map((g) => {
      const own = latest.get(idByEmail.get(g.key) ?? -1) ?? {};
      return {
        repId: g.key,
        team: g.team ?? '(no team)',
        skills: Object.fromEntries(slugs.map((s) => [s, own[s] ?? null])),
        cpis: Object.fromEntries(CPI_KEYS.map((c) => [c, shrunkValue(g, c)])),
      };
    });
  const proficiencyTargets = Object.fromEntries(skills.map((s) => [s.slug, s.proficiencyTarget]));
  return {
    map: importancePerformance(reps, q.cpi, { team: q.team, skills: slugs, proficiencyTargets }),
    skillNames: Object.fromEntries(skills.map((s) => [s.slug, s.name])),
    proficiencyTargets,
    reps: reps.length,
    teamReps: q.team === undefined ? reps.length : reps.filter((r) => r.team === q.team).length,
  };
}
