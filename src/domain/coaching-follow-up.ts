/**
 * Did anything change after coaching? For each rep × skill coached in the last 12 months
 * (the latest done session of the pair, in the reader's scope), the CPI the session
 * targeted — the session's own CPI, else the CPI of the rep's gap in that skill (the served
 * link analysis of the plan's default months) — in the 3 calendar months before the
 * session's month and in the months after it (up to 3, the current one to date), each with
 * its interval and n, or nothing below the minimum n.
 * This describes change over time around the coaching; it is not an estimate of the
 * coaching's effect (the training effects table compares with reps not coached).
 */
import type { Drizzle } from '../../db/client';
import { listDoneSessionsSince, type SessionRow } from '../../db/queries/coaching-sessions';
import { sessionDate } from './session-date';
import { getMonthlySumsByRep } from '../../db/queries/training-history';
import { addSums, emptySums, getRepDirectory, getTurnaroundCounts } from '../../db/queries/cpis';
import { turnaroundFromOrderStatistics, type CpiKey } from '../stats';
import { addMonths, monthKey, monthStart, nextMonthKey } from '../lib/periods';
import type { TeamScope } from './access';
import { getSettings } from './settings';
import type { LinkAnalysis } from './analysis/links';
import { clearestLinkedCpi } from './analysis/gaps-view';
import { figureOfSums, figureOfTurnaround, type CpiFigure } from './coaching-figures';
import { YEAR_MS } from '../lib/days';

const WINDOW_MONTHS = 3;

export interface WindowResult {
  /** Calendar months (YYYYMM) in the window; empty when none has begun yet. */
  months: number[];
  /** Responses in the window and the response rate (invited responses / invitations). */
  responses: number;
  responseRate: number | null;
  /** null below the minimum n. */
  figure: CpiFigure | null;
  /** The current month is in the window (month to date). */
  partial: boolean;
}

export interface FollowUpRow {
  repId: number;
  repName: string;
  team: string | null;
  skill: string;
  skillName: string;
  sessionId: number;
  sessionDay: number;
  sessionCount: number;
  cpi: CpiKey | null;
  cpiSource: 'session' | 'gap' | null;
  before: WindowResult | null;
  after: WindowResult | null;
}

export interface FollowUpQuery {
  now: number;
  scope: TeamScope;
  team?: string | undefined;
  /**
   * The served link analysis of lastMonths(now, DEFAULT_PLAN_MONTHS) (./coaching.ts), asked
   * only when a session named no CPI; null while it is being computed.
   */
  gapAnalysis: () => Promise<LinkAnalysis | null>;
}

export interface FollowUp {
  rows: FollowUpRow[];
  minResponses: number;
  /** Some session named no CPI and the gap analysis is still being computed. */
  gapsComputing: boolean;
}

/** Latest done session per rep × skill, with how many there were; newest first. */
function latestPerPair(sessions: SessionRow[]): { latest: SessionRow; count: number; cpi: CpiKey | null }[] {
  const byPair = new Map<string, { latest: SessionRow; count: number; cpi: CpiKey | null }>();
  for (const s of sessions) {
    const key = `${s.repId}|${s.skill}`;
    const entry = byPair.get(key);
    // Sessions come oldest first: the last one seen is the latest; its CPI wins, else an earlier one's.
    byPair.set(key, { latest: s, count: (entry?.count ?? 0) + 1, cpi: s.cpi ?? entry?.cpi ?? null });
  }
  return [...byPair.values()].sort(
    (a, b) => sessionDate(b.latest) - sessionDate(a.latest) || a.latest.repId - b.latest.repId,
  );
}

export async function computeCoachingFollowUp(db: Drizzle, q: FollowUpQuery): Promise<FollowUp> {
  const [settings, sessions, directory] = await Promise.all([
    getSettings(db),
    listDoneSessionsSince(db, q.now - YEAR_MS, q.scope),
    getRepDirectory(db),
  ]);
  const repById = new Map(directory.map((r) => [r.id, r]));
  const pairs = latestPerPair(sessions).filter(
    (p) => q.team === undefined || repById.get(p.latest.repId)?.team === q.team,
  );
  if (pairs.length === 0) return { rows: [], minResponses: settings.minResponses, gapsComputing: false };

  // The CPI of the rep's gap in the skill (else the skill's clearest link), for sessions that named none.
  const gapCpi = new Map<string, CpiKey>();
  let gapsComputing = false;
  if (pairs.some((p) => p.cpi === null)) {
    const analysis = await q.gapAnalysis();
    gapsComputing = analysis === null;
    const clearest = analysis ? clearestLinkedCpi(analysis.links) : new Map<string, CpiKey>();
    for (const r of analysis?.reps ?? []) {
      for (const g of r.gaps) {
        const cpi = g.cpi ?? clearest.get(g.skill);
        if (cpi) gapCpi.set(`${r.repId}|${g.skill}`, cpi);
      }
    }
  }

  const currentMonth = monthKey(q.now);
  const firstMonth = addMonths(Math.min(...pairs.map((p) => monthKey(sessionDate(p.latest)))), -WINDOW_MONTHS);
  const monthly = await getMonthlySumsByRep(db, firstMonth, nextMonthKey(currentMonth));

  const windowOf = async (repId: number, cpi: CpiKey, months: number[]): Promise<WindowResult> => {
    const sums = emptySums();
    for (const m of months) addSums(sums, monthly.get(repId)?.get(m) ?? {});
    const base = {
      months,
      responses: sums.responses,
      responseRate: sums.invitations > 0 ? sums.invitedResponses / sums.invitations : null,
      partial: months.includes(currentMonth),
    };
    if (months.length === 0) return { ...base, figure: null };
    if (cpi !== 'quoteTurnaround') return { ...base, figure: figureOfSums(sums, cpi, settings.minResponses) };
    const period = {
      from: monthStart(months[0]!),
      to: Math.min(q.now, monthStart(nextMonthKey(months[months.length - 1]!))),
    };
    const counts = (await getTurnaroundCounts(db, period, settings.slaHours, 'rep', undefined, undefined, [repId])).get(
      repId,
    );
    const summary = counts
      ? turnaroundFromOrderStatistics(counts.n, counts.withinSla, (i) => counts.orderStatistics.get(i) ?? NaN)
      : null;
    return { ...base, figure: figureOfTurnaround(summary, settings.slaHours, settings.minResponses) };
  };

  const rows: FollowUpRow[] = [];
  for (const p of pairs) {
    const s = p.latest;
    const rep = repById.get(s.repId);
    const fromGap = gapCpi.get(`${s.repId}|${s.skill}`);
    const cpi = p.cpi ?? fromGap ?? null;
    const m0 = monthKey(sessionDate(s));
    const before = Array.from({ length: WINDOW_MONTHS }, (_, i) => addMonths(m0, i - WINDOW_MONTHS));
    const after = Array.from({ length: WINDOW_MONTHS }, (_, i) => addMonths(m0, i + 1)).filter(
      (m) => m <= currentMonth,
    );
    rows.push({
      repId: s.repId,
      repName: rep?.name ?? '',
      team: rep?.team ?? null,
      skill: s.skill,
      skillName: s.skillName,
      sessionId: s.id,
      sessionDay: sessionDate(s),
      sessionCount: p.count,
      cpi,
      cpiSource: p.cpi ? 'session' : fromGap ? 'gap' : null,
      before: cpi ? await windowOf(s.repId, cpi, before) : null,
      after: cpi ? await windowOf(s.repId, cpi, after) : null,
    });
  }
  return { rows, minResponses: settings.minResponses, gapsComputing };
}
