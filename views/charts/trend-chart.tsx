import {
  bandPaths,
  CHART_RANGES,
  type ChartRange,
  chartFont,
  extent,
  hideIn,
  largestFont,
  linePath,
  linearScale,
  niceTicks,
  textWidth,
  thinLabels,
} from './scale';

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
const H = 240;
/** Room above and below the plot for the largest text (a phone): tick values sit above their line, months below. */
const FONT = largestFont(W);
const M = { top: Math.ceil(FONT * 1.2), right: 8, bottom: Math.ceil(FONT * 1.2 + 12), left: 8 };

/** Per tick, the ranges whose font is too large for every tick: every other (or k-th) value is hidden there. */
function thinTicks(count: number, spacing: number): ChartRange[][] {
  return Array.from({ length: count }, (_, i) =>
    CHART_RANGES.filter(({ min }) => i % Math.max(1, Math.ceil((1.3 * chartFont(W, min)) / spacing)) !== 0).map(
      ({ range }) => range,
    ),
  );
}

/** Where the target's and the baseline's names go: the upper line's above it, the lower's below it when there is room. */
function lineLabelYs(target: number | undefined, baseline: number | undefined) {
  const room = FONT * 1.2;
  const bottom = H - M.bottom;
  const place = (y: number, upper: boolean) => (upper || y + room > bottom ? y - 4 : y + room - 4);
  if (target === undefined || baseline === undefined)
    return { target: target === undefined ? 0 : target - 4, baseline: baseline === undefined ? 0 : baseline - 4 };
  let t = place(target, target <= baseline);
  let b = place(baseline, baseline < target);
  if (Math.abs(t - b) < room) {
    if (t <= b) t = b - room;
    else b = t - room;
  }
  return { target: Math.max(FONT, t), baseline: Math.max(FONT, b) };
}

/**
 * A CPI over time: the estimate as a line, its interval as a band, target and baseline as lines.
 * Text stays 11 px or more at every width (scale.ts, "Chart text on a phone"): values sit inside
 * the plot above their grid line, and month labels thin out (every k-th month) where the chart is narrow.
 */
export function TrendChart(p: TrendChartProps) {
  const n = p.points.length;
  const x = linearScale([0, Math.max(1, n - 1)], [M.left, W - M.right]);
  const domain =
    p.yDomain ?? extent([...p.points.flatMap((q) => [q.lower, q.upper, q.value]), p.target, p.baseline], [0, 1]);
  const y = linearScale(domain, [H - M.bottom, M.top]);
  const ticks = niceTicks(domain[0], domain[1], 4);
  const tickHidden = thinTicks(ticks.length, ticks.length > 1 ? Math.abs(y(ticks[0]!) - y(ticks[1]!)) : H);
  const line = linePath(p.points.map((q, i) => (q.value === null ? null : { x: x(i), y: y(q.value) })));
  const bands = bandPaths(
    p.points.map((q, i) =>
      q.value === null || q.lower === null || q.upper === null
        ? null
        : { x: x(i), lower: y(q.lower), upper: y(q.upper) },
    ),
  );
  const longest = Math.max(1, ...p.points.map((q) => q.label.length));
  const monthHidden = thinLabels(n, W - M.left - M.right, W, longest);
  const half = textWidth('x'.repeat(longest), FONT) / 2;
  const anchor = (i: number) =>
    n > 1 && x(i) - half < M.left ? 'start' : n > 1 && x(i) + half > W - M.right ? 'end' : 'middle';
  const hasTarget = p.target !== null && p.target !== undefined;
  const hasBaseline = p.baseline !== null && p.baseline !== undefined;
  const labelY = lineLabelYs(hasTarget ? y(p.target!) : undefined, hasBaseline ? y(p.baseline!) : undefined);
  return (
    <svg
      class="trend chart-svg"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={p.label}
      preserveAspectRatio="xMidYMid meet"
    >
      {ticks.map((t) => (
        <line class="gridline" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
      ))}
      {bands.map((d) => (
        <path class="band" d={d} />
      ))}
      {p.points.map((q, i) =>
        monthHidden[i]!.length === CHART_RANGES.length ? null : (
          <text
            class={['axis-label', hideIn(monthHidden[i]!)].join(' ').trim()}
            x={x(i)}
            y={H - 8}
            text-anchor={anchor(i)}
          >
            {q.label}
          </text>
        ),
      )}
      {hasBaseline && (
        <g class="baseline">
          <line x1={M.left} x2={W - M.right} y1={y(p.baseline!)} y2={y(p.baseline!)} />
          <text x={W - M.right} y={labelY.baseline} text-anchor="end">
            {p.baselineLabel}
          </text>
        </g>
      )}
      {hasTarget && (
        <g class="target">
          <line x1={M.left} x2={W - M.right} y1={y(p.target!)} y2={y(p.target!)} />
          <text x={W - M.right} y={labelY.target} text-anchor="end">
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
      {ticks.map((t, i) => (
        <text class={['tick-value', hideIn(tickHidden[i]!)].join(' ').trim()} x={M.left + 2} y={y(t) - 4}>
          {p.format(t)}
        </text>
      ))}
    </svg>
  );
}
