import { extent, linearScale, niceTicks } from './scale';

interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  yLow?: number | null;
  yHigh?: number | null;
  /** A class suffix to colour the point (e.g. a quadrant). */
  kind?: string;
}

export interface ScatterChartProps {
  points: ScatterPoint[];
  xLabel: string;
  yLabel: string;
  /** Dividing lines (e.g. proficiency target, mean importance). */
  xLine?: number;
  yLine?: number;
  /** Labels of the four quadrants: top-left, top-right, bottom-left, bottom-right. */
  quadrants?: [string, string, string, string];
  xDomain?: [number, number];
  yDomain?: [number, number];
  format?: { x: (v: number) => string; y: (v: number) => string };
  label: string;
}

const W = 560;
const H = 360;
const M = { top: 16, right: 16, bottom: 44, left: 52 };

/** Points with vertical intervals, optional quadrant lines and labels. */
export function ScatterChart(p: ScatterChartProps) {
  const xd = p.xDomain ?? extent([...p.points.map((q) => q.x), p.xLine], [0, 1]);
  const yd = p.yDomain ?? extent([...p.points.flatMap((q) => [q.y, q.yLow, q.yHigh]), p.yLine], [0, 1]);
  const x = linearScale(xd, [M.left, W - M.right]);
  const y = linearScale(yd, [H - M.bottom, M.top]);
  const fx = p.format?.x ?? ((v: number) => String(v));
  const fy = p.format?.y ?? ((v: number) => String(v));
  return (
    <svg class="scatter" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.label}>
      {niceTicks(yd[0], yd[1], 4).map((t) => (
        <g class="grid">
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text x={M.left - 6} y={y(t) + 4} text-anchor="end">
            {fy(t)}
          </text>
        </g>
      ))}
      {niceTicks(xd[0], xd[1], 5).map((t) => (
        <text class="axis-label" x={x(t)} y={H - M.bottom + 16} text-anchor="middle">
          {fx(t)}
        </text>
      ))}
      <text class="axis-title" x={(M.left + W - M.right) / 2} y={H - 6} text-anchor="middle">
        {p.xLabel}
      </text>
      <text
        class="axis-title"
        x={14}
        y={(M.top + H - M.bottom) / 2}
        text-anchor="middle"
        transform={`rotate(-90 14 ${(M.top + H - M.bottom) / 2})`}
      >
        {p.yLabel}
      </text>
      {p.xLine !== undefined && <line class="divider" x1={x(p.xLine)} x2={x(p.xLine)} y1={M.top} y2={H - M.bottom} />}
      {p.yLine !== undefined && <line class="divider" x1={M.left} x2={W - M.right} y1={y(p.yLine)} y2={y(p.yLine)} />}
      {p.quadrants && (
        <g class="quadrant-labels">
          <text x={M.left + 6} y={M.top + 14}>
            {p.quadrants[0]}
          </text>
          <text x={W - M.right - 6} y={M.top + 14} text-anchor="end">
            {p.quadrants[1]}
          </text>
          <text x={M.left + 6} y={H - M.bottom - 8}>
            {p.quadrants[2]}
          </text>
          <text x={W - M.right - 6} y={H - M.bottom - 8} text-anchor="end">
            {p.quadrants[3]}
          </text>
        </g>
      )}
      {p.points.map((q) => (
        <g class={`dot ${q.kind ? `dot-${q.kind}` : ''}`}>
          {q.yLow !== null && q.yLow !== undefined && q.yHigh !== null && q.yHigh !== undefined && (
            <line class="whisker" x1={x(q.x)} x2={x(q.x)} y1={y(q.yLow)} y2={y(q.yHigh)} />
          )}
          <circle cx={x(q.x)} cy={y(q.y)} r={5} />
          <text x={x(q.x) + 8} y={y(q.y) + 4}>
            {q.label}
          </text>
          <title>{`${q.label}: ${fx(q.x)}, ${fy(q.y)}`}</title>
        </g>
      ))}
    </svg>
  );
}
