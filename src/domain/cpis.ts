/**
 * CPI figures per rep, team or the whole org for a period: counts and sums from
 * db/queries/cpis.ts, inference from src/stats — Wilson intervals and beta-binomial
 * shrinkage for rates, t intervals and normal–normal shrinkage for 1–5 means, median and
 * p90 for quote turnaround — with minimum-n suppression (STATS.md "Showing numbers").
 */
import type { Drizzle } from '../../db/client';
import type { InteractionType } from '../../db/schema';
import { getCpiSumsByRep, getMonthlySums, getRepDirectory, getTurnaroundCounts, addSums, emptySums, type CpiSums, type TurnaroundCounts } from '../../db/queries/cpis';
import { isMonthStart, monthKey, nextMonthKey } from '../lib/periods';
import { exposedByDifference } from './differencing';
import { likertMean, shrinkMeans, shrinkRateIntervals, turnaroundFromOrderStatistics, wilsonInterval } from '../stats';
import type { Period } from '../lib/period';
import type { TeamScope } from './access';
import { getSettings, type Settings } from './settings';

export type GroupBy = 'rep' | 'team' | 'org';

export interface RateCpi {
  n: number;
  rate: number;
  lower: number;
  upper: number;
  shrunk: number;
  /** Posterior SD of the shrunk rate (the gap score's v). */
  shrunkSd: number;
}

export interface MeanCpi {
  n: number;
  mean: number;
  lower: number;
  upper: number;
  top2: number;
  shrunk: number;
  shrunkSd: number;
}

export interface TurnaroundCpi {
  n: number;
  median: number;
  p90: number;
  withinSla: number;
  withinSlaLower: number;
  withinSlaUpper: number;
  slaHours: number;
}

export interface CpiGroup {
  key: string;
  name: string;
  team: string | null;
  n: number;
  invited: number;
  responseRate: number | null;
  suppressed: boolean;
  fcr?: RateCpi | null;
  contentUseful?: MeanCpi | null;
  decisionClearer?: MeanCpi | null;
  addedValue?: MeanCpi | null;
  valueAddedCount?: number;
  quoteTurnaroundHours?: TurnaroundCpi | null;
}

export interface CpiQuery {
  period: Period;
  groupBy: GroupBy;
  now: number;
  types?: readonly InteractionType[];
  /** Only groups of this team are returned (team name). */
  team?: string;
  scope: TeamScope;
  /**
   * Hide figures that a range one or more whole months shorter would give away by
   * difference (./differencing.ts): custom ranges of staff who are not admins, which are
   * whole months. Ignored for a period that does not start on a month.
   */
  protectDifferences?: boolean;
}

/** The counts the differencing rule watches: the group's answers and each answered CPI. */
const GUARDED = ['responses', 'fcrN', 'cuN', 'dcN', 'avN'] as const;
type Guarded = (typeof GUARDED)[number];
type MonthlyCounts = Record<Guarded, number[]>;

interface Unit {
  key: string;
  name: string;
  team: string | null;
  teamId: number | null;
  sums: CpiSums;
  turnaround: TurnaroundCounts | undefined;
  /** Counts per month of the period, when differences are protected. */
  monthly: MonthlyCounts | undefined;
}

const FIXED_PRIOR_BELOW_GROUPS = 8;
const FIXED_PRIOR_STRENGTH = 10;

/** What one read of the period gives every grouping: per-rep sums, the reps, and turnaround counts by grouping kind. */
interface PeriodData {
  sums: Map<number, CpiSums>;
  /** Per rep, counts per month of the period (only when differences are protected). */
  monthly: Map<number, MonthlyCounts> | undefined;
  directory: Awaited<ReturnType<typeof getRepDirectory>>;
  turnaround: Map<'rep' | 'team' | 'org', Map<number, TurnaroundCounts>>;
}

export interface Grouping {
  groupBy: GroupBy;
  /** Only this team (by name). */
  team?: string | undefined;
}

/** An org total restricted to one team is that team's quotes: read with the team grouping. */
const turnaroundKind = (g: Grouping): 'rep' | 'team' | 'org' => (g.groupBy === 'org' && g.team !== undefined ? 'team' : g.groupBy);

async function readPeriod(db: Drizzle, q: Omit<CpiQuery, 'groupBy' | 'team'>, groupings: Grouping[], slaHours: number): Promise<PeriodData> {
  const kinds = [...new Set(groupings.map(turnaroundKind))];
  const visibleTeams = q.scope.kind === 'all' ? undefined : q.scope.teamIds;
  const [sums, directory, monthly, ...turnarounds] = await Promise.all([
    getCpiSumsByRep(db, q.period, q.now, q.types),
    getRepDirectory(db),
    q.protectDifferences && isMonthStart(q.period.from) ? readMonthlyCounts(db, q) : undefined,
    ...kinds.map((kind) => getTurnaroundCounts(db, q.period, slaHours, kind, q.types, kind === 'rep' ? undefined : visibleTeams)),
  ]);
  return { sums, directory, monthly, turnaround: new Map(kinds.map((kind, i) => [kind, turnarounds[i]!])) };
}

