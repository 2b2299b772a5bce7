/**
 * CPI figures per rep, team or the whole org for a period: counts and sums from
 * db/queries/cpis.ts (as units: ./cpi-units.ts), inference from src/stats — Wilson
 * intervals and beta-binomial shrinkage for rates, t intervals and normal–normal shrinkage
 * for 1–5 means, median and p90 for quote turnaround — with minimum-n suppression
 * (docs/statistics.md, "Showing numbers"). A team's or the org's intervals are cluster-robust, reps
 * as clusters, with the design effect beside them (./group-figures.ts).
 */
import type { Drizzle } from '../../db/client';
import type { InteractionType } from '../../db/schema';
import type { CpiSums, TurnaroundCounts } from '../../db/queries/cpis';
import { exposedByDifference } from './differencing';
import { likertMean, shrinkMeans, shrinkRateIntervals, turnaroundFromOrderStatistics, wilsonInterval } from '../stats';
import type { Period } from '../lib/period';
import type { TeamScope } from './access';
import { getSettings, type Settings } from './settings';
import { inScope, readPeriod, units, type Grouping, type Guarded, type GroupBy, type Unit } from './cpi-units';
import { groupMean, groupRate, type Clustering } from './group-figures';

export type { GroupBy, Grouping } from './cpi-units';

/**
 * `designEffect` and `effectiveN` (./group-figures.ts) are present on a team's or the
 * org's figures, whose interval is cluster-robust; a rep's figure has neither.
 */
interface RateCpi extends Partial<Clustering> {
  n: number;
  rate: number;
  lower: number;
  upper: number;
  shrunk: number;
  /** Posterior SD of the shrunk rate (the gap score's v). */
  shrunkSd: number;
}

interface MeanCpi extends Partial<Clustering> {
  n: number;
  mean: number;
  lower: number;
  upper: number;
  top2: number;
  shrunk: number;
  shrunkSd: number;
}

/** On a team or the org, `designEffect` and `effectiveN` are the within-SLA share's. */
interface TurnaroundCpi extends Partial<Clustering> {
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
  /** The share of added-value answers of 4 or 5 with its interval (the overview tile); not in the API. */
  valueAddedRate?: ShareCpi | null;
  quoteTurnaroundHours?: TurnaroundCpi | null;
}

/** A share with its interval: Wilson for a rep, cluster-robust for a team or the org. */
export interface ShareCpi extends Partial<Clustering> {
  n: number;
  rate: number;
  lower: number;
  upper: number;
}

