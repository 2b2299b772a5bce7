/**
 * Skill gaps for a period (STATS.md "Skill ↔ CPI links" and "Skill-gap score"): each
 * rep's shrunk CPIs and latest assessment scores feed analyzeLinks and scoreGaps; the
 * labels come from the rep's training history (course, coaching, CPI since coaching).
 * Everything is seeded, so the same data always gives the same answer.
 */
import type { Drizzle } from '../../db/client';
import { getTrainingEvents, getSkillTargets, getMonthlySumsByRep, type TrainingEvent } from '../../db/queries/training-history';
import { getRepDirectory } from '../../db/queries/cpis';
import { getTargets } from '../../db/queries/targets';
import { analyzeLinks, scoreGaps, toLinkRep, type CpiKey, type GapRep, type SkillCpiLink, type SkillGap, type TrainingFlags } from '../stats';
import { addMonths, monthKey, nextMonthKey } from '../lib/periods';
import { addSums, emptySums } from '../../db/queries/cpis';
import { computeCpis, type CpiGroup } from './cpis';
import { rawCpiValue } from './cpi-values';
import type { Period } from '../lib/period';
import type { TeamScope } from './access';

export const GAP_SEED = 20261126;

export interface GapQuery {
  period: Period;
  now: number;
  team?: string;
  scope: TeamScope;
  replicates?: number;
}

export interface ApiLink {
  skill: string;
  cpi: CpiKey;
  rho: number;
  p: number;
  q: number | null;
  n: number;
  lower: number;
  upper: number;
  tier: SkillCpiLink['tier'];
  permutationP: number | null;
  pearson: number;
  simpson: boolean;
  leading: SkillCpiLink['leading'];
}

export interface RepGaps {
  repEmail: string;
  name: string;
  team: string;
  gaps: (Pick<SkillGap, 'skill' | 'cpi' | 'score' | 'lower' | 'upper' | 'label' | 'lowConfidence' | 'missingScore'> & {
    evidence: { cpi: CpiKey; expectedShortfall: number; probabilityBelowTarget: number }[];
  })[];
}

export interface GapResult {
  links: ApiLink[];
  reps: RepGaps[];
  targets: Partial<Record<CpiKey, number>>;
  repsAnalysed: number;
}

/** A rep's CPI posteriors (shrunk estimate, SD) from the CPI layer; null below the minimum n. */
function posteriors(g: CpiGroup): GapRep['cpis'] {
  const mean = (m: CpiGroup['contentUseful']) => (m ? { estimate: m.shrunk, sd: m.shrunkSd } : null);
  const t = g.quoteTurnaroundHours;
  // Median turnaround's SE ≈ 1.2533·σ/√n with σ from the p90 spread (robust to the right skew).
  const turnaroundSd = t ? (1.2533 * Math.max(0, t.p90 - t.median)) / 1.2816 / Math.sqrt(t.n) : 0;
  return {
    fcr: g.fcr ? { estimate: g.fcr.shrunk, sd: g.fcr.shrunkSd } : null,
    contentUseful: mean(g.contentUseful),
    decisionClearer: mean(g.decisionClearer),
    addedValue: mean(g.addedValue),
    quoteTurnaround: t ? { estimate: t.median, sd: turnaroundSd } : null,
  };
}

/** Latest assessment score per rep and skill (scores of courses and coaching do not count). */
function latestScores(events: TrainingEvent[]): Map<number, Record<string, number>> {
  const out = new Map<number, Record<string, number>>();
  for (const e of events) {
    if (e.kind !== 'assessment' || e.score === null) continue;
    (out.get(e.repId) ?? out.set(e.repId, {}).get(e.repId)!)[e.skill] = e.score; // events are oldest first
  }
  return out;
}

/**
 * Training flags per rep × skill: a course, coaching at or after the latest course, and
 * whether the skill's most strongly linked CPI rose in the 3 months after the latest
 * coaching compared with the 3 months before (null with fewer than 5 answers a side).
 */
async function trainingFlags(
  db: Drizzle,
  events: TrainingEvent[],
  links: SkillCpiLink[],
  period: Period,
  repIdByEmail: Map<string, number>,
): Promise<Record<string, Record<string, TrainingFlags>>> {
  const lastCourse = new Map<string, number>();
  const lastCoaching = new Map<string, number>();
  for (const e of events) {
    const key = `${e.repId}|${e.skill}`;
    if (e.kind === 'course') lastCourse.set(key, e.completedAt);
    if (e.kind === 'coaching') lastCoaching.set(key, e.completedAt);
  }
  const strongest = strongestLinkedCpi(links, ['quoteTurnaround']);
  const endMonth = nextMonthKey(monthKey(period.to - 1));
  // Only reps with coaching need their monthly CPIs (to tell whether it rose since).
  const coached = [...new Set(events.filter((e) => e.kind === 'coaching').map((e) => e.repId))];
  const monthly = coached.length ? await getMonthlySumsByRep(db, monthKey(period.to - 400 * 86_400_000), endMonth, coached) : new Map();
  const windowValue = (repId: number, from: number, count: number, cpi: CpiKey) => {
    const sums = emptySums();
    for (let m = from, i = 0; i < count && m < endMonth; m = nextMonthKey(m), i++) addSums(sums, monthly.get(repId)?.get(m) ?? {});
    return cpi === 'quoteTurnaround' ? { value: NaN, n: 0 } : rawCpiValue(sums, cpi);
  };
  const flags: Record<string, Record<string, TrainingFlags>> = {};
  const skillsByRep = new Map<number, Set<string>>();
  for (const e of events) (skillsByRep.get(e.repId) ?? skillsByRep.set(e.repId, new Set()).get(e.repId)!).add(e.skill);
  for (const [email, repId] of repIdByEmail) {
    const skills = skillsByRep.get(repId) ?? new Set<string>();
    for (const skill of skills) {
      const key = `${repId}|${skill}`;
      const course = lastCourse.get(key);
      const coaching = lastCoaching.get(key);
      const hasCoaching = coaching !== undefined && (course === undefined || coaching >= course);
      let rising: boolean | null = null;
      const cpi = strongest.get(skill);
      if (hasCoaching && cpi) {
        const m0 = monthKey(coaching);
        const b = windowValue(repId, addMonths(m0, -3), 3, cpi);
        const a = windowValue(repId, nextMonthKey(m0), 3, cpi);
        if (a.n >= 5 && b.n >= 5) rising = a.value > b.value;
      }
      (flags[email] ??= {})[skill] = { hasCourse: course !== undefined, hasCoaching, cpiRisingSinceCoaching: rising };
    }
  }
  return flags;
}