const emptyMonthly = (months: number): MonthlyCounts =>
  Object.fromEntries(GUARDED.map((f) => [f, new Array<number>(months).fill(0)])) as MonthlyCounts;

function addMonthly(into: MonthlyCounts, from: MonthlyCounts): void {
  for (const f of GUARDED) from[f].forEach((n, i) => (into[f][i]! += n));
}

/** Counts per rep for each complete month of the period (a running last month is left out: ./differencing.ts). */
async function readMonthlyCounts(db: Drizzle, q: Omit<CpiQuery, 'groupBy' | 'team'>): Promise<Map<number, MonthlyCounts>> {
  const fromMonth = monthKey(q.period.from);
  const toMonth = monthKey(q.period.to);
  const months: number[] = [];
  for (let m = fromMonth; m < toMonth; m = nextMonthKey(m)) months.push(m);
  const out = new Map<number, MonthlyCounts>();
  for (const row of await getMonthlySums(db, { fromMonth, toMonth, types: q.types, byRep: true })) {
    const counts = out.get(row.repId) ?? out.set(row.repId, emptyMonthly(months.length)).get(row.repId)!;
    const index = months.indexOf(row.month);
    if (index >= 0) for (const f of GUARDED) counts[f][index]! += row.sums[f];
  }
  return out;
}

const monthCount = (data: PeriodData) => {
  for (const counts of data.monthly?.values() ?? []) return counts.responses.length;
  return 0;
};

