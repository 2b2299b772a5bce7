/**
 * What each role's home shows (the page sign-in lands on): for leads and admins, where the
 * skill gaps sit by team — the team × skill grid, from the org-wide link analysis — and the
 * largest gaps; for trainers, the sessions of the coming seven days, the reps to coach next (from the
 * coaching plan, ./coaching.ts) and the sessions past their day that are not logged yet.
 * The link analysis always runs over the whole organisation (teams are too small for a model
 * of their own); teams only decide whose gaps are counted.
 */
import type { JointLinkTier } from '../stats';
import { DAY_MS, startOfUtcDay } from '../lib/days';
import { addMonths, monthKey } from '../lib/periods';
import type { SessionRow } from '../../db/queries/coaching-sessions';
import type { TeamScope } from './access';
import type { GapEntry, LinkAnalysis, LinkResult, RepAnalysis } from './analysis/links';
import { actionable, currentReps, type DirectoryRep } from './analysis/rep-view';
import type { CoachingPlan, PlanRep } from './coaching';
import type { TopGap } from './gap-analysis';

/** How many of a rep's largest gaps count in the grid. */
const GAPS_PER_REP = 3;
/** The largest gaps listed on the lead's home. */
const HOME_TOP_GAPS = 5;
/** The reps a trainer's home names to coach next. */
const NEXT_REPS = 3;
/** The months after a session's month that the coaching follow-up compares (./coaching-follow-up.ts). */
const FOLLOW_UP_MONTHS = 3;

const TIER_ORDER: Record<JointLinkTier, number> = {
  finding: 0,
  exploratory: 1,
  'no-evidence': 2,
  'not-separable': 3,
  insufficient: 4,
};

/** A skill's org-wide label: its strongest link to any CPI (best tier, then the largest |β/se|). */
export function strongestLink(links: readonly LinkResult[], skill: string): LinkResult | null {
  const strength = (l: LinkResult) =>
    l.estimate !== null && l.se !== null && l.se > 0 ? Math.abs(l.estimate / l.se) : 0;
  let best: LinkResult | null = null;
  for (const l of links) {
    if (l.skill !== skill) continue;
    if (!best || TIER_ORDER[l.tier] < TIER_ORDER[best.tier] || (l.tier === best.tier && strength(l) > strength(best)))
      best = l;
  }
  return best;
}

/** A rep's largest actionable gaps (labelled, naming a CPI, above 0), largest first. */
export function largestGapsOf(rep: RepAnalysis, count = GAPS_PER_REP): GapEntry[] {
  return rep.gaps
    .filter(actionable)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0))
    .slice(0, count);
}

interface GridSkill {
  slug: string;
  name: string;
  /** The skill's strongest link (null: the skill has none in the analysis). */
  link: LinkResult | null;
}

interface GridTeam {
  id: number;
  name: string;
  /** The team's reps in the analysis. */
  reps: number;
  /** Per skill slug: how many of those reps have the skill among their three largest gaps. */
  counts: Record<string, number>;
}

export interface TeamSkillGrid {
  skills: GridSkill[];
  teams: GridTeam[];
}

/** Teams (those the reader may see) × skills: reps with the skill among their largest gaps. */
export function teamSkillGrid(
  analysis: LinkAnalysis,
  directory: readonly DirectoryRep[],
  scope: TeamScope,
  teams: readonly { id: number; name: string }[],
): TeamSkillGrid {
  const reps = currentReps(analysis, directory, scope);
  return {
    skills: analysis.skills.map((s) => ({ slug: s.slug, name: s.name, link: strongestLink(analysis.links, s.slug) })),
    teams: teams.map((team) => {
      const own = reps.filter((r) => r.teamId === team.id);
      const counts: Record<string, number> = {};
      for (const r of own) for (const g of largestGapsOf(r)) counts[g.skill] = (counts[g.skill] ?? 0) + 1;
      return { id: team.id, name: team.name, reps: own.length, counts };
    }),
  };
}

/** A gap as the homes list it: the rep, the gap, and the answers behind the rep's estimate of the gap's CPI. */
export type HomeGap = TopGap & { n: number | null };

