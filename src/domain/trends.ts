/**
 * CPI series by calendar month (UTC) for the org, a team or one rep: monthly sums from
 * cpi_monthly (one query, by rep), raw estimates per month (no shrinkage: one group over
 * time) with a rep's Wilson and t intervals, or for a team or the org cluster-robust ones
 * with reps as clusters (./group-figures.ts); quote turnaround per month from SQL order
 * statistics; months below the minimum n are suppressed. The current month runs to now
 * ("month to date").
 */
import type { Drizzle } from '../../db/client';
import type { InteractionType } from '../../db/schema';
import {
  addSums,
  emptySums,
  getMonthlySums,
  getRepDirectory,
  getTurnaroundCounts,
  type CpiSums,
} from '../../db/queries/cpis';
import { likertMean, turnaroundFromOrderStatistics, wilsonInterval } from '../stats';
import { monthKey, monthKeyLabel, monthStart, nextMonthKey } from '../lib/periods';
import type { TeamScope } from './access';
import { getSettings } from './settings';
import { groupMean, groupRate, type Clustering } from './group-figures';

/** `designEffect` and `effectiveN` on a team's or the org's months (cluster-robust intervals), not a rep's. */
interface SeriesRate extends Partial<Clustering> {
  n: number;
  rate: number;
  lower: number;
  upper: number;
}

interface SeriesMean extends Partial<Clustering> {
  n: number;
  mean: number;
  lower: number;
  upper: number;
  top2: number;
}

export interface SeriesPoint {
  month: number;
  /** "2026-03". */
  label: string;
  partial: boolean;
  n: number;
  invited: number;
  responseRate: number | null;
  suppressed: boolean;
  fcr: SeriesRate | null;
  contentUseful: SeriesMean | null;
  decisionClearer: SeriesMean | null;
  addedValue: SeriesMean | null;
  quoteTurnaroundHours: { n: number; median: number; p90: number; withinSla: number } | null;
}

export interface SeriesQuery {
  /** First and last month (YYYYMM), inclusive. */
  fromMonth: number;
  toMonth: number;
  now: number;
  scope: TeamScope;
  team?: string | undefined;
  repId?: number | undefined;
  types?: readonly InteractionType[] | undefined;
}

export async function computeCpiSeries(db: Drizzle, q: SeriesQuery): Promise<SeriesPoint[]> {
  const settings = await getSettings(db);
  const months: number[] = [];
  for (let m = q.fromMonth; m <= q.toMonth && monthStart(m) <= q.now; m = nextMonthKey(m)) months.push(m);
  if (months.length === 0) return [];
  const directory = await getRepDirectory(db);
  const repIds = directory
    .filter((r) => (q.repId === undefined || r.id === q.repId) && (q.team === undefined || r.team === q.team))
    .filter((r) => q.scope.kind === 'all' || (r.teamId !== null && q.scope.teamIds.includes(r.teamId)))
    .map((r) => r.id);
  const [monthly, turnaround] = await Promise.all([
    getMonthlySums(db, {
      fromMonth: months[0]!,
      toMonth: nextMonthKey(months[months.length - 1]!),
      types: q.types,
      repIds,
      byRep: true,
    }),
    getTurnaroundCounts(
      db,
      { from: monthStart(months[0]!), to: Math.min(q.now, monthStart(nextMonthKey(months[months.length - 1]!))) },
      settings.slaHours,
      'month',
      q.types,
      undefined,
      repIds,
    ),
  ]);
  // Each month's reps' own sums: a team's or the org's month is a group of reps.
  const repsByMonth = new Map<number, CpiSums[]>();
  for (const row of monthly)
    (repsByMonth.get(row.month) ?? repsByMonth.set(row.month, []).get(row.month)!).push(row.sums);
  const min = settings.minResponses;
  const oneRep = q.repId !== undefined;
  return months.map((month) => {
    const reps = repsByMonth.get(month) ?? [];
    const s = reps.reduce((total, r) => addSums(total, r), emptySums());
    const fcr = (): SeriesRate | null => {
      if (s.fcrN < min) return null;
      if (oneRep) return { n: s.fcrN, ...pick(wilsonInterval(s.fcrYes, s.fcrN)) };
      const c = groupRate(reps.map((r) => ({ successes: r.fcrYes, n: r.fcrN })));
      return { n: s.fcrN, ...pick(c), designEffect: c.designEffect, effectiveN: c.effectiveN };
    };
    const mean = (
      n: 'cuN' | 'dcN' | 'avN',
      sum: 'cuSum' | 'dcSum' | 'avSum',
      sq: 'cuSq' | 'dcSq' | 'avSq',
      top2: 'cuTop2' | 'dcTop2' | 'avTop2',
    ): SeriesMean | null => {
      if (s[n] < min) return null;
      const m = oneRep
        ? likertMean({ n: s[n], sum: s[sum], sumOfSquares: s[sq] })
        : groupMean(reps.map((r) => ({ n: r[n], sum: r[sum], sumOfSquares: r[sq] })));
      const clustering = 'designEffect' in m ? { designEffect: m.designEffect, effectiveN: m.effectiveN } : {};
      return { n: s[n], mean: m.mean, lower: m.lower, upper: m.upper, top2: s[top2] / s[n], ...clustering };
    };
    const t = turnaround.get(month);
    const tr =
      t && t.n >= min ? turnaroundFromOrderStatistics(t.n, t.withinSla, (k) => t.orderStatistics.get(k) ?? NaN) : null;
    const suppressed = s.responses < min;
    return {
      month,
      label: monthKeyLabel(month),
      partial: monthKey(q.now) === month,
      n: s.responses,
      invited: s.invitations,
      responseRate: s.invitations > 0 ? s.invitedResponses / s.invitations : null,
      suppressed,
      fcr: suppressed ? null : fcr(),
      contentUseful: suppressed ? null : mean('cuN', 'cuSum', 'cuSq', 'cuTop2'),
      decisionClearer: suppressed ? null : mean('dcN', 'dcSum', 'dcSq', 'dcTop2'),
      addedValue: suppressed ? null : mean('avN', 'avSum', 'avSq', 'avTop2'),
      quoteTurnaroundHours: tr ? { n: tr.n, median: tr.median, p90: tr.p90, withinSla: tr.withinSla.estimate } : null,
    };
  });
}

const pick = (w: { estimate: number; lower: number; upper: number }) => ({
  rate: w.estimate,
  lower: w.lower,
  upper: w.upper,
});
