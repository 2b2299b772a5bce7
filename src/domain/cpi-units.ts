/**
 * The units a CPI grouping is inferred over — reps, teams or the org — from one read of a
 * period (db/queries/cpis.ts): each unit's summed counts, and for a team or the org its
 * member reps' own counts, which its cluster-robust intervals need (./group-figures.ts).
 */
import type { Drizzle } from '../../db/client';
import type { InteractionType } from '../../db/schema';
import {
  getCpiSumsByRep,
  getMonthlySums,
  getRepDirectory,
  getTurnaroundCounts,
  addSums,
  emptySums,
  type CpiSums,
  type TurnaroundCounts,
} from '../../db/queries/cpis';
import { isMonthStart, monthKey, nextMonthKey } from '../lib/periods';
import type { Period } from '../lib/period';
import type { TeamScope } from './access';

export type GroupBy = 'rep' | 'team' | 'org';

export interface Grouping {
  groupBy: GroupBy;
  /** Only this team (by name). */
  team?: string | undefined;
}

/** What a read of the period depends on (./cpis.ts CpiQuery without the grouping). */
export interface PeriodQuery {
  period: Period;
  now: number;
  types?: readonly InteractionType[];
  scope: TeamScope;
  protectDifferences?: boolean;
}

/** The counts the differencing rule watches: the group's answers and each answered CPI. */
const GUARDED = ['responses', 'fcrN', 'cuN', 'dcN', 'avN'] as const;
export type Guarded = (typeof GUARDED)[number];
type MonthlyCounts = Record<Guarded, number[]>;

export interface Unit {
  key: string;
  name: string;
  team: string | null;
  teamId: number | null;
  sums: CpiSums;
  /** Quote counts of the unit; a team's or the org's carry them by rep (`reps`). */
  turnaround: TurnaroundCounts | undefined;
  /** Counts per month of the period, when differences are protected. */
  monthly: MonthlyCounts | undefined;
  /** A team's or the org's member reps' own sums (the clusters of its intervals); undefined for a rep. */
  reps: CpiSums[] | undefined;
}

/** What one read of the period gives every grouping: per-rep sums, the reps, and turnaround counts by grouping kind. */
export interface PeriodData {
  sums: Map<number, CpiSums>;
  /** Per rep, counts per month of the period (only when differences are protected). */
  monthly: Map<number, MonthlyCounts> | undefined;
  directory: Awaited<ReturnType<typeof getRepDirectory>>;
  turnaround: Map<GroupBy, Map<number, TurnaroundCounts>>;
}

/** An org total restricted to one team is that team's quotes: read with the team grouping. */
const turnaroundKind = (g: Grouping): GroupBy => (g.groupBy === 'org' && g.team !== undefined ? 'team' : g.groupBy);

/** `slaHours` may still be on its way: the other reads do not wait for it. */
export async function readPeriod(
  db: Drizzle,
  q: PeriodQuery,
  groupings: Grouping[],
  slaHours: Promise<number>,
): Promise<PeriodData> {
  const kinds = [...new Set(groupings.map(turnaroundKind))];
  const visibleTeams = q.scope.kind === 'all' ? undefined : q.scope.teamIds;
  const [sums, directory, monthly, ...turnarounds] = await Promise.all([
    getCpiSumsByRep(db, q.period, q.now, q.types),
    getRepDirectory(db),
    q.protectDifferences && isMonthStart(q.period.from) ? readMonthlyCounts(db, q) : undefined,
    ...kinds.map(async (kind) =>
      getTurnaroundCounts(db, q.period, await slaHours, kind, q.types, kind === 'rep' ? undefined : visibleTeams),
    ),
  ]);
  return { sums, directory, monthly, turnaround: new Map(kinds.map((kind, i) => [kind, turnarounds[i]!])) };
}

const emptyMonthly = (months: number): MonthlyCounts =>
  Object.fromEntries(GUARDED.map((f) => [f, new Array<number>(months).fill(0)])) as MonthlyCounts;

function addMonthly(into: MonthlyCounts, from: MonthlyCounts): void {
  for (const f of GUARDED) from[f].forEach((n, i) => (into[f][i]! += n));
}

/** Counts per rep for each complete month of the period (a running last month is left out: ./differencing.ts). */
async function readMonthlyCounts(db: Drizzle, q: PeriodQuery): Promise<Map<number, MonthlyCounts>> {
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

export function inScope(teamId: number | null, scope: TeamScope): boolean {
  return scope.kind === 'all' || (teamId !== null && scope.teamIds.includes(teamId));
}

/** Units (reps, teams or the org) with their summed counts; every rep with activity, former reps too. */
export function units(data: PeriodData, q: Grouping & { scope: TeamScope }): Unit[] {
  const turnaround = data.turnaround.get(turnaroundKind(q))!;
  const reps = data.directory
    .filter((r) => data.sums.has(r.id) || (q.groupBy === 'rep' && turnaround.has(r.id)))
    .map(
      (r): Unit => ({
        key: r.email,
        name: r.name,
        team: r.team,
        teamId: r.teamId,
        sums: data.sums.get(r.id) ?? emptySums(),
        turnaround: q.groupBy === 'rep' ? turnaround.get(r.id) : undefined,
        monthly: data.monthly ? (data.monthly.get(r.id) ?? emptyMonthly(0)) : undefined,
        reps: undefined,
      }),
    );
  // Reps are shrunk toward the whole org and filtered afterwards; teams and the org total
  // are built only from what the reader may see.
  if (q.groupBy === 'rep') return reps;
  const byKey = new Map<string, Unit & { reps: CpiSums[] }>();
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
          reps: [],
        })
        .get(key)!;
    addSums(unit.sums, r.sums);
    unit.reps.push(r.sums);
    if (unit.monthly && r.monthly && r.monthly.responses.length > 0) addMonthly(unit.monthly, r.monthly);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}
