import type { StaffT } from '../../../src/lib/i18n/staff';
import {
  HEAT_COLUMNS,
  type HeatCell,
  type HeatColumn,
  type HeatRow,
  type HeatSort,
  type OrgValues,
} from '../../../src/domain/heatmap';
import { cpiShortLabel, cpiLabel } from './labels';
import type { Formats } from './format';
import { unitOf } from '../format';

export interface HeatmapTableProps {
  t: StaffT;
  f: Formats;
  rows: HeatRow[];
  org: OrgValues;
  orgLabel: string;
  sort: HeatSort;
  dir: 'asc' | 'desc';
  /** The URL of the heatmap sorted by a column (filters kept). */
  sortHref: (sort: HeatSort, dir: 'asc' | 'desc') => string;
  minResponses: number;
  slaHours: number;
}

const NUMERIC_FIRST: HeatSort[] = ['n', ...HEAT_COLUMNS];

function SortHeader({
  p,
  sort,
  label,
  title,
}: {
  p: HeatmapTableProps;
  sort: HeatSort;
  label: string;
  title?: string;
}) {
  const current = p.sort === sort;
  const next: 'asc' | 'desc' = current
    ? p.dir === 'asc'
      ? 'desc'
      : 'asc'
    : NUMERIC_FIRST.includes(sort)
      ? 'desc'
      : 'asc';
  const href = p.sortHref(sort, next);
  return (
    <th
      scope="col"
      class={sort === 'name' || sort === 'team' ? undefined : 'num'}
      aria-sort={current ? (p.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <a href={href} hx-get={href} hx-target="#reps-results" hx-push-url="true" title={title}>
        {label}
        <span class="visually-hidden">{p.t(next === 'asc' ? 'wsSortAscending' : 'wsSortDescending')}</span>
        {current && (
          <span class="sort-mark" aria-hidden="true">
            {p.dir === 'asc' ? ' ▲' : ' ▼'}
          </span>
        )}
      </a>
    </th>
  );
}

function tipText(p: HeatmapTableProps, column: HeatColumn, cell: HeatCell): string {
  const { t, f } = p;
  if (cell.level === 'hidden') return t('wsHeatHiddenTip');
  if (cell.level === 'suppressed')
    return cell.n !== null && cell.n > 0 && column === 'responseRate'
      ? t('wsHeatSuppressedTipN', { min: p.minResponses, n: f.int(cell.n) })
      : t('wsHeatSuppressedTip', { min: p.minResponses });
  const n = f.int(cell.n ?? 0);
  if (column === 'responseRate')
    return t('wsHeatRateTip', {
      pct: f.pct(cell.raw ?? 0),
      range: f.range('rate', cell.lower ?? 0, cell.upper ?? 0),
      n,
      org: p.org.responseRate === null ? '—' : f.pct(p.org.responseRate),
    });
  if (column === 'quoteTurnaround')
    return t('wsHeatTurnaroundTip', {
      median: f.value('hours', cell.raw ?? 0),
      p90: f.value('hours', cell.p90 ?? 0),
      hours: f.int(p.slaHours),
      pct: f.pct(cell.withinSla ?? 0),
      range: f.range('rate', cell.lower ?? 0, cell.upper ?? 0),
      n,
      org: p.org.quoteTurnaround === null ? '—' : f.pct(p.org.quoteTurnaround),
    });
  const unit = unitOf(column);
  const org = p.org[column];
  return t('wsHeatTip', {
    shrunk: f.value(unit, cell.shown ?? 0),
    raw: f.value(unit, cell.raw ?? 0),
    range: f.range(unit, cell.lower ?? 0, cell.upper ?? 0),
    n,
    org: org === null ? '—' : f.value(unit, org),
  });
}

function levelText(t: StaffT, cell: HeatCell): string {
  return cell.level === 'better'
    ? t('wsHeatBetter')
    : cell.level === 'worse'
      ? t('wsHeatWorse')
      : cell.level === 'similar'
        ? t('wsHeatSimilar')
        : '';
}

function Cell({ p, row, column }: { p: HeatmapTableProps; row: HeatRow; column: HeatColumn }) {
  const cell = row.cells[column];
  const tip = `tip-${row.id}-${column}`;
  const shown =
    cell.level === 'suppressed'
      ? p.t('notEnoughResponses')
      : cell.level === 'hidden'
        ? p.t('wsHiddenCell')
        : p.f.value(column === 'responseRate' ? 'rate' : unitOf(column), cell.shown ?? 0);
  return (
    <td class={`heat heat-${cell.level}`} tabindex={0} aria-describedby={tip}>
      <span class="heat-value">{shown}</span>
      {(cell.level === 'better' || cell.level === 'worse') && (
        <span class="heat-glyph" aria-hidden="true">
          {cell.level === 'better' ? '▲' : '▼'}
        </span>
      )}
      {levelText(p.t, cell) && <span class="visually-hidden">{`, ${levelText(p.t, cell)}`}</span>}
      <span class="heat-tip" role="tooltip" id={tip}>
        {tipText(p, column, cell)}
      </span>
    </td>
  );
}

/** Reps × CPIs: shrunk values coloured against the org value; raw estimate, interval and n on hover and focus. */
export function HeatmapTable(p: HeatmapTableProps) {
  const { t, f } = p;
  if (p.rows.length === 0) return <p class="muted">{t('wsNoReps')}</p>;
  const orgCell = (column: HeatColumn) => {
    const v = column === 'quoteTurnaround' ? p.org.turnaroundMedian : p.org[column];
    return v === null ? t('notEnoughResponses') : f.value(column === 'responseRate' ? 'rate' : unitOf(column), v);
  };
  return (
    <div class="table-wrap ws-heat-wrap">
      <table class="ws-heatmap">
        <caption class="visually-hidden">{t('wsHeatmapCaption')}</caption>
        <thead>
          <tr>
            <SortHeader p={p} sort="name" label={t('wsRep')} />
            <SortHeader p={p} sort="team" label={t('team')} />
            <SortHeader p={p} sort="n" label={t('wsResponses')} />
            {HEAT_COLUMNS.map((c) => (
              <SortHeader p={p} sort={c} label={cpiShortLabel(t, c)} title={cpiLabel(t, c)} />
            ))}
          </tr>
          <tr class="ws-org-row">
            <th scope="row" colspan={3}>
              {p.orgLabel}
            </th>
            {HEAT_COLUMNS.map((c) => (
              <td class="num">{orgCell(c)}</td>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={`/reps/${row.id}`}>{row.name}</a>
                {!row.active && <span class="badge badge-muted ws-former">{t('wsFormerRep')}</span>}
              </th>
              <td>{row.team ?? t('noTeam')}</td>
              <td class="num">{f.int(row.n)}</td>
              {HEAT_COLUMNS.map((c) => (
                <Cell p={p} row={row} column={c} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
