/**
 * The trainer's coaching plan: every active rep in the reader's scope (optionally one
 * team), ranked by their largest labelled skill gap (the served link analysis of the chosen
 * period, ./filters.ts and ./analysis/links.ts), each with the evidence a trainer needs to act
 * on it — the rep's CPI against the target with its interval and n, the skill↔CPI link of
 * the joint model, up to two customer quotes (only from settings.minComments responses on;
 * identity only with contact consent) — and the sessions planned and done. Reps without a
 * gap, or with too few responses, come last; while the analysis is computed, none is ranked.
 */
import { maySeeCustomerIdentity, type IdentityViewer } from './customer-identity';
import type { Drizzle } from '../../db/client';
import { listRepsWithTeams } from '../../db/queries/reps';
import { listSkills } from '../../db/queries/training';
import { getTargets } from '../../db/queries/targets';
import { getLowAnswerQuotes, type QuoteRow } from '../../db/queries/coaching-quotes';
import { chooseQuotes } from './coaching-quotes';
import { sessionAgenda, type AgendaWeek } from './coaching-agenda';
import { pinnedQuotesOf } from './coaching-pins';
import { listSessionsOfReps, type SessionRow } from '../../db/queries/coaching-sessions';
import { sessionDate } from './session-date';
import type { CpiKey, JointGapLabel } from '../stats';
import type { Period } from '../lib/period';
import type { TeamScope } from './access';
import { readableValue, type LinkAnalysis, type LinkResult } from './analysis/links';
import { actionable, assessMore } from './analysis/rep-view';
import { computeCpis } from './cpis';
import { figureOfGroup, type CpiFigure } from './coaching-figures';
import { YEAR_MS } from '../lib/days';

const QUOTES_PER_REP = 2;
/** Low-answer comments read per rep to choose its quotes from (best fit, no repeats on the page). */
const QUOTE_CANDIDATES = 30;

export interface PlanQuote {
  /** The response the comment belongs to (what a pin to a session refers to). */
  responseId: number;
  comment: string;
  occurredAt: number;
  /** Only when the customer consented to be contacted. */
  customer: { name: string | null; company: string | null; email: string | null } | null;
}

interface PlanGap {
  skill: string;
  skillName: string;
  cpi: CpiKey;
  score: number;
  lower: number | null;
  upper: number | null;
  label: NonNullable<JointGapLabel>;
  lowConfidence: boolean;
  probabilityBelowTarget: number | null;
}

/** The skill × CPI link behind a gap, from the joint model. */
type PlanLink = LinkResult;

export interface PlanRep {
  repId: number;
  name: string;
  email: string;
  team: string | null;
  teamId: number | null;
  /** Responses in the period, invitations and the response rate (shown beside every CPI). */
  n: number;
  invited: number;
  responseRate: number | null;
  /** `pending`: the analysis is being computed; `no-model`: too few assessed reps to put any gap down to a skill. */
  status: 'gap' | 'no-gap' | 'no-model' | 'not-enough-responses' | 'pending';
  gap: PlanGap | null;
  figure: CpiFigure | null;
  target: { value: number; configured: boolean } | null;
  link: PlanLink | null;
  /** null: fewer than settings.minComments responses, so no comments are shown. */
  quotes: PlanQuote[] | null;
  sessions: SessionRow[];
  /** The quotes pinned to each of the rep's sessions, by session id (./coaching-pins.ts). */
  pinned: Record<number, PlanQuote[]>;
}

export interface CoachingPlan {
  period: Period;
  reps: PlanRep[];
  /** The analysis is being computed: reps are listed unranked. */
  computing: boolean;
  /** Reps with responses in the analysis (all teams). */
  repsAnalysed: number;
  /** No CPI has a joint model: how many more reps to assess (else null). */
  assessMore: number | null;
  minComments: number;
  minResponses: number;
  /** The planned sessions of these reps by ISO week (./coaching-agenda.ts). */
  agenda: AgendaWeek[];
}

export interface PlanQuery {
  now: number;
  /** The staff filters' period (./filters.ts): the CPIs, quotes and the link analysis it was served for. */
  period: Period;
  /** Hide figures a shorter range would give away (custom ranges of staff who are not admins; ./differencing.ts). */
  protectDifferences?: boolean;
  scope: TeamScope;
  /** A team name inside the scope, or every team of the scope. */
  team?: string | undefined;
  /** Who reads the plan: decides whether quotes name their customer (./customer-identity.ts). */
  viewer: IdentityViewer;
}

const STATUS_ORDER = { gap: 0, 'no-gap': 1, 'no-model': 1, 'not-enough-responses': 2, pending: 3 } as const;

/**
 * @param analysis the served link analysis of q.period; null while it is being computed
 */
