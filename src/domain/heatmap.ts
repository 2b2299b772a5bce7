/**
 * The reps × CPIs heatmap: each rep's shrunk CPI (so a rep with 6 answers is not ranked
 * first by luck), compared with the org value through its posterior interval — "better"
 * or "worse" only when the whole interval is on one side, else "similar". Quote turnaround
 * is compared by the share within the SLA (higher is better), response rate by its Wilson
 * interval. Cells below the minimum n are suppressed, and second cells hidden so that no
 * suppressed cell can be derived from team or org totals.
 */
import type { CpiGroup } from './cpis';
import { wilsonInterval } from '../stats';
import { hierarchicalSuppression } from './suppression';

export const HEAT_COLUMNS = [
  'fcr',
  'contentUseful',
  'decisionClearer',
  'addedValue',
  'quoteTurnaround',
  'responseRate',
] as const;
export type HeatColumn = (typeof HEAT_COLUMNS)[number];
export const HEAT_SORTS = ['name', 'team', 'n', ...HEAT_COLUMNS] as const;
export type HeatSort = (typeof HEAT_SORTS)[number];

type HeatLevel = 'better' | 'worse' | 'similar' | 'suppressed' | 'hidden';

export interface HeatCell {
  /** What the cell shows: the shrunk estimate (turnaround: median hours; response rate: the rate). */
  shown: number | null;
  /** The raw estimate and its interval (hover and focus). */
  raw: number | null;
  lower: number | null;
  upper: number | null;
  /** Answers (turnaround: quotes; response rate: invitations) the figure rests on; null when unknown. */
  n: number | null;
  level: HeatLevel;
  /** Quote turnaround only. */
  p90?: number;
  withinSla?: number;
}

export interface HeatRep {
  id: number;
  email: string;
  name: string;
  team: string | null;
  active: boolean;
}

export interface HeatRow extends HeatRep {
  n: number;
  cells: Record<HeatColumn, HeatCell>;
}

/** The org value each column is compared with (turnaround: share within SLA), null when suppressed. */
export type OrgValues = Record<HeatColumn, number | null> & { turnaroundMedian: number | null };

const Z = 1.959964;

export function compareWithOrg(lower: number, upper: number, org: number | null): 'better' | 'worse' | 'similar' {
  if (org === null || !Number.isFinite(lower) || !Number.isFinite(upper)) return 'similar';
  if (lower > org) return 'better';
  if (upper < org) return 'worse';
  return 'similar';
}

export function orgValues(org: CpiGroup | undefined): OrgValues {
  const ok = org && !org.suppressed ? org : undefined;
  return {
    fcr: ok?.fcr?.rate ?? null,
    contentUseful: ok?.contentUseful?.mean ?? null,
    decisionClearer: ok?.decisionClearer?.mean ?? null,
    addedValue: ok?.addedValue?.mean ?? null,
    quoteTurnaround: ok?.quoteTurnaroundHours?.withinSla ?? null,
    responseRate: ok?.responseRate ?? null,
    turnaroundMedian: ok?.quoteTurnaroundHours?.median ?? null,
  };
}

const suppressedCell = (n: number | null): HeatCell => ({
  shown: null,
  raw: null,
  lower: null,
  upper: null,
  n,
  level: 'suppressed',
});

function cellsOf(g: CpiGroup | undefined, org: OrgValues): Record<HeatColumn, HeatCell> {
  // Unknown per-CPI n of a suppressed rep, except that no answers at all means none.
  const unknown = g && g.n > 0 ? null : 0;
  if (!g || g.suppressed)
    return Object.fromEntries(
      HEAT_COLUMNS.map((c) => [c, suppressedCell(c === 'responseRate' ? (g?.n ?? 0) : unknown)]),
    ) as Record<HeatColumn, HeatCell>;
  const shrunk = (
    s: { shrunk: number; shrunkSd: number; n: number } & ({ rate: number } | { mean: number }),
    lower: number,
    upper: number,
    orgValue: number | null,
  ): HeatCell => ({
    shown: s.shrunk,
    raw: 'rate' in s ? s.rate : s.mean,
    lower,
    upper,
    n: s.n,
    level: compareWithOrg(s.shrunk - Z * s.shrunkSd, s.shrunk + Z * s.shrunkSd, orgValue),
  });
  const mean = (key: 'contentUseful' | 'decisionClearer' | 'addedValue') => {
    const m = g[key];
    return m ? shrunk(m, m.lower, m.upper, org[key]) : suppressedCell(null);
  };
  const t = g.quoteTurnaroundHours;
  const invited = g.invited;
  const rr =
    g.responseRate !== null && invited > 0 ? wilsonInterval(Math.round(g.responseRate * invited), invited) : null;
  return {
    fcr: g.fcr ? shrunk(g.fcr, g.fcr.lower, g.fcr.upper, org.fcr) : suppressedCell(null),
    contentUseful: mean('contentUseful'),
    decisionClearer: mean('decisionClearer'),
    addedValue: mean('addedValue'),
    quoteTurnaround: t
      ? {
          shown: t.median,
          raw: t.median,
          lower: t.withinSlaLower,
          upper: t.withinSlaUpper,
          n: t.n,
          p90: t.p90,
          withinSla: t.withinSla,
          level: compareWithOrg(t.withinSlaLower, t.withinSlaUpper, org.quoteTurnaround),
        }
      : suppressedCell(null),
    responseRate: rr
      ? {
          shown: rr.estimate,
          raw: rr.estimate,
          lower: rr.lower,
          upper: rr.upper,
          n: invited,
          level: compareWithOrg(rr.lower, rr.upper, org.responseRate),
        }
      : suppressedCell(0),
  };
}

/**
 * One row per rep: the active reps in scope, and former reps with answers in the period
 * (kept in history, marked as former). Second cells are hidden per column within each team
 * (team totals are shown on the overview), then across all rows (the org value is shown).
 */
export function heatmapRows(reps: readonly HeatRep[], groups: readonly CpiGroup[], org: OrgValues): HeatRow[] {
  const byEmail = new Map(groups.map((g) => [g.key, g]));
  const rows = reps
    .filter((r) => r.active || (byEmail.get(r.email)?.n ?? 0) > 0)
    .map((r): HeatRow => {
      const g = byEmail.get(r.email);
      return { ...r, n: g?.n ?? 0, cells: cellsOf(g, org) };
    });
  for (const column of HEAT_COLUMNS) {
    const extra = hierarchicalSuppression(
      rows.map((r, i) => ({
        key: i,
        group: r.team ?? '',
        n: r.cells[column].n,
        hidden: r.cells[column].level === 'suppressed',
      })),
      org[column] !== null,
    );
    // The n stays (it is known, so the org-level pass counts this cell as certainly hidden); the page shows none of it.
    for (const i of extra)
      rows[i]!.cells[column] = {
        shown: null,
        raw: null,
        lower: null,
        upper: null,
        n: rows[i]!.cells[column].n,
        level: 'hidden',
      };
  }
  return rows;
}

/** Sorted by a column's shown value (hidden and suppressed cells always last), then by name. */
export function sortHeatmap(rows: readonly HeatRow[], sort: HeatSort, dir: 'asc' | 'desc'): HeatRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: HeatRow, b: HeatRow) => a.name.localeCompare(b.name);
  const value = (r: HeatRow): number | string | null =>
    sort === 'name' ? r.name : sort === 'team' ? (r.team ?? '') : sort === 'n' ? r.n : r.cells[sort].shown;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    const c = typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb) : Number(va) - Number(vb);
    return c !== 0 ? sign * c : byName(a, b);
  });
}
