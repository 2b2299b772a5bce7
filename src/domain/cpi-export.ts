/**
 * The CPI export of the lead workspace: the figures the overview's by-team table or the
 * reps heatmap show, as CSV rows. Suppressed groups carry their n and "suppressed" and no
 * figures; a CPI hidden as a second cell carries "suppressed" in its place. Raw estimates
 * with their intervals, and the shrunk value for reps (what the heatmap colours). Team and
 * total rows end with each CPI's design effect and effective n (their intervals are
 * cluster-robust; for quote turnaround, the within-SLA share's); appended so that the
 * earlier columns keep their places.
 */
import type { CpiKey } from '../../db/schema';
import type { CpiGroup } from './cpis';
import type { Clustering } from './group-figures';
import type { CsvRow } from '../lib/csv';

export type ExportColumn = CpiKey | 'responseRate';

/** The figures whose design effect and effective n close a row, in this order. */
const CLUSTERED = ['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteWithinSla'] as const;

const round = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toFixed(4));

export const CPI_EXPORT_HEADER = [
  'kind',
  'name',
  'repEmail',
  'team',
  'former',
  'responses',
  'invited',
  'responseRate',
  'status',
  'fcr',
  'fcrLower',
  'fcrUpper',
  'fcrShrunk',
  'fcrN',
  ...(['contentUseful', 'decisionClearer', 'addedValue'] as const).flatMap((c) => [
    c,
    `${c}Lower`,
    `${c}Upper`,
    `${c}Top2`,
    `${c}Shrunk`,
    `${c}N`,
  ]),
  'valueAddedCount',
  'quoteTurnaroundMedianHours',
  'quoteTurnaroundP90Hours',
  'quoteWithinSla',
  'quoteWithinSlaLower',
  'quoteWithinSlaUpper',
  'quotes',
  ...CLUSTERED.flatMap((c) => [`${c}DesignEffect`, `${c}EffectiveN`]),
];

export interface ExportGroup {
  kind: 'rep' | 'team' | 'total';
  name: string;
  repEmail: string | null;
  team: string | null;
  former: boolean | null;
  group: CpiGroup | undefined;
  /** Columns hidden as second cells, or suppressed for the group on the page. */
  hidden: Set<ExportColumn>;
}

const SUPPRESSED = 'suppressed';

export function cpiExportRow(e: ExportGroup): CsvRow {
  const g = e.group;
  const head: CsvRow = [
    e.kind,
    e.name,
    e.repEmail,
    e.team,
    e.former === null ? null : e.former ? 'yes' : 'no',
    g?.n ?? 0,
  ];
  if (!g || g.suppressed)
    return [...head, null, null, SUPPRESSED, ...Array(CPI_EXPORT_HEADER.length - head.length - 3).fill(null)];
  const hide = (c: ExportColumn, width: number, values: () => CsvRow): CsvRow =>
    e.hidden.has(c) ? [SUPPRESSED, ...Array(width - 1).fill(null)] : values();
  const rr: CsvRow = e.hidden.has('responseRate') ? [null, SUPPRESSED] : [g.invited, round(g.responseRate)];
  const fcr = hide('fcr', 5, () =>
    g.fcr
      ? [round(g.fcr.rate), round(g.fcr.lower), round(g.fcr.upper), round(g.fcr.shrunk), g.fcr.n]
      : [SUPPRESSED, null, null, null, null],
  );
  const mean = (c: 'contentUseful' | 'decisionClearer' | 'addedValue') =>
    hide(c, 6, () => {
      const m = g[c];
      return m
        ? [round(m.mean), round(m.lower), round(m.upper), round(m.top2), round(m.shrunk), m.n]
        : [SUPPRESSED, null, null, null, null, null];
    });
  const added = e.hidden.has('addedValue') || !g.addedValue ? [null] : [g.valueAddedCount ?? null];
  const t = g.quoteTurnaroundHours;
  const turnaround = hide('quoteTurnaround', 6, () =>
    t
      ? [round(t.median), round(t.p90), round(t.withinSla), round(t.withinSlaLower), round(t.withinSlaUpper), t.n]
      : [SUPPRESSED, null, null, null, null, null],
  );
  const clustering = (c: ExportColumn, figure: Partial<Clustering> | null | undefined): CsvRow =>
    e.hidden.has(c) || !figure ? [null, null] : [round(figure.designEffect), round(figure.effectiveN)];
  const clustered = [
    ...clustering('fcr', g.fcr),
    ...clustering('contentUseful', g.contentUseful),
    ...clustering('decisionClearer', g.decisionClearer),
    ...clustering('addedValue', g.addedValue),
    ...clustering('quoteTurnaround', t),
  ];
  return [
    ...head,
    ...rr,
    'shown',
    ...fcr,
    ...mean('contentUseful'),
    ...mean('decisionClearer'),
    ...mean('addedValue'),
    ...added,
    ...turnaround,
    ...clustered,
  ];
}
