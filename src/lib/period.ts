import { isCalendarDate } from './periods';
import { DAY_MS } from './days';

/** A reporting period [from, to) in UTC ms. */
export interface Period {
  from: number;
  to: number;
}

const DEFAULT_PERIOD_DAYS = 90;

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

export type PeriodProblem = { field: 'from' | 'to'; message: string };

/**
 * `from` (inclusive) and `to` (exclusive), ISO instants in UTC (a bare date means its
 * midnight UTC); without them the last 90 days up to now.
 */
export function parsePeriod(from: string | undefined, to: string | undefined, now: number): Period | PeriodProblem {
  const parse = (value: string, field: 'from' | 'to'): number | PeriodProblem => {
    const text = value.trim();
    const ms =
      ISO.test(text) && isCalendarDate(text) ? Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text) : NaN;
    return Number.isNaN(ms) ? { field, message: 'must be an ISO 8601 instant such as 2026-07-01T00:00:00Z' } : ms;
  };
  const end = to ? parse(to, 'to') : now;
  if (typeof end !== 'number') return end;
  const start = from ? parse(from, 'from') : end - DEFAULT_PERIOD_DAYS * DAY_MS;
  if (typeof start !== 'number') return start;
  if (start >= end) return { field: 'from', message: 'must be before to' };
  if (end - start > 10 * 366 * DAY_MS) return { field: 'from', message: 'the period may span at most ten years' };
  return { from: start, to: end };
}
