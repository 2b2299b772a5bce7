/**
 * Everything the lead's overview shows for one filter: the CPIs of the selected team (or
 * of every team the reader may see) with their target, baseline, change and progress;
 * the monthly trend over the 12 months through the period; and the CPIs by team, with
 * second cells hidden so that a suppressed team cannot be derived from the total.
 */
import type { Drizzle } from '../../db/client';
import { CPI_KEYS, type CpiKey, type InteractionType } from '../../db/schema';
import { getTargets } from '../../db/queries/targets';
import { addMonths } from '../lib/periods';
import type { Period } from '../lib/period';
import type { TeamScope } from './access';
import { computeCpiGroupings, computeCpis, type CpiGroup, type ShareCpi } from './cpis';
import type { Clustering } from './group-figures';
import { computeCpiSeries, type SeriesPoint } from './trends';
import {
  appliedTarget,
  changeSince,
  progressTowardTarget,
  readCpi,
  type AppliedTarget,
  type CpiReading,
  type Progress,
} from './baselines';
import { complementarySuppression } from './suppression';
import type { Settings } from './settings';

export interface OverviewQuery {
  period: Period;
  /** The month the period ends in (trends run through it). */
  lastMonth: number;
  team: { id: number; name: string } | null;
  types: readonly InteractionType[] | undefined;
  scope: TeamScope;
  now: number;
  /** Hide figures a shorter range would give away (custom ranges of staff who are not admins; ./differencing.ts). */
  protectDifferences: boolean;
  /** Also the 12-month trend (served apart from the page, see the overview route). */
  trends?: boolean;
}

export interface CpiTile {
  cpi: CpiKey;
  current: CpiReading | null;
  target: AppliedTarget | undefined;
  baseline: { from: number; to: number; reading: CpiReading | null } | null;
  change: ReturnType<typeof changeSince> | null;
  progress: Progress;
  extra: TileExtra;
}

/** What a tile shows beside the value its target is stated in. */
interface TileExtra {
  /** Content usefulness, decision clarity: share answering 4 or 5. */
  top2?: number;
  /** Value-added interactions: answers of 4 or 5 to "added value", with their rate. */
  valueAdded?: ShareCpi & { count: number };
  turnaround?: { p90: number; withinSla: number; lower: number; upper: number; slaHours: number } & Partial<Clustering>;
}

function tileExtra(g: CpiGroup | undefined, cpi: CpiKey): TileExtra {
  if (!g || g.suppressed) return {};
  if (cpi === 'contentUseful' || cpi === 'decisionClearer') return g[cpi] ? { top2: g[cpi].top2 } : {};
  if (cpi === 'addedValue' && g.addedValue && g.valueAddedRate && g.valueAddedCount !== undefined)
    return { valueAdded: { ...g.valueAddedRate, count: g.valueAddedCount } };
  const t = g.quoteTurnaroundHours;
  if (cpi === 'quoteTurnaround' && t)
    return {
      turnaround: {
        p90: t.p90,
        withinSla: t.withinSla,
        lower: t.withinSlaLower,
        upper: t.withinSlaUpper,
        slaHours: t.slaHours,
        designEffect: t.designEffect,
        effectiveN: t.effectiveN,
      },
    };
  return {};
}

export const TEAM_COLUMNS = ['responseRate', ...CPI_KEYS] as const;
export type TeamColumn = (typeof TEAM_COLUMNS)[number];

export interface TeamRow {
  name: string;
  group: CpiGroup;
  /** Columns hidden as second cells (the group itself is shown). */
  hidden: Set<TeamColumn>;
}

export interface OverviewData {
  settings: Settings;
  current: CpiGroup | undefined;
  tiles: CpiTile[];
  /** Only when asked for (`trends`). */
  series?: SeriesPoint[];
  teams: TeamRow[];
  total: CpiGroup | undefined;
}

/** The n a team's column rests on; null when hidden with an unknown n. */
function columnN(g: CpiGroup, column: TeamColumn): number | null {
  if (g.suppressed) return g.n === 0 ? 0 : column === 'responseRate' ? g.n : null;
  if (column === 'responseRate') return g.responseRate === null ? 0 : g.invited;
  const reading = readCpi(g, column);
  return reading ? reading.n : null;
}

const columnShown = (g: CpiGroup | undefined, column: TeamColumn) =>
  g !== undefined &&
  !g.suppressed &&
  (column === 'responseRate' ? g.responseRate !== null : readCpi(g, column) !== null);

export function protectTeams(groups: CpiGroup[], total: CpiGroup | undefined): TeamRow[] {
  const rows: TeamRow[] = groups.map((g) => ({ name: g.name, group: g, hidden: new Set() }));
  for (const column of TEAM_COLUMNS) {
    const cells = rows.map((r, i) => ({ key: i, n: columnN(r.group, column), hidden: !columnShown(r.group, column) }));
    for (const i of complementarySuppression(cells, columnShown(total, column))) rows[i]!.hidden.add(column);
  }
  return rows;
}

export async function computeOverview(db: Drizzle, q: OverviewQuery): Promise<OverviewData> {
  const base = { now: q.now, types: q.types, scope: q.scope, protectDifferences: q.protectDifferences };
  const teamName = q.team?.name;
  // The selected team (or all), the teams, and the total: one read of the period.
  const [targets, [currentResult, byTeam, totalResult], series] = await Promise.all([
    getTargets(db),
    computeCpiGroupings(db, { ...base, period: q.period }, [
      { groupBy: 'org', team: teamName },
      { groupBy: 'team' },
      { groupBy: 'org' },
    ]),
    q.trends
      ? computeCpiSeries(db, { ...base, fromMonth: addMonths(q.lastMonth, -11), toMonth: q.lastMonth, team: teamName })
      : undefined,
  ]);
  const current = currentResult!.groups[0];
  const total = totalResult!.groups[0];

  const applied = new Map(CPI_KEYS.map((cpi) => [cpi, appliedTarget(targets, cpi, q.team?.id ?? null)]));
  // One computation per distinct baseline period (usually one for all CPIs).
  const baselinePeriods = new Map<string, Period>();
  for (const a of applied.values())
    if (a?.baseline) baselinePeriods.set(`${a.baseline.from}-${a.baseline.to}`, a.baseline);
  const baselineGroups = new Map<string, CpiGroup | undefined>();
  await Promise.all(
    [...baselinePeriods].map(async ([key, period]) => {
      const result = await computeCpis(db, {
        ...base,
        period,
        groupBy: 'org',
        ...(teamName ? { team: teamName } : {}),
      });
      baselineGroups.set(key, result.groups[0]);
    }),
  );

  const tiles = CPI_KEYS.map((cpi): CpiTile => {
    const target = applied.get(cpi);
    const reading = readCpi(current, cpi);
    const b = target?.baseline;
    const baselineReading = b ? readCpi(baselineGroups.get(`${b.from}-${b.to}`), cpi) : null;
    return {
      cpi,
      current: reading,
      target,
      baseline: b ? { ...b, reading: baselineReading } : null,
      change: reading && baselineReading ? changeSince(reading, baselineReading) : null,
      progress: progressTowardTarget(
        cpi,
        baselineReading?.value ?? null,
        reading?.value ?? null,
        target?.target ?? null,
      ),
      extra: tileExtra(current, cpi),
    };
  });

  return {
    settings: currentResult!.settings,
    current,
    tiles,
    ...(series ? { series } : {}),
    teams: protectTeams(byTeam!.groups, total),
    total,
  };
}
