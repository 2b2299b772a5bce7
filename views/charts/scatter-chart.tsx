import { CHART_RANGES, chartFont, extent, hideIn, largestFont, linearScale, niceTicks, textWidth } from './scale';

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
/** Room for the largest text (a phone, scale.ts): values left of the plot, the y title above it, the x title below. */
const FONT = largestFont(W);
const LINE = Math.ceil(FONT * 1.2);
const M = { top: LINE + 6, right: 12, bottom: 2 * LINE + 6, left: Math.ceil(textWidth('0.00', FONT)) + 8 };
/** Point names and quadrant names show where the chart is wide; on a phone the table below the chart names the points. */
const POINT_NAMES_HIDDEN = hideIn(['m', 's', 'xs']);
const QUADRANTS_HIDDEN = hideIn(['s', 'xs']);
/** The font of the widest range that shows point names (their collisions are checked at it). */
const POINT_FONT = chartFont(W, CHART_RANGES.find((r) => r.range === 'w')!.min);

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
/** A text's box at `font` from its anchor point. */
function textBox(text: string, x: number, y: number, anchor: 'start' | 'end', font: number): Box {
  const w = textWidth(text, font);
  const x0 = anchor === 'start' ? x : x - w;
  return { x0, x1: x0 + w, y0: y - font, y1: y + font * 0.3 };
}

/**
 * Where each point's name goes: right of the point, else left, above or below, the first
 * place that overlaps no name placed before and no quadrant name; none where all do (the
 * point keeps its name in its tooltip and in the table).
 */
function placeNames(
  points: { label: string; px: number; py: number }[],
  taken: Box[],
): ({ x: number; y: number; anchor: 'start' | 'end' } | null)[] {
  const placed = [...taken];
  return points.map(({ label, px, py }) => {
    const options: { x: number; y: number; anchor: 'start' | 'end' }[] = [
      { x: px + 8, y: py + 4, anchor: 'start' },
      { x: px - 8, y: py + 4, anchor: 'end' },
      { x: px + 4, y: py - 8, anchor: 'start' },
      { x: px + 4, y: py + POINT_FONT + 6, anchor: 'start' },
    ];
    for (const o of options) {
      const box = textBox(label, o.x, o.y, o.anchor, POINT_FONT);
      if (box.x0 < 0 || box.x1 > W || box.y0 < 0 || box.y1 > H - M.bottom) continue;
      if (placed.some((b) => overlaps(b, box))) continue;
      placed.push(box);
      return o;
    }
    return null;
  });
}

/** Points with vertical intervals, optional quadrant lines and labels. */
export function ScatterChart(p: ScatterChartProps) {
  const xd = p.xDomain ?? extent([...p.points.map((q) => q.x), p.xLine], [0, 1]);
  const yd = p.yDomain ?? extent([...p.points.flatMap((q) => [q.y, q.yLow, q.yHigh]), p.yLine], [0, 1]);
  const x = linearScale(xd, [M.left, W - M.right]);
  const y = linearScale(yd, [H - M.bottom, M.top]);
  const fx = p.format?.x ?? ((v: number) => String(v));
  const fy = p.format?.y ?? ((v: number) => String(v));
  const quadrantAt: [number, number, 'start' | 'end'][] = [
    [M.left + 6, M.top + POINT_FONT + 2, 'start'],
    [W - M.right - 6, M.top + POINT_FONT + 2, 'end'],
    [M.left + 6, H - M.bottom - 8, 'start'],
    [W - M.right - 6, H - M.bottom - 8, 'end'],
  ];
  const quadrantBoxes = p.quadrants
    ? p.quadrants.map((q, i) => textBox(q, quadrantAt[i]![0], quadrantAt[i]![1], quadrantAt[i]![2], POINT_FONT))
    : [];
  const names = placeNames(
    p.points.map((q) => ({ label: q.label, px: x(q.x), py: y(q.y) })),
    quadrantBoxes,
  );
  const xTicks = niceTicks(xd[0], xd[1], 4);
  const xAnchor = (t: number) => {
    const half = textWidth(fx(t), FONT) / 2;
    return x(t) + half > W ? 'end' : 'middle';
  };
  return (
    <svg class="scatter chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.label}>
      {niceTicks(yd[0], yd[1], 4).map((t) => (
        <g class="grid">
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text x={M.left - 6} y={y(t) + 4} text-anchor="end">
            {fy(t)}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text class="axis-label" x={x(t)} y={H - M.bottom + LINE} text-anchor={xAnchor(t)}>
          {fx(t)}
        </text>
      ))}
      <text class="axis-title" x={(M.left + W - M.right) / 2} y={H - 8} text-anchor="middle">
        {p.xLabel}
      </text>
      <text class="axis-title" x={4} y={LINE - 6}>
        {p.yLabel}
      </text>
      {p.xLine !== undefined && <line class="divider" x1={x(p.xLine)} x2={x(p.xLine)} y1={M.top} y2={H - M.bottom} />}
      {p.yLine !== undefined && <line class="divider" x1={M.left} x2={W - M.right} y1={y(p.yLine)} y2={y(p.yLine)} />}
      {p.quadrants && (
        <g class={['quadrant-labels', QUADRANTS_HIDDEN].join(' ')}>
          {p.quadrants.map((q, i) => (
            <text x={quadrantAt[i]![0]} y={quadrantAt[i]![1]} text-anchor={quadrantAt[i]![2]}>
              {q}
            </text>
          ))}
        </g>
      )}
      {p.points.map((q, i) => {
        const name = names[i];
        return (
          <g class={`dot ${q.kind ? `dot-${q.kind}` : ''}`}>
            {q.yLow !== null && q.yLow !== undefined && q.yHigh !== null && q.yHigh !== undefined && (
              <line class="whisker" x1={x(q.x)} x2={x(q.x)} y1={y(q.yLow)} y2={y(q.yHigh)} />
            )}
            <circle cx={x(q.x)} cy={y(q.y)} r={5} />
            {name && (
              <text class={POINT_NAMES_HIDDEN} x={name.x} y={name.y} text-anchor={name.anchor}>
                {q.label}
              </text>
            )}
            <title>{`${q.label}: ${fx(q.x)}, ${fy(q.y)}`}</title>
          </g>
        );
      })}
    </svg>
  );
}
