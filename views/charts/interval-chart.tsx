import { extent, linearScale, niceTicks } from './scale';

interface IntervalRow {
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** A second estimate on the same row (e.g. "before" against "after"). */
  compare?: { value: number | null; lower: number | null; upper: number | null } | undefined;
}

export interface IntervalChartProps {
  rows: IntervalRow[];
  reference?: number | null;
  domain?: [number, number];
  format: (v: number) => string;
  label: string;
  legend?: { value: string; compare?: string };
}

const W = 600;
const ROW = 26;
const M = { top: 8, right: 16, bottom: 28, left: 170 };

/** One row per item: a dot with its interval, optionally beside a second (hollow) dot with its interval. */
export function IntervalChart(p: IntervalChartProps) {
  const H = M.top + M.bottom + ROW * Math.max(1, p.rows.length);
  const domain =
    p.domain ??
    extent(
      [
        ...p.rows.flatMap((r) => [r.lower, r.upper, r.value, r.compare?.lower, r.compare?.upper, r.compare?.value]),
        p.reference,
      ],
      [0, 1],
    );
  const x = linearScale(domain, [M.left, W - M.right]);
  const rowY = (i: number) => M.top + ROW * i + ROW / 2;
  const seg = (cls: string, y: number, v: { value: number | null; lower: number | null; upper: number | null }) =>
    v.value === null ? null : (
      <g class={cls}>
        {v.lower !== null && v.upper !== null && <line class="whisker" x1={x(v.lower)} x2={x(v.upper)} y1={y} y2={y} />}
        <circle cx={x(v.value)} cy={y} r={4.5} />
      </g>
    );
  return (
    <svg class="intervals" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.label}>
      {niceTicks(domain[0], domain[1], 5).map((t) => (
        <g class="grid">
          <line x1={x(t)} x2={x(t)} y1={M.top} y2={H - M.bottom} />
          <text x={x(t)} y={H - 10} text-anchor="middle">
            {p.format(t)}
          </text>
        </g>
      ))}
      {p.reference !== null && p.reference !== undefined && (
        <line class="reference" x1={x(p.reference)} x2={x(p.reference)} y1={M.top} y2={H - M.bottom} />
      )}
      {p.rows.map((r, i) => (
        <g class="row">
          <text class="row-label" x={M.left - 8} y={rowY(i) + 4} text-anchor="end">
            {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
          </text>
          {r.compare && seg('compare', rowY(i) - 5, r.compare)}
          {seg('estimate', r.compare ? rowY(i) + 5 : rowY(i), r)}
        </g>
      ))}
    </svg>
  );
}
