/** Scales and ticks for the hand-built SVG charts (small, pure, tested). */

export type Scale = (value: number) => number;

export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering [min, max] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

/** The extent of finite values, padded by `pad` of its span, or the fallback when empty. */
export function extent(
  values: (number | null | undefined)[],
  fallback: [number, number],
  pad = 0.05,
): [number, number] {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return fallback;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - span * pad, hi + span * pad];
}

/** Points as an SVG path; a null breaks the line (a suppressed month is not drawn through). */
export function linePath(points: ({ x: number; y: number } | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** A closed band between lower and upper points, one polygon per unbroken run. */
export function bandPaths(points: ({ x: number; lower: number; upper: number } | null)[]): string[] {
  const runs: { x: number; lower: number; upper: number }[][] = [[]];
  for (const p of points) {
    if (p) runs[runs.length - 1]!.push(p);
    else if (runs[runs.length - 1]!.length) runs.push([]);
  }
  return runs
    .filter((run) => run.length > 0)
    .map((run) => {
      const top = run.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.upper.toFixed(1)}`).join('');
      const bottom = [...run]
        .reverse()
        .map((p) => `L${p.x.toFixed(1)},${p.lower.toFixed(1)}`)
        .join('');
      return `${top}${bottom}Z`;
    });
}

/**
 * Chart text on a phone. An SVG scales with its figure, and its text with it, so a chart's
 * font size (in viewBox units) steps up as the figure narrows: within each range below the
 * text is drawn at 11 px or more. public/app.css holds the same ranges as container queries
 * on `figure.chart` (font sizes `11px × viewBox width / min`, and the `hide-<range>` classes).
 */
export type ChartRange = 'xl' | 'w' | 'm' | 's' | 'xs';
export const CHART_RANGES: readonly { range: ChartRange; min: number }[] = [
  { range: 'xl', min: 900 },
  { range: 'w', min: 600 },
  { range: 'm', min: 440 },
  { range: 's', min: 330 },
  { range: 'xs', min: 250 },
];
const CHART_TEXT_PX = 11;

/** Font size in viewBox units for a chart `viewBoxWidth` wide drawn in a figure at least `min` px wide. */
export const chartFont = (viewBoxWidth: number, min: number) => (CHART_TEXT_PX * viewBoxWidth) / min;

/** The largest font a chart uses (its narrowest range): room for labels is made for this. */
export const largestFont = (viewBoxWidth: number) => chartFont(viewBoxWidth, CHART_RANGES.at(-1)!.min);

/** A generous estimate of a label's width (system-ui digits and letters are about 0.55 em). */
export const textWidth = (text: string, font: number) => text.length * font * 0.62;

/** The class that hides an element in the given ranges (public/app.css). */
export const hideIn = (ranges: ChartRange[]) => ranges.map((r) => `hide-${r}`).join(' ') || undefined;

/**
 * Which of `n` evenly spaced labels (the last always among them) to show in each range so none
 * overlap: every k-th from the end, k the smallest step that leaves room for the longest label.
 * Returns, per label index, the ranges it is hidden in.
 */
export function thinLabels(n: number, plotWidth: number, viewBoxWidth: number, longest: number): ChartRange[][] {
  const hidden: ChartRange[][] = Array.from({ length: n }, () => []);
  if (n < 2) return hidden;
  const step = plotWidth / (n - 1);
  for (const { range, min } of CHART_RANGES) {
    const font = chartFont(viewBoxWidth, min);
    const room = 1.5 * longest * font * 0.62 + font;
    const k = Math.max(1, Math.ceil(room / step));
    for (let i = 0; i < n; i++) if ((n - 1 - i) % k !== 0) hidden[i]!.push(range);
  }
  return hidden;
}