/** Per skill, the CPI it is most strongly linked with (largest |ρ|; links without ρ and `exclude` left out). */
export function strongestLinkedCpi(links: readonly { skill: string; cpi: CpiKey; rho: number }[], exclude: readonly CpiKey[] = []): Map<string, CpiKey> {
  const best = new Map<string, { cpi: CpiKey; rho: number }>();
  for (const l of links) {
    if (exclude.includes(l.cpi) || Number.isNaN(l.rho)) continue;
    const current = best.get(l.skill);
    if (!current || Math.abs(l.rho) > Math.abs(current.rho)) best.set(l.skill, { cpi: l.cpi, rho: l.rho });
  }
  return new Map([...best].map(([skill, b]) => [skill, b.cpi]));
}

export async function computeGaps(db: Drizzle, q: GapQuery): Promise<GapResult> {
  const [cpis, events, skills, directory, targets] = await Promise.all([
    computeCpis(db, { period: q.period, groupBy: 'rep', now: q.now, scope: { kind: 'all' } }),
    getTrainingEvents(db, q.period.to),
    getSkillTargets(db),
    getRepDirectory(db),
    getTargets(db),
  ]);
  const byEmail = new Map(directory.map((r) => [r.email, r]));
  const scores = latestScores(events);
  const skillSlugs = skills.map((s) => s.slug);
  const reps: GapRep[] = cpis.groups
    .filter((g) => !g.suppressed)
    .map((g) => {
      const rep = byEmail.get(g.key)!;
      const own = scores.get(rep.id) ?? {};
      return { repId: g.key, team: rep.team ?? '(no team)', skills: Object.fromEntries(skillSlugs.map((s) => [s, own[s] ?? null])), cpis: posteriors(g) };
    });
  const links = analyzeLinks(reps.map(toLinkRep), { skills: skillSlugs, seed: GAP_SEED });
  const orgTargets: Partial<Record<CpiKey, number>> = {};
  for (const t of targets) if (t.teamId === null && t.target !== null) orgTargets[t.cpi] = t.target;
  const repIdByEmail = new Map(reps.map((r) => [r.repId, byEmail.get(r.repId)!.id]));
  const scored = scoreGaps(reps, links, {
    targets: orgTargets,
    orgValues: { fcr: cpis.pooled.fcr, contentUseful: cpis.pooled.contentUseful, decisionClearer: cpis.pooled.decisionClearer, addedValue: cpis.pooled.addedValue },
    proficiencyTargets: Object.fromEntries(skills.map((s) => [s.slug, s.proficiencyTarget])),
    weights: cpis.settings.cpiWeights,
    training: await trainingFlags(db, events, links, q.period, repIdByEmail),
    replicates: q.replicates ?? 1000,
    seed: GAP_SEED,
  });
  const visible = scored.reps.filter((r) => {
    const rep = byEmail.get(r.repId)!;
    const inScope = q.scope.kind === 'all' || (rep.teamId !== null && q.scope.teamIds.includes(rep.teamId));
    return inScope && (q.team === undefined || rep.team === q.team);
  });
  return {
    links: links.map((l) => ({
      skill: l.skill,
      cpi: l.cpi,
      rho: l.rho,
      p: l.p,
      q: l.q,
      n: l.n,
      lower: l.lower,
      upper: l.upper,
      tier: l.tier,
      permutationP: l.permutationP,
      pearson: l.pearson.r,
      simpson: l.simpson,
      leading: l.leading,
    })),
    reps: visible.map((r) => ({
      repEmail: r.repId,
      name: byEmail.get(r.repId)!.name,
      team: r.team,
      gaps: r.gaps.map((g) => ({
        skill: g.skill,
        cpi: g.cpi,
        score: g.score,
        lower: g.lower,
        upper: g.upper,
        label: g.label,
        lowConfidence: g.lowConfidence,
        missingScore: g.missingScore,
        evidence: g.contributions.map((c) => ({ cpi: c.cpi, expectedShortfall: c.expectedShortfall, probabilityBelowTarget: c.probabilityBelowTarget })),
      })),
    })),
    targets: scored.targets,
    repsAnalysed: reps.length,
  };
}
