import { describe, expect, it } from 'vitest';
import { niceTicks, linePath, bandPaths, extent, linearScale } from '../../views/charts/scale';
import { TrendChart } from '../../views/charts/trend-chart';
import { ScatterChart } from '../../views/charts/scatter-chart';
import { IntervalChart } from '../../views/charts/interval-chart';

describe('chart scales', () => {
  it('makes round ticks, maps domains, and breaks lines at suppressed points', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 5, 4)).toEqual([1, 2, 3, 4, 5]);
    expect(linearScale([0, 10], [100, 200])(5)).toBe(150);
    expect(extent([null, 2, 4], [0, 1], 0)).toEqual([2, 4]);
    expect(extent([], [0, 1])).toEqual([0, 1]);
    expect(linePath([{ x: 0, y: 0 }, null, { x: 2, y: 2 }, { x: 3, y: 1 }])).toBe('M0.0,0.0M2.0,2.0L3.0,1.0');
    expect(bandPaths([{ x: 0, lower: 1, upper: 0 }, null, { x: 2, lower: 3, upper: 2 }])).toHaveLength(2);
  });

  it('renders charts without NaN, with accessible names and no inline style', async () => {
    const trend = await (
      <TrendChart
        label="FCR by month"
        format={(v) => `${Math.round(v * 100)}%`}
        target={0.7}
        points={[
          { label: '2026-01', value: 0.6, lower: 0.5, upper: 0.7 },
          { label: '2026-02', value: null, lower: null, upper: null },
          { label: '2026-03', value: 0.65, lower: 0.55, upper: 0.74 },
        ]}
        markers={[{ index: 1, label: 'Course', kind: 'course' }]}
      />
    ).toString();
    const scatter = await (
      <ScatterChart
        label="IP"
        xLabel="x"
        yLabel="y"
        xLine={80}
        yLine={0.2}
        points={[{ label: 'a', x: 70, y: 0.3, yLow: 0.1, yHigh: 0.5, kind: 'concentrate-here' }]}
      />
    ).toString();
    const intervals = await (
      <IntervalChart
        label="Before and after"
        format={String}
        rows={[{ label: 'Ana', value: 3.5, lower: 3.2, upper: 3.8, compare: { value: 3.1, lower: 2.8, upper: 3.4 } }]}
      />
    ).toString();
    for (const svg of [trend, scatter, intervals]) {
      expect(svg).not.toMatch(/NaN|undefined/);
      expect(svg).toMatch(/role="img" aria-label="/);
      expect(svg).not.toMatch(/style=/);
    }
  });
});
