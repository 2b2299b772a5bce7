import { extent, largestFont, linearScale, niceTicks, textWidth } from './scale';

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
/** Room for the largest text (a phone, scale.ts): each row's name sits on its own line above the row's dots. */
const FONT = largestFont(W);
const LINE = Math.ceil(FONT * 1.2);
const ROW = LINE + 22;
const M = { top: 4, right: 12, bottom: LINE + 14, left: 12 };
const MAX_LABEL = Math.floor((W - M.left - M.right) / textWidth('x', FONT));

/** One row per item: its name, then a dot with its interval, optionally beside a second (hollow) dot with its interval. */
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
  const rowTop = (i: number) => M.top + ROW * i;
  const dotY = (i: number) => rowTop(i) + LINE + 9;
  const seg = (cls: string, y: number, v: { value: number | null; lower: number | null; upper: number | null }) =>
    v.value === null ? null : (
      <g class={cls}>
        {v.lower !== null && v.upper !== null && <line class="whisker" x1={x(v.lower)} x2={x(v.upper)} y1={y} y2={y} />}
        <circle cx={x(v.value)} cy={y} r={4.5} />
      </g>
    );
  const ticks = niceTicks(domain[0], domain[1], 4);
  const tickAnchor = (t: number) => {
    const half = textWidth(p.format(t), FONT) / 2;
    return x(t) - half < 0 ? 'start' : x(t) + half > W ? 'end' : 'middle';
  };
  return (
    <svg class="intervals chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.label}>
      {ticks.map((t) => (
        <g class="grid">
          <line x1={x(t)} x2={x(t)} y1={M.top} y2={H - M.bottom} />
          <text x={x(t)} y={H - 8} text-anchor={tickAnchor(t)}>
            {p.format(t)}
          </text>
        </g>
      ))}
      {p.reference !== null && p.reference !== undefined && (
        <line class="reference" x1={x(p.reference)} x2={x(p.reference)} y1={M.top} y2={H - M.bottom} />
      )}
      {p.rows.map((r, i) => (
        <g class="row">
          <text class="row-label" x={M.left} y={rowTop(i) + LINE - 4}>
            {r.label.length > MAX_LABEL ? `${r.label.slice(0, MAX_LABEL - 1)}…` : r.label}
          </text>
          {r.compare && seg('compare', dotY(i) - 5, r.compare)}
          {seg('estimate', r.compare ? dotY(i) + 5 : dotY(i), r)}
        </g>
      ))}
    </svg>
  );
}
