import { describe, expect, it } from 'vitest';
import { appliedTarget, changeSince, progressTowardTarget, readCpi } from '../../src/domain/baselines';
import { newcombeInterval, wilsonInterval } from '../../src/stats';
import { targetValuesSchema, targetForForm } from '../../src/domain/target-input';
import { compareWithOrg, heatmapRows, sortHeatmap, orgValues } from '../../src/domain/heatmap';
import type { CpiGroup } from '../../src/domain/cpis';
import { DAY_MS } from '../../src/lib/days';

const NOW = Date.parse('2026-11-20T10:00:00Z');

describe('targets and baselines', () => {
  const rows = [
    { cpi: 'fcr' as const, teamId: null, target: 0.7, baselineFrom: 1, baselineTo: 2 },
    { cpi: 'fcr' as const, teamId: 5, target: 0.8, baselineFrom: null, baselineTo: null },
  ];

  it("uses the team's row when a team is chosen, else the org-wide row", () => {
    expect(appliedTarget(rows, 'fcr', 5)).toEqual({ target: 0.8, baseline: null, source: 'team' });
    expect(appliedTarget(rows, 'fcr', 6)).toEqual({ target: 0.7, baseline: { from: 1, to: 2 }, source: 'org' });
    expect(appliedTarget(rows, 'fcr', null)?.source).toBe('org');
    expect(appliedTarget(rows, 'contentUseful', null)).toBeUndefined();
  });

  it('gives the change since baseline with Newcombe’s interval for rates (MOVER)', () => {
    const a = wilsonInterval(56, 70);
    const b = wilsonInterval(48, 80);
    const change = changeSince(
      { value: a.estimate, lower: a.lower, upper: a.upper, n: 70 },
      { value: b.estimate, lower: b.lower, upper: b.upper, n: 80 },
    );
    const newcombe = newcombeInterval(56, 70, 48, 80);
    expect(change.estimate).toBeCloseTo(0.2, 10);
    expect(change.lower).toBeCloseTo(newcombe.lower, 10);
    expect(change.upper).toBeCloseTo(newcombe.upper, 10);
    // Newcombe (1998), example: 0.0524 to 0.3339.
    expect(change.lower).toBeCloseTo(0.0524, 3);
    expect(change.upper).toBeCloseTo(0.3339, 3);
    expect(
      changeSince({ value: 20, lower: null, upper: null, n: 9 }, { value: 24, lower: null, upper: null, n: 9 }),
    ).toEqual({ estimate: -4, lower: null, upper: null });
  });

  it('measures progress from baseline toward target, lower being better for turnaround', () => {
    expect(progressTowardTarget('fcr', 0.66, 0.7, 0.74)).toEqual({
      state: 'on-the-way',
      share: expect.closeTo(0.5, 10),
    });
    expect(progressTowardTarget('fcr', 0.66, 0.75, 0.74).state).toBe('met');
    expect(progressTowardTarget('fcr', 0.66, 0.6, 0.74).state).toBe('moved-away');
    expect(progressTowardTarget('fcr', 0.76, 0.7, 0.74)).toEqual({ state: 'slipped' });
    expect(progressTowardTarget('quoteTurnaround', 30, 27, 24)).toEqual({
      state: 'on-the-way',
      share: expect.closeTo(0.5, 10),
    });
    expect(progressTowardTarget('quoteTurnaround', 30, 22, 24).state).toBe('met');
    expect(progressTowardTarget('fcr', null, 0.7, 0.74)).toEqual({ state: 'unknown' });
  });

  it('reads the value a target is stated in; nothing below the minimum n', () => {
    const g: CpiGroup = {
      key: 'org',
      name: 'org',
      team: null,
      n: 50,
      invited: 90,
      responseRate: 0.55,
      suppressed: false,
      fcr: { n: 48, rate: 0.6, lower: 0.46, upper: 0.73, shrunk: 0.6, shrunkSd: 0.07 },
      addedValue: null,
      quoteTurnaroundHours: {
        n: 12,
        median: 20,
        p90: 40,
        withinSla: 0.9,
        withinSlaLower: 0.6,
        withinSlaUpper: 0.98,
        slaHours: 48,
      },
    };
    expect(readCpi(g, 'fcr')).toEqual({ value: 0.6, lower: 0.46, upper: 0.73, n: 48 });
    expect(readCpi(g, 'addedValue')).toBeNull();
    expect(readCpi(g, 'quoteTurnaround')).toEqual({ value: 20, lower: null, upper: null, n: 12 });
    expect(readCpi({ ...g, suppressed: true }, 'fcr')).toBeNull();
  });
});