export async function buildCoachingPlan(
  db: Drizzle,
  q: PlanQuery,
  analysis: LinkAnalysis | null,
): Promise<CoachingPlan> {
  const period = q.period;
  const [cpis, repList, skills, targets] = await Promise.all([
    computeCpis(db, {
      period,
      groupBy: 'rep',
      now: q.now,
      scope: q.scope,
      team: q.team,
      protectDifferences: q.protectDifferences,
    }),
    listRepsWithTeams(db, q.scope),
    listSkills(db),
    getTargets(db),
  ]);
  const skillName = new Map(skills.map((s) => [s.slug, s.name]));
  const configured = new Set(targets.filter((t) => t.teamId === null && t.target !== null).map((t) => t.cpi));
  const analysed = new Map((analysis?.reps ?? []).map((r) => [r.repId, r]));
  const unlinked = analysis !== null && assessMore(analysis) !== null;
  const groupByEmail = new Map(cpis.groups.map((g) => [g.key, g]));
  const visible = repList.filter((r) => r.active && (q.team === undefined || r.teamName === q.team));
  const sessions = await listSessionsOfReps(
    db,
    visible.map((r) => r.id),
    q.now - YEAR_MS,
  );

  const reps: PlanRep[] = [];
  /** Quote candidates of each rep with a gap, chosen from once the reps are ranked. */
  const candidates = new Map<number, QuoteRow[]>();
  for (const r of visible) {
    const group = groupByEmail.get(r.email);
    const top = analysed
      .get(r.id)
      ?.gaps.filter(actionable)
      .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
    const base = {
      repId: r.id,
      name: r.name,
      email: r.email,
      team: r.teamName,
      teamId: r.teamId,
      n: group?.n ?? 0,
      invited: group?.invited ?? 0,
      responseRate: group?.responseRate ?? null,
      sessions: sessions.filter((s) => s.repId === r.id),
      pinned: {} as Record<number, PlanQuote[]>,
    };
    if (base.sessions.some((s) => s.pinnedResponseIds.length > 0))
      base.pinned = await pinnedQuotesOf(db, r.id, base.sessions, q.viewer);
    if (!analysis || !top || top.cpi === null || top.score === null || top.label === null) {
      const status = !analysis
        ? 'pending'
        : !group || group.suppressed || !analysed.has(r.id)
          ? 'not-enough-responses'
          : unlinked
            ? 'no-model'
            : 'no-gap';
      reps.push({ ...base, status, gap: null, figure: null, target: null, link: null, quotes: null });
      continue;
    }
    const cpi = top.cpi;
    const evidence = top.contributions.find((e) => e.cpi === cpi);
    const targetValue = analysis.targets[cpi];
    if (base.n >= cpis.settings.minComments)
      candidates.set(r.id, await getLowAnswerQuotes(db, r.id, cpi, period, QUOTE_CANDIDATES));
    reps.push({
      ...base,
      status: 'gap',
      gap: {
        skill: top.skill,
        skillName: skillName.get(top.skill) ?? top.skill,
        cpi,
        score: top.score,
        lower: top.lower,
        upper: top.upper,
        label: top.label,
        lowConfidence: top.lowConfidence,
        probabilityBelowTarget: evidence?.probabilityBelowTarget ?? null,
      },
      figure: figureOfGroup(group, cpi),
      target:
        targetValue === undefined ? null : { value: readableValue(cpi, targetValue), configured: configured.has(cpi) },
      link: analysis.links.find((l) => l.skill === top.skill && l.cpi === cpi) ?? null,
      quotes: null,
    });
  }
  reps.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (b.gap?.score ?? 0) - (a.gap?.score ?? 0) ||
      a.name.localeCompare(b.name),
  );
  // Quotes in rank order: a comment shown on a higher-ranked card is not repeated further down.
  const shown = new Set<string>();
  for (const rep of reps) {
    const rows = candidates.get(rep.repId);
    if (!rows || !rep.gap) continue;
    rep.quotes = chooseQuotes(rows, rep.gap.cpi, shown, QUOTES_PER_REP).map((row) => ({
      responseId: row.responseId,
      comment: row.comment,
      occurredAt: row.occurredAt,
      customer:
        maySeeCustomerIdentity(q.viewer, row.consented === 1) && row.customerEmail !== null
          ? { name: row.customerName, company: row.customerCompany, email: row.customerEmail }
          : null,
    }));
  }
  return {
    period,
    reps,
    computing: analysis === null,
    repsAnalysed: analysis?.reps.length ?? 0,
    assessMore: unlinked ? assessMore(analysis) : null,
    minComments: cpis.settings.minComments,
    minResponses: cpis.settings.minResponses,
    agenda: sessionAgenda(reps, q.now),
  };
}

/** Planned and done sessions of a rep in one skill (for the plan export). */
export function sessionCounts(
  sessions: SessionRow[],
  skill: string,
): { planned: number; done: number; lastDone: number | null } {
  const inSkill = sessions.filter((s) => s.skill === skill);
  const done = inSkill.filter((s) => s.status === 'done');
  return {
    planned: inSkill.filter((s) => s.status === 'planned').length,
    done: done.length,
    lastDone: done.length ? Math.max(...done.map(sessionDate)) : null,
  };
}
