/**
 * CPI series by calendar month (UTC) for the org, a team, a set of reps or one rep:
 * monthly sums from cpi_monthly (one query), raw estimates
 * with Wilson and t intervals per month (no shrinkage: one group over time), quote
 * turnaround per month from SQL order statistics; months below the minimum n are
 * suppressed. The current month runs to now ("month to date").
 */
import type { Drizzle } from '../../db/client';
import type { InteractionType } from '../../db/schema';
import { emptySums, getMonthlySums, getRepDirectory, getTurnaroundCounts, type CpiSums } from '../../db/queries/cpis';
import { likertMean, turnaroundFromOrderStatistics, wilsonInterval } from '../stats';
import { monthKey, monthStart, nextMonthKey } from '../lib/periods';
import type { TeamScope } from './access';
import { getSettings } from './settings';

export interface SeriesRate {
  n: number;
  rate: number;
  lower: number;
  upper: number;
}

export interface SeriesMean {
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

export const monthLabel = (key: number) => `${Math.floor(key / 100)}-${String(key % 100).padStart(2, '0')}`;

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
    getMonthlySums(db, { fromMonth: months[0]!, toMonth: nextMonthKey(months[months.length - 1]!), types: q.types, repIds, byRep: false }),
    getTurnaroundCounts(db, { from: monthStart(months[0]!), to: Math.min(q.now, monthStart(nextMonthKey(months[months.length - 1]!))) }, settings.slaHours, 'month', q.types, undefined, repIds),
  ]);
  const byMonth = new Map(monthly.map((row) => [row.month, row.sums]));
  const min = settings.minResponses;
  return months.map((month) => {
    const s: CpiSums = byMonth.get(month) ?? emptySums();
    const rate = (x: number, n: number): SeriesRate | null => (n >= min ? { n, ...pick(wilsonInterval(x, n)) } : null);
    const mean = (n: number, sum: number, sq: number, top2: number): SeriesMean | null => {
      if (n < min) return null;
      const m = likertMean({ n, sum, sumOfSquares: sq });
      return { n, mean: m.mean, lower: m.lower, upper: m.upper, top2: top2 / n };
    };
    const t = turnaround.get(month);
    const tr = t && t.n >= min ? turnaroundFromOrderStatistics(t.n, t.withinSla, (k) => t.orderStatistics.get(k) ?? NaN) : null;
    const suppressed = s.responses < min;
    return {
      month,
      label: monthLabel(month),
      partial: monthKey(q.now) === month,
      n: s.responses,
      invited: s.invitations,
      responseRate: s.invitations > 0 ? s.invitedResponses / s.invitations : null,
      suppressed,
      fcr: suppressed ? null : rate(s.fcrYes, s.fcrN),
      contentUseful: suppressed ? null : mean(s.cuN, s.cuSum, s.cuSq, s.cuTop2),
      decisionClearer: suppressed ? null : mean(s.dcN, s.dcSum, s.dcSq, s.dcTop2),
      addedValue: suppressed ? null : mean(s.avN, s.avSum, s.avSq, s.avTop2),
      quoteTurnaroundHours: tr ? { n: tr.n, median: tr.median, p90: tr.p90, withinSla: tr.withinSla.estimate } : null,
    };
  });
}

const pick = (w: { estimate: number; lower: number; upper: number }) => ({ rate: w.estimate, lower: w.lower, upper: w.upper });