describe('the target form', () => {
  const parse = (cpi: Parameters<typeof targetValuesSchema>[0], values: Record<string, string>) =>
    targetValuesSchema(cpi, NOW).safeParse(values);
  const messages = (r: ReturnType<typeof parse>) =>
    r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));

  it('takes rates as percent, 1–5 means and hours, and baselines as past day ranges', () => {
    const r = parse('fcr', { target: '72,5', baselineFrom: '2026-01-01', baselineTo: '2026-03-31' });
    expect(r.success && r.data).toEqual({
      target: 0.725,
      baselineFrom: Date.UTC(2026, 0, 1),
      baselineTo: Date.UTC(2026, 3, 1),
    });
    expect(parse('contentUseful', { target: '4.1', baselineFrom: '', baselineTo: '' }).success).toBe(true);
    expect(parse('quoteTurnaround', { target: '24', baselineFrom: '', baselineTo: '' }).success).toBe(true);
    expect(targetForForm('fcr', 0.725)).toBe('72.5');
  });

  it('names the field of every mistake', () => {
    expect(messages(parse('fcr', { target: '150', baselineFrom: '', baselineTo: '' }))).toEqual({
      target: 'targetPercent',
    });
    expect(messages(parse('decisionClearer', { target: '0.8', baselineFrom: '', baselineTo: '' }))).toEqual({
      target: 'targetMean',
    });
    expect(messages(parse('quoteTurnaround', { target: '0', baselineFrom: '', baselineTo: '' }))).toEqual({
      target: 'targetHours',
    });
    expect(messages(parse('fcr', { target: 'abc', baselineFrom: '', baselineTo: '' }))).toEqual({
      target: 'targetNumber',
    });
    expect(messages(parse('fcr', { target: '', baselineFrom: '', baselineTo: '' }))).toEqual({
      target: 'targetOrBaseline',
    });
    expect(messages(parse('fcr', { target: '70', baselineFrom: '2026-03-01', baselineTo: '2026-01-01' }))).toEqual({
      baselineFrom: 'baselineOrder',
    });
    expect(messages(parse('fcr', { target: '70', baselineFrom: '2026-11-01', baselineTo: '2026-11-20' }))).toEqual({
      baselineTo: 'baselinePast',
    });
    expect(messages(parse('fcr', { target: '70', baselineFrom: '2026-01-01', baselineTo: '' }))).toEqual({
      baselineTo: 'baselineBoth',
    });
    expect(messages(parse('fcr', { target: '70', baselineFrom: '01/01/2026', baselineTo: '2026-02-01' }))).toEqual({
      baselineFrom: 'dateFormat',
    });
    // The day before today is the last day a baseline may include.
    const yesterday = new Date(Math.floor(NOW / DAY_MS) * DAY_MS - DAY_MS).toISOString().slice(0, 10);
    expect(parse('fcr', { target: '', baselineFrom: '2026-10-01', baselineTo: yesterday }).success).toBe(true);
  });
});

describe('the heatmap', () => {
  const rep = (email: string, team: string, fcr: number | null, sd = 0.03, n = 30): CpiGroup => ({
    key: email,
    name: email,
    team,
    n,
    invited: n * 2,
    responseRate: 0.5,
    suppressed: n < 5,
    ...(n < 5
      ? {}
      : {
          fcr: fcr === null ? null : { n, rate: fcr, lower: fcr - 0.1, upper: fcr + 0.1, shrunk: fcr, shrunkSd: sd },
          contentUseful: null,
          decisionClearer: null,
          addedValue: null,
          quoteTurnaroundHours: null,
        }),
  });
  const org = orgValues({ ...rep('org', '', 0.6), name: 'org' });
  const reps = [
    { id: 1, email: 'a', name: 'Ana', team: 'Iberia', active: true },
    { id: 2, email: 'b', name: 'Ben', team: 'Iberia', active: true },
    { id: 3, email: 'c', name: 'Cy', team: 'Iberia', active: true },
    { id: 4, email: 'd', name: 'Dora', team: 'Iberia', active: false },
    { id: 5, email: 'e', name: 'Eli', team: 'Iberia', active: false },
  ];

  it('marks a rep above or below the org only when the whole posterior interval is', () => {
    expect(compareWithOrg(0.65, 0.8, 0.6)).toBe('better');
    expect(compareWithOrg(0.4, 0.55, 0.6)).toBe('worse');
    expect(compareWithOrg(0.55, 0.7, 0.6)).toBe('similar');
    expect(compareWithOrg(0.55, 0.7, null)).toBe('similar');
  });

  it('keeps former reps with answers, drops former reps without, and hides a second cell', () => {
    const rows = heatmapRows(
      reps,
      [
        rep('a', 'Iberia', 0.8),
        rep('b', 'Iberia', 0.5, 0.03, 60),
        rep('c', 'Iberia', null, 0, 3),
        rep('d', 'Iberia', 0.6, 0.2, 10),
      ],
      org,
    );
    expect(rows.map((r) => r.name)).toEqual(['Ana', 'Ben', 'Cy', 'Dora']);
    expect(rows.map((r) => r.cells.fcr.level)).toEqual(['better', 'worse', 'suppressed', 'hidden']);
    expect(rows[3]!.active).toBe(false);
  });

  it('sorts by a column with suppressed and hidden cells last', () => {
    const rows = heatmapRows(
      reps.slice(0, 3),
      [rep('a', 'Iberia', 0.8), rep('b', 'Iberia', 0.5), rep('c', 'Iberia', 0.7)],
      org,
    );
    expect(sortHeatmap(rows, 'fcr', 'desc').map((r) => r.name)).toEqual(['Ana', 'Cy', 'Ben']);
    expect(sortHeatmap(rows, 'fcr', 'asc').map((r) => r.name)).toEqual(['Ben', 'Cy', 'Ana']);
    const withGap = heatmapRows(
      reps.slice(0, 3),
      [rep('a', 'Iberia', 0.8), rep('b', 'Iberia', null), rep('c', 'Iberia', 0.7)],
      org,
    );
    expect(
      sortHeatmap(withGap, 'fcr', 'asc')
        .map((r) => r.name)
        .at(-1),
    ).toBe('Ben');
    expect(sortHeatmap(withGap, 'name', 'desc').map((r) => r.name)).toEqual(['Cy', 'Ben', 'Ana']);
  });
});
