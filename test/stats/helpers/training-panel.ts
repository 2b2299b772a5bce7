import type { CpiKey, PanelCell } from '../../../src/stats/index.js';

/** Cells for one rep and CPI over months from … to: n(m) responses with mean value(m) (sum = n·value). */
export function seriesCells(
  rep: string,
  cpi: CpiKey,
  from: number,
  to: number,
  value: (month: number) => number,
  n: (month: number) => number = () => 10,
): PanelCell[] {
  const cells: PanelCell[] = [];
  for (let month = from; month <= to; month++) {
    const count = n(month);
    if (count > 0) cells.push({ rep, cpi, month, n: count, sum: count * value(month) });
  }
  return cells;
}

/** Rep keys r00, r01, … */
export const repKey = (i: number): string => `r${String(i).padStart(2, '0')}`;