const homeGap = (r: RepAnalysis, gap: GapEntry): HomeGap => ({
  repId: r.repId,
  repName: r.name,
  team: r.team,
  gap,
  n: gap.cpi === null ? null : (r.cpis[gap.cpi]?.n ?? null),
});

/** The reps of one team (inside the scope) with the skill among their three largest gaps, largest gap first. */
export function repsWithGapIn(
  analysis: LinkAnalysis,
  directory: readonly DirectoryRep[],
  scope: TeamScope,
  team: string,
  skill: string,
): HomeGap[] {
  return currentReps(analysis, directory, scope, team)
    .flatMap((r) => {
      const gap = largestGapsOf(r).find((g) => g.skill === skill);
      return gap ? [homeGap(r, gap)] : [];
    })
    .sort((a, b) => (b.gap.score ?? 0) - (a.gap.score ?? 0) || a.repName.localeCompare(b.repName));
}

/** The largest gaps in the reader's scope (one list across teams). */
export function largestGaps(
  analysis: LinkAnalysis,
  directory: readonly DirectoryRep[],
  scope: TeamScope,
  count = HOME_TOP_GAPS,
): HomeGap[] {
  return currentReps(analysis, directory, scope)
    .flatMap((r) => r.gaps.filter(actionable).map((gap) => homeGap(r, gap)))
    .sort((a, b) => (b.gap.score ?? 0) - (a.gap.score ?? 0) || a.repName.localeCompare(b.repName))
    .slice(0, count);
}

/** The trainer's week: today (UTC) and the six days after it, so that a Friday still shows next Monday. */
export function agendaWeek(now: number): { from: number; to: number } {
  const from = startOfUtcDay(now);
  return { from, to: from + 7 * DAY_MS };
}

interface AgendaSession {
  session: SessionRow;
  repName: string;
  team: string | null;
}

export interface TrainerWeek {
  week: { from: number; to: number };
  /** Today and the six days after it, each with the sessions planned for it. */
  days: { day: number; sessions: AgendaSession[] }[];
  /** The reps to coach next: the plan's first reps with a gap. */
  next: PlanRep[];
  /** Planned sessions whose day has passed and that are neither logged as done nor cancelled. */
  due: AgendaSession[];
  /**
   * Done sessions whose three calendar months after the session's month ended with the last
   * month: the before-and-after comparison of the coaching follow-up is complete now.
   */
  toCheck: AgendaSession[];
  /** The plan is still waiting for the link analysis. */
  computing: boolean;
}

/** A trainer's week from the coaching plan of their teams. */
export function trainerWeek(plan: CoachingPlan, now: number): TrainerWeek {
  const week = agendaWeek(now);
  const today = week.from;
  const planned = plan.reps.flatMap((r) =>
    r.sessions
      .filter((s) => s.status === 'planned' && s.plannedFor !== null)
      .map((session) => ({ session, repName: r.name, team: r.team })),
  );
  const byDay = (a: AgendaSession, b: AgendaSession) =>
    (a.session.plannedFor ?? 0) - (b.session.plannedFor ?? 0) || a.repName.localeCompare(b.repName);
  const days = Array.from({ length: 7 }, (_, i) => {
    const day = week.from + i * DAY_MS;
    return {
      day,
      sessions: planned.filter((p) => startOfUtcDay(p.session.plannedFor ?? 0) === day).sort(byDay),
    };
  });
  return {
    week,
    days,
    next: plan.reps.filter((r) => r.status === 'gap').slice(0, NEXT_REPS),
    due: planned.filter((p) => (p.session.plannedFor ?? 0) < today).sort(byDay),
    toCheck: plan.reps
      .flatMap((r) =>
        r.sessions
          .filter((x) => x.status === 'done' && x.completedAt !== null)
          .filter((x) => addMonths(monthKey(x.completedAt ?? 0), FOLLOW_UP_MONTHS + 1) === monthKey(now))
          .map((session) => ({ session, repName: r.name, team: r.team })),
      )
      .sort(
        (a, b) => (a.session.completedAt ?? 0) - (b.session.completedAt ?? 0) || a.repName.localeCompare(b.repName),
      ),
    computing: plan.computing,
  };
}
