/**
 * The period an analysis is computed and stored for (./cache.ts keys results by it). A
 * period that runs up to now — a preset of months, a custom range ending today — is keyed
 * by the end of the current month: no response lies beyond now, and a key that moved with
 * the clock would never be served twice. Other periods are kept as given.
 */
import type { Period } from '../../lib/period';
import { monthKey, monthStart, nextMonthKey } from '../../lib/periods';

export function analysisPeriod(period: Period, now: number): Period {
  return period.to >= now ? { from: period.from, to: monthStart(nextMonthKey(monthKey(now))) } : period;
}
