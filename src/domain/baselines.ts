/**
 * Targets and baselines (the article: define the indicator, set a target, compare with a
 * baseline): which configured row applies, the value a CPI is judged by, the change since
 * the baseline with its interval, and how far the change has come toward the target.
 */
import type { CpiKey } from '../../db/schema';
import { lowerIsBetter } from '../stats';
import type { Clustering } from './group-figures';

/**
 * The value a CPI's target and baseline are stated in, with its interval (null: none) and n;
 * a team's or the org's carries the design effect of its cluster-robust interval.
 */
export interface CpiReading extends Partial<Clustering> {
  value: number;
  lower: number | null;
  upper: number | null;
  n: number;
}

type Interval = { lower: number; upper: number; n: number } & Partial<Clustering>;

/** What readCpi reads: a group's figures (`CpiGroup`) or one month of a trend (`SeriesPoint`, src/domain/trends.ts). */
interface CpiCells {
  suppressed: boolean;
  fcr?: (Interval & { rate: number }) | null | undefined;
  contentUseful?: (Interval & { mean: number }) | null | undefined;
  decisionClearer?: (Interval & { mean: number }) | null | undefined;
  addedValue?: (Interval & { mean: number }) | null | undefined;
  quoteTurnaroundHours?: { median: number; n: number } | null | undefined;
}

/**
 * FCR: the rate; content usefulness, decision clarity and added value: the 1–5 mean (the
 * value-added count and rate sit beside it); quote turnaround: the median in hours, for
 * which no interval is computed. Null when the group or the CPI is below the minimum n.
 */
export function readCpi(group: CpiCells | undefined, cpi: CpiKey): CpiReading | null {
  if (!group || group.suppressed) return null;
  switch (cpi) {
    case 'fcr':
      return group.fcr
        ? {
            value: group.fcr.rate,
            lower: group.fcr.lower,
            upper: group.fcr.upper,
            n: group.fcr.n,
            designEffect: group.fcr.designEffect,
            effectiveN: group.fcr.effectiveN,
          }
        : null;
    case 'contentUseful':
    case 'decisionClearer':
    case 'addedValue': {
      const m = group[cpi];
      return m
        ? {
            value: m.mean,
            lower: m.lower,
            upper: m.upper,
            n: m.n,
            designEffect: m.designEffect,
            effectiveN: m.effectiveN,
          }
        : null;
    }
    case 'quoteTurnaround': {
      const t = group.quoteTurnaroundHours;
      return t ? { value: t.median, lower: null, upper: null, n: t.n } : null;
    }
  }
}

export interface TargetRow {
  cpi: CpiKey;
  teamId: number | null;
  target: number | null;
  baselineFrom: number | null;
  baselineTo: number | null;
}

export interface AppliedTarget {
  target: number | null;
  baseline: { from: number; to: number } | null;
  /** Whose row it is: the selected team's, or the org-wide one it falls back to. */
  source: 'team' | 'org';
}

/** The selected team's row for the CPI, else the org-wide row; undefined when neither exists. */
export function appliedTarget(
  rows: readonly TargetRow[],
  cpi: CpiKey,
  teamId: number | null,
): AppliedTarget | undefined {
  const team = teamId === null ? undefined : rows.find((r) => r.cpi === cpi && r.teamId === teamId);
  const row = team ?? rows.find((r) => r.cpi === cpi && r.teamId === null);
  if (!row) return undefined;
  const baseline =
    row.baselineFrom !== null && row.baselineTo !== null ? { from: row.baselineFrom, to: row.baselineTo } : null;
  return { target: row.target, baseline, source: team ? 'team' : 'org' };
}

/**
 * The change current − baseline with an interval by MOVER (Zou & Donner 2008): from each
 * side's own interval, lower = d − √((c−lc)² + (ub−b)²), upper = d + √((uc−c)² + (b−lb)²).
 * With Wilson intervals this is Newcombe's hybrid score interval; with t intervals, the
 * usual large-sample interval of a difference of means. Null bounds when a side has none.
 *
 * @example
 * changeSince({ value: 0.8, lower: 0.6994, upper: 0.8746, n: 70 }, { value: 0.6, lower: 0.4909, upper: 0.7003, n: 80 });
 * // => { estimate: 0.2, lower: 0.0524, upper: 0.3339 } (rounded)
 */
export function changeSince(
  current: CpiReading,
  baseline: CpiReading,
): { estimate: number; lower: number | null; upper: number | null } {
  const d = current.value - baseline.value;
  if (current.lower === null || current.upper === null || baseline.lower === null || baseline.upper === null)
    return { estimate: d, lower: null, upper: null };
  return {
    estimate: d,
    lower: d - Math.hypot(current.value - current.lower, baseline.upper - baseline.value),
    upper: d + Math.hypot(current.upper - current.value, baseline.value - baseline.lower),
  };
}

export type Progress =
  | { state: 'met'; share: number }
  | { state: 'on-the-way'; share: number }
  | { state: 'moved-away'; share: number }
  /** The baseline already met the target and the current value no longer does. */
  | { state: 'slipped' }
  | { state: 'unknown' };

/**
 * How far the CPI has come from its baseline toward its target: share = (current −
 * baseline)/(target − baseline), 1 or more when the target is reached (on the good side:
 * below it for quote turnaround), negative when it moved the wrong way.
 *
 * @example
 * progressTowardTarget('fcr', 0.66, 0.7, 0.74); // => { state: 'on-the-way', share: 0.5 }
 */
export function progressTowardTarget(
  cpi: CpiKey,
  baseline: number | null,
  current: number | null,
  target: number | null,
): Progress {
  if (baseline === null || current === null || target === null || ![baseline, current, target].every(Number.isFinite))
    return { state: 'unknown' };
  const better = (a: number, b: number) => (lowerIsBetter(cpi) ? a <= b : a >= b);
  if (better(current, target))
    return { state: 'met', share: target === baseline ? 1 : (current - baseline) / (target - baseline) };
  if (better(baseline, target)) return { state: 'slipped' };
  const share = (current - baseline) / (target - baseline);
  return share < 0 ? { state: 'moved-away', share } : { state: 'on-the-way', share };
}
