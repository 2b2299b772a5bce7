/**
 * One CPI of one rep as the coaching pages show it: the value with its 95% interval and
 * the number of answers it rests on. Quote turnaround is skewed and has no interval for
 * its median, so its figure is the share of quotes within the SLA (a rate with a Wilson
 * interval), with the median and p90 beside it.
 */
import type { CpiSums } from '../../db/queries/cpis';
import { likertMean, wilsonInterval, type CpiKey, type TurnaroundSummary } from '../stats';
import type { CpiGroup } from './cpis';

export type FigureKind = 'rate' | 'mean' | 'turnaround';

export interface CpiFigure {
  cpi: CpiKey;
  kind: FigureKind;
  n: number;
  /** A rate (0–1), a 1–5 mean, or for turnaround the share within the SLA (0–1). */
  value: number;
  lower: number;
  upper: number;
  median?: number;
  p90?: number;
  slaHours?: number;
}

export const figureKind = (cpi: CpiKey): FigureKind =>
  cpi === 'fcr' ? 'rate' : cpi === 'quoteTurnaround' ? 'turnaround' : 'mean';

/** The figure of `cpi` in a rep's CPI group; null when the group or that CPI is below the minimum n. */
export function figureOfGroup(group: CpiGroup | undefined, cpi: CpiKey): CpiFigure | null {
  if (!group || group.suppressed) return null;
  if (cpi === 'fcr')
    return group.fcr
      ? { cpi, kind: 'rate', n: group.fcr.n, value: group.fcr.rate, lower: group.fcr.lower, upper: group.fcr.upper }
      : null;
  if (cpi === 'quoteTurnaround') {
    const t = group.quoteTurnaroundHours;
    return t
      ? {
          cpi,
          kind: 'turnaround',
          n: t.n,
          value: t.withinSla,
          lower: t.withinSlaLower,
          upper: t.withinSlaUpper,
          median: t.median,
          p90: t.p90,
          slaHours: t.slaHours,
        }
      : null;
  }
  const m = group[cpi];
  return m ? { cpi, kind: 'mean', n: m.n, value: m.mean, lower: m.lower, upper: m.upper } : null;
}

/** The figure of a rollup CPI from summed counts; null below `minN` answers. */
export function figureOfSums(sums: CpiSums, cpi: Exclude<CpiKey, 'quoteTurnaround'>, minN: number): CpiFigure | null {
  if (cpi === 'fcr') {
    if (sums.fcrN < minN) return null;
    const w = wilsonInterval(sums.fcrYes, sums.fcrN);
    return { cpi, kind: 'rate', n: sums.fcrN, value: w.estimate, lower: w.lower, upper: w.upper };
  }
  const [n, sum, sq] =
    cpi === 'contentUseful'
      ? [sums.cuN, sums.cuSum, sums.cuSq]
      : cpi === 'decisionClearer'
        ? [sums.dcN, sums.dcSum, sums.dcSq]
        : [sums.avN, sums.avSum, sums.avSq];
  if (n < minN) return null;
  const m = likertMean({ n, sum, sumOfSquares: sq });
  return { cpi, kind: 'mean', n, value: m.mean, lower: m.lower, upper: m.upper };
}

/** The turnaround figure from a summary; null below `minN` quotes. */
export function figureOfTurnaround(t: TurnaroundSummary | null, slaHours: number, minN: number): CpiFigure | null {
  if (!t || t.n < minN) return null;
  return {
    cpi: 'quoteTurnaround',
    kind: 'turnaround',
    n: t.n,
    value: t.withinSla.estimate,
    lower: t.withinSla.lower,
    upper: t.withinSla.upper,
    median: t.median,
    p90: t.p90,
    slaHours,
  };
}