/** A share of `successes` of `n` in a unit: a rep's Wilson interval, a group's clustered one from its reps' counts. */
function shareOf(u: Unit, successes: keyof CpiSums, n: keyof CpiSums): ShareCpi {
  if (!u.reps) {
    const w = wilsonInterval(u.sums[successes], u.sums[n]);
    return { n: u.sums[n], rate: w.estimate, lower: w.lower, upper: w.upper };
  }
  const c = groupRate(u.reps.map((r) => ({ successes: r[successes], n: r[n] })));
  return {
    n: u.sums[n],
    rate: c.estimate,
    lower: c.lower,
    upper: c.upper,
    designEffect: c.designEffect,
    effectiveN: c.effectiveN,
  };
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

const FIXED_PRIOR_BELOW_GROUPS = 8;
const FIXED_PRIOR_STRENGTH = 10;

function rateCpis(list: Unit[]) {
  const withData = list.filter((u) => u.sums.fcrN > 0).length;
  const shrunk = shrinkRateIntervals(
    list.map((u) => u.sums.fcrYes),
    list.map((u) => u.sums.fcrN),
    // The API shows the shrunk estimate (and the gap score uses its SD); the interval shown is the raw rate's.
    withData < FIXED_PRIOR_BELOW_GROUPS
      ? { priorStrength: FIXED_PRIOR_STRENGTH, intervals: false }
      : { intervals: false },
  );
  return {
    shrunk,
    cpis: list.map((u, i): RateCpi => {
      const post = shrunk.reps[i]!;
      return { ...shareOf(u, 'fcrYes', 'fcrN'), shrunk: post.estimate, shrunkSd: post.sd };
    }),
  };
}

function meanCpis(
  list: Unit[],
  n: 'cuN' | 'dcN' | 'avN',
  sum: 'cuSum' | 'dcSum' | 'avSum',
  sq: 'cuSq' | 'dcSq' | 'avSq',
  top2: 'cuTop2' | 'dcTop2' | 'avTop2',
) {
  const summaries = list.map((u) => ({ n: u.sums[n], sum: u.sums[sum], sumOfSquares: u.sums[sq] }));
  const shrunk = shrinkMeans(summaries);
  return {
    shrunk,
    cpis: list.map((u, i): MeanCpi => {
      // A rep's t interval; a group's cluster-robust one from its reps' sums.
      const m = u.reps
        ? groupMean(u.reps.map((r) => ({ n: r[n], sum: r[sum], sumOfSquares: r[sq] })))
        : likertMean(summaries[i]!);
      const lambda = shrunk.lambdas[i] ?? 0;
      const count = summaries[i]!.n;
      // Posterior variance of a normal–normal mean: 1/(1/τ² + n/σ²w) = λσ²w/n (0 when fully pooled).
      const variance = count > 0 ? (lambda * shrunk.withinVariance) / count : NaN;
      const sd = Number.isNaN(variance) && count > 0 ? 0 : Math.sqrt(variance);
      return {
        n: count,
        mean: m.mean,
        lower: m.lower,
        upper: m.upper,
        top2: count > 0 ? u.sums[top2] / count : NaN,
        shrunk: shrunk.estimates[i] ?? NaN,
        shrunkSd: sd,
        ...('designEffect' in m ? { designEffect: m.designEffect, effectiveN: m.effectiveN } : {}),
      };
    }),
  };
}

/** Median, p90 and the share within the SLA; a group's share has a cluster-robust interval from its reps' quotes. */
function turnaroundCpi(counts: TurnaroundCounts, clustered: boolean, slaHours: number): TurnaroundCpi {
  const t = turnaroundFromOrderStatistics(counts.n, counts.withinSla, (k) => counts.orderStatistics.get(k) ?? NaN);
  const figure = {
    n: t.n,
    median: t.median,
    p90: t.p90,
    withinSla: t.withinSla.estimate,
    withinSlaLower: t.withinSla.lower,
    withinSlaUpper: t.withinSla.upper,
    slaHours,
  };
  if (!clustered) return figure;
  const c = groupRate([...counts.reps.values()].map((r) => ({ successes: r.withinSla, n: r.n })));
  return {
    ...figure,
    withinSlaLower: c.lower,
    withinSlaUpper: c.upper,
    designEffect: c.designEffect,
    effectiveN: c.effectiveN,
  };
}

export interface CpiResult {
  groups: CpiGroup[];
  settings: Settings;
  /** Org-wide values of each CPI over the same period (targets fall back to them). */
  pooled: {
    fcr: number;
    contentUseful: number;
    decisionClearer: number;
    addedValue: number;
    rateModel: 'pooled' | 'shrunk';
  };
}

/** Several groupings of one period (e.g. the org, its teams and one team) from a single read. */
export async function computeCpiGroupings(
  db: Drizzle,
  q: Omit<CpiQuery, 'groupBy' | 'team'>,
  groupings: Grouping[],
): Promise<CpiResult[]> {
  // Asked together: only the turnaround counts wait for the SLA setting (one round trip less on a server).
  const reading = getSettings(db);
  const [settings, data] = await Promise.all([
    reading,
    readPeriod(
      db,
      q,
      groupings,
      reading.then((s) => s.slaHours),
    ),
  ]);
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
    const base = {
      key: u.key,
      name: u.name,
      team: u.team,
      teamId: u.teamId,
      n: s.responses,
      invited,
      responseRate: invited > 0 ? s.invitedResponses / invited : null,
    };
    // A guarded count is "shown" only when no shorter period of whole months gives part of it away.
    const safe = (f: Guarded) => !u.monthly || u.monthly[f].length === 0 || !exposedByDifference(u.monthly[f], min);
    if (s.responses < min || !safe('responses')) return { ...base, suppressed: true };
    const counts = u.turnaround;
    const turnaround =
      counts && counts.n >= min ? turnaroundCpi(counts, u.reps !== undefined, settings.slaHours) : null;
    return {
      ...base,
      suppressed: false,
      fcr: s.fcrN >= min && safe('fcrN') ? fcr.cpis[i]! : null,
      contentUseful: s.cuN >= min && safe('cuN') ? cu.cpis[i]! : null,
      decisionClearer: s.dcN >= min && safe('dcN') ? dc.cpis[i]! : null,
      addedValue: s.avN >= min && safe('avN') ? av.cpis[i]! : null,
      valueAddedCount: s.avTop2,
      valueAddedRate: s.avN >= min && safe('avN') ? shareOf(u, 'avTop2', 'avN') : null,
      quoteTurnaroundHours: turnaround,
    };
  });
  const visible =
    q.groupBy === 'rep'
      ? groups.filter((g) => inScope(g.teamId, q.scope) && (q.team === undefined || g.team === q.team))
      : groups;
  return {
    groups: visible.map(({ teamId: _teamId, ...g }) => g),
    settings,
    pooled: {
      fcr: fcr.shrunk.mean,
      contentUseful: cu.shrunk.grandMean,
      decisionClearer: dc.shrunk.grandMean,
      addedValue: av.shrunk.grandMean,
      rateModel: fcr.shrunk.pooled ? 'pooled' : 'shrunk',
    },
  };
}
