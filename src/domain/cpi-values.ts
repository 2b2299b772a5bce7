/** Raw CPI values from summed counts, for before/after comparisons (no shrinkage, no intervals). */
import type { CpiSums } from '../../db/queries/cpis';
import type { CpiKey } from '../stats';

/** The mean (or rate) of a CPI and the answers it rests on; NaN with n = 0. Quote turnaround is not in the rollups. */
export function rawCpiValue(s: CpiSums, cpi: Exclude<CpiKey, 'quoteTurnaround'>): { value: number; n: number } {
  const pick = { fcr: [s.fcrYes, s.fcrN], contentUseful: [s.cuSum, s.cuN], decisionClearer: [s.dcSum, s.dcN], addedValue: [s.avSum, s.avN] }[cpi];
  const [sum = 0, n = 0] = pick;
  return { value: n > 0 ? sum / n : NaN, n };
}

export const ROLLUP_CPIS = ['fcr', 'contentUseful', 'decisionClearer', 'addedValue'] as const;