/** Units (reps, teams or the org) with their summed counts; every rep with activity, former reps too. */
function units(data: PeriodData, q: Grouping & { scope: TeamScope }): Unit[] {
  const turnaround = data.turnaround.get(turnaroundKind(q))!;
  const reps = data.directory
    .filter((r) => data.sums.has(r.id) || (q.groupBy === 'rep' && turnaround.has(r.id)))
    .map((r) => ({
      key: r.email,
      name: r.name,
      team: r.team,
      teamId: r.teamId,
      sums: data.sums.get(r.id) ?? emptySums(),
      turnaround: q.groupBy === 'rep' ? turnaround.get(r.id) : undefined,
      monthly: data.monthly ? (data.monthly.get(r.id) ?? emptyMonthly(0)) : undefined,
    }));
  // Reps are shrunk toward the whole org and filtered afterwards; teams and the org total
  // are built only from what the reader may see.
  if (q.groupBy === 'rep') return reps;
  const byKey = new Map<string, Unit>();
  for (const r of reps.filter((rep) => inScope(rep.teamId, q.scope) && (q.team === undefined || rep.team === q.team))) {
    const key = q.groupBy === 'org' ? 'org' : (r.team ?? '(no team)');
    const groupId = q.groupBy === 'team' || q.team !== undefined ? (r.teamId ?? 0) : 0;
    const unit =
      byKey.get(key) ??
      byKey
        .set(key, {
          key,
          name: key,
          team: q.groupBy === 'team' ? r.team : null,
          teamId: q.groupBy === 'team' ? r.teamId : null,
          sums: emptySums(),
          turnaround: turnaround.get(groupId),
          monthly: r.monthly ? emptyMonthly(monthCount(data)) : undefined,
        })
        .get(key)!;
    addSums(unit.sums, r.sums);
    if (unit.monthly && r.monthly && r.monthly.responses.length > 0) addMonthly(unit.monthly, r.monthly);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function rateCpis(list: Unit[]) {
  const withData = list.filter((u) => u.sums.fcrN > 0).length;
  const shrunk = shrinkRateIntervals(
    list.map((u) => u.sums.fcrYes),
    list.map((u) => u.sums.fcrN),
    // The API shows the shrunk estimate (and the gap score uses its SD); the interval shown is Wilson's.
    withData < FIXED_PRIOR_BELOW_GROUPS ? { priorStrength: FIXED_PRIOR_STRENGTH, intervals: false } : { intervals: false },
  );
  return { shrunk, cpis: list.map((u, i): RateCpi => {
    const w = wilsonInterval(u.sums.fcrYes, u.sums.fcrN);
    const post = shrunk.reps[i]!;
    return { n: u.sums.fcrN, rate: w.estimate, lower: w.lower, upper: w.upper, shrunk: post.estimate, shrunkSd: post.sd };
  }) };
}

function meanCpis(list: Unit[], n: 'cuN' | 'dcN' | 'avN', sum: 'cuSum' | 'dcSum' | 'avSum', sq: 'cuSq' | 'dcSq' | 'avSq', top2: 'cuTop2' | 'dcTop2' | 'avTop2') {
  const summaries = list.map((u) => ({ n: u.sums[n], sum: u.sums[sum], sumOfSquares: u.sums[sq] }));
  const shrunk = shrinkMeans(summaries);
  return { shrunk, cpis: list.map((u, i): MeanCpi => {
    const m = likertMean(summaries[i]!);
    const lambda = shrunk.lambdas[i] ?? 0;
    const count = summaries[i]!.n;
    // Posterior variance of a normal–normal mean: 1/(1/τ² + n/σ²w) = λσ²w/n (0 when fully pooled).
    const variance = count > 0 ? (lambda * shrunk.withinVariance) / count : NaN;
    const sd = Number.isNaN(variance) && count > 0 ? 0 : Math.sqrt(variance);
    return { n: count, mean: m.mean, lower: m.lower, upper: m.upper, top2: count > 0 ? u.sums[top2] / count : NaN, shrunk: shrunk.estimates[i] ?? NaN, shrunkSd: sd };
  }) };
}

export interface CpiResult {
  groups: CpiGroup[];
  settings: Settings;
  /** Org-wide values of each CPI over the same period (targets fall back to them). */
  pooled: { fcr: number; contentUseful: number; decisionClearer: number; addedValue: number; rateModel: 'pooled' | 'shrunk' };
}

/** Several groupings of one period (e.g. the org, its teams and one team) from a single read. */
export async function computeCpiGroupings(db: Drizzle, q: Omit<CpiQuery, 'groupBy' | 'team'>, groupings: Grouping[]): Promise<CpiResult[]> {
  const settings = await getSettings(db);
  const data = await readPeriod(db, q, groupings, settings.slaHours);
  return groupings.map((g) => infer(units(data, { ...g, scope: q.scope }), { ...g, scope: q.scope }, settings));
}

export async function computeCpis(db: Drizzle, q: CpiQuery): Promise<CpiResult> {
  const [result] = await computeCpiGroupings(db, q, [{ groupBy: q.groupBy, team: q.team }]);
  return result!;
}

/** Inference for one grouping's units: intervals, shrinkage across the units, minimum-n suppression. */
function infer(list: Unit[], q: Grouping & { scope: TeamScope }, settings: Settings): CpiResult {
  const fcr = rateCpis(list);
  const cu = meanCpis(list, 'cuN', 'cuSum', 'cuSq', 'cuTop2');
  const dc = meanCpis(list, 'dcN', 'dcSum', 'dcSq', 'dcTop2');
  const av = meanCpis(list, 'avN', 'avSum', 'avSq', 'avTop2');
  const min = settings.minResponses;
  const groups = list.map((u, i): CpiGroup & { teamId: number | null } => {
    const s = u.sums;
    const invited = s.invitations - s.notYetDue;
    const base = { key: u.key, name: u.name, team: u.team, teamId: u.teamId, n: s.responses, invited, responseRate: invited > 0 ? s.invitedResponses / invited : null };
    // A guarded count is "shown" only when no shorter period of whole months gives part of it away.
    const safe = (f: Guarded) => !u.monthly || u.monthly[f].length === 0 || !exposedByDifference(u.monthly[f], min);
    if (s.responses < min || !safe('responses')) return { ...base, suppressed: true };
    const counts = u.turnaround;
    const turnaround = counts && counts.n >= min ? turnaroundFromOrderStatistics(counts.n, counts.withinSla, (k) => counts.orderStatistics.get(k) ?? NaN) : null;
    return {
      ...base,
      suppressed: false,
      fcr: s.fcrN >= min && safe('fcrN') ? fcr.cpis[i]! : null,
      contentUseful: s.cuN >= min && safe('cuN') ? cu.cpis[i]! : null,
      decisionClearer: s.dcN >= min && safe('dcN') ? dc.cpis[i]! : null,
      addedValue: s.avN >= min && safe('avN') ? av.cpis[i]! : null,
      valueAddedCount: s.avTop2,
      quoteTurnaroundHours: turnaround
        ? { n: turnaround.n, median: turnaround.median, p90: turnaround.p90, withinSla: turnaround.withinSla.estimate, withinSlaLower: turnaround.withinSla.lower, withinSlaUpper: turnaround.withinSla.upper, slaHours: settings.slaHours }
        : null,
    };
  });
  const visible = q.groupBy === 'rep' ? groups.filter((g) => inScope(g.teamId, q.scope) && (q.team === undefined || g.team === q.team)) : groups;
  return {
    groups: visible.map(({ teamId: _teamId, ...g }) => g),
    settings,
    pooled: { fcr: fcr.shrunk.mean, contentUseful: cu.shrunk.grandMean, decisionClearer: dc.shrunk.grandMean, addedValue: av.shrunk.grandMean, rateModel: fcr.shrunk.pooled ? 'pooled' : 'shrunk' },
  };
}

function inScope(teamId: number | null, scope: TeamScope): boolean {
  return scope.kind === 'all' || (teamId !== null && scope.teamIds.includes(teamId));
}
