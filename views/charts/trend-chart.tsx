import { bandPaths, extent, linePath, linearScale, niceTicks } from './scale';

export interface TrendPoint {
  /** Short label on the x axis (e.g. "2026-03"). */
  label: string;
  /** Null when the bucket is suppressed (not enough responses): the line breaks there. */
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export interface TrendMarker {
  /** Index of the bucket the event falls in. */
  index: number;
  label: string;
  kind: 'course' | 'assessment' | 'coaching';
}

export interface TrendChartProps {
  points: TrendPoint[];
  target?: number | null | undefined;
  baseline?: number | null | undefined;
  yDomain?: [number, number];
  format: (v: number) => string;
  markers?: TrendMarker[];
  /** Accessible name of the SVG (the figure carries the visible title). */
  label: string;
  targetLabel?: string;
  baselineLabel?: string;
}

const W = 640;
const H = 220;
const M = { top: 12, right: 16, bottom: 34, left: 44 };

/** A CPI over time: the estimate as a line, its interval as a band, target and baseline as lines. */
export function TrendChart(p: TrendChartProps) {
  const n = p.points.length;
  const x = linearScale([0, Math.max(1, n - 1)], [M.left, W - M.right]);
  const domain =
    p.yDomain ?? extent([...p.points.flatMap((q) => [q.lower, q.upper, q.value]), p.target, p.baseline], [0, 1]);
  const y = linearScale(domain, [H - M.bottom, M.top]);
  const ticks = niceTicks(domain[0], domain[1], 4);
  const line = linePath(p.points.map((q, i) => (q.value === null ? null : { x: x(i), y: y(q.value) })));
  const bands = bandPaths(
    p.points.map((q, i) =>
      q.value === null || q.lower === null || q.upper === null
        ? null
        : { x: x(i), lower: y(q.lower), upper: y(q.upper) },
    ),
  );
  const every = Math.max(1, Math.ceil(n / 8));
  return (
    <svg class="trend" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.label} preserveAspectRatio="xMidYMid meet">
      {ticks.map((t) => (
        <g class="grid">
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text x={M.left - 6} y={y(t) + 4} text-anchor="end">
            {p.format(t)}
          </text>
        </g>
      ))}
      {p.points.map((q, i) =>
        i % every === 0 || i === n - 1 ? (
          <text
            class="axis-label"
            x={x(i)}
            y={H - 12}
            text-anchor={i === n - 1 && n > 1 ? 'end' : i === 0 && n > 1 ? 'start' : 'middle'}
          >
            {q.label}
          </text>
        ) : null,
      )}
      {bands.map((d) => (
        <path class="band" d={d} />
      ))}
      {p.baseline !== null && p.baseline !== undefined && (
        <g class="baseline">
          <line x1={M.left} x2={W - M.right} y1={y(p.baseline)} y2={y(p.baseline)} />
          <text x={W - M.right} y={y(p.baseline) - 4} text-anchor="end">
            {p.baselineLabel}
          </text>
        </g>
      )}
      {p.target !== null && p.target !== undefined && (
        <g class="target">
          <line x1={M.left} x2={W - M.right} y1={y(p.target)} y2={y(p.target)} />
          <text x={W - M.right} y={y(p.target) - 4} text-anchor="end">
            {p.targetLabel}
          </text>
        </g>
      )}
      <path class="line" d={line} />
      {p.points.map((q, i) => (q.value === null ? null : <circle class="point" cx={x(i)} cy={y(q.value)} r={3} />))}
      {(p.markers ?? []).map((m) => (
        <g class={`marker marker-${m.kind}`}>
          <line x1={x(m.index)} x2={x(m.index)} y1={M.top} y2={H - M.bottom} />
          <title>{m.label}</title>
        </g>
      ))}
    </svg>
  );
}
