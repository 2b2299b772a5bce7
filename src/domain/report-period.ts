/**
 * The reporting period of the lead workspace (overview, heatmap, CPI export): a calendar
 * quarter (`2026-Q3`), a calendar month (`2026-07`) or a custom range of whole UTC days,
 * always ending no later than now. The default is the current quarter to date, so a lead
 * opening the overview sees what is happening now, with the page saying it is partial.
 */
import type { Period } from '../lib/period';
import { addMonths, isMonthStart, monthKey, monthKeyLabel, monthStart, nextMonthKey } from '../lib/periods';
import { DAY_MS, isoDay, parseCalendarDay } from '../lib/days';

const MAX_CUSTOM_DAYS = 10 * 366;

type PeriodKind = 'quarter' | 'month' | 'custom';

export interface ReportPeriod {
  kind: PeriodKind;
  /** `2026-Q3`, `2026-07` or `custom`: the value of the `period` URL parameter. */
  key: string;
  period: Period;
  /** The bucket is still running: it ends at now, not at its calendar end. */
  toDate: boolean;
  /** Custom ranges: first day and last day included (YYYY-MM-DD). */
  fromDate: string;
  lastDate: string;
  days: number;
  /** A custom range shorter than one calendar month (fewer answers, wider intervals). */
  shorterThanMonth: boolean;
  /** The month (YYYYMM) the period ends in: trends run through it. */
  lastMonth: number;
}

export type PeriodProblem = {
  field: 'period' | 'from' | 'to';
  code: 'format' | 'future' | 'order' | 'required' | 'too-long' | 'whole-months';
};

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function quarterKeyOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

export { monthKeyLabel } from '../lib/periods';

const parseDate = (text: string | undefined) => (text ? parseCalendarDay(text.trim()) : undefined);

function bucket(kind: PeriodKind, key: string, from: number, end: number, now: number): ReportPeriod | PeriodProblem {
  if (from >= now) return { field: kind === 'custom' ? 'from' : 'period', code: 'future' };
  const to = Math.min(end, now);
  const lastDay = Math.floor((to - 1) / DAY_MS) * DAY_MS;
  const oneMonthLater = monthStart(nextMonthKey(monthKey(from))) + (from - monthStart(monthKey(from)));
  return {
    kind,
    key,
    period: { from, to },
    toDate: end > now,
    fromDate: isoDay(from),
    lastDate: isoDay(lastDay),
    days: Math.ceil((to - from) / DAY_MS),
    shorterThanMonth: kind === 'custom' && to < oneMonthLater,
    lastMonth: monthKey(to - 1),
  };
}

/**
 * The `period`, `from` and `to` URL parameters as a period; without `period`, the current
 * quarter to date. With `wholeMonths` (staff who are not admins) a custom range runs from the
 * first day of a month to the last day of a month (or to today), so that no two periods
 * differ by less than a month (src/domain/differencing.ts).
 */
export function parseReportPeriod(
  input: { period?: string | undefined; from?: string | undefined; to?: string | undefined },
  now: number,
  options: { wholeMonths?: boolean } = {},
): ReportPeriod | PeriodProblem {
  const key = (input.period ?? '').trim() || quarterKeyOf(now);
  const quarter = QUARTER.exec(key);
  if (quarter) {
    const first = Number(quarter[1]) * 100 + (Number(quarter[2]) - 1) * 3 + 1;
    return bucket('quarter', key, monthStart(first), monthStart(addMonths(first, 3)), now);
  }
  const month = MONTH.exec(key);
  if (month) {
    const m = Number(month[1]) * 100 + Number(month[2]);
    return bucket('month', key, monthStart(m), monthStart(nextMonthKey(m)), now);
  }
  if (key !== 'custom') return { field: 'period', code: 'format' };
  if (!input.from?.trim()) return { field: 'from', code: 'required' };
  if (!input.to?.trim()) return { field: 'to', code: 'required' };
  const from = parseDate(input.from);
  if (from === undefined) return { field: 'from', code: 'format' };
  const last = parseDate(input.to);
  if (last === undefined) return { field: 'to', code: 'format' };
  // `to` is the last day included, as people read a date range.
  const end = last + DAY_MS;
  if (from >= end) return { field: 'from', code: 'order' };
  if (end - from > MAX_CUSTOM_DAYS * DAY_MS) return { field: 'from', code: 'too-long' };
  if (options.wholeMonths) {
    if (!isMonthStart(from)) return { field: 'from', code: 'whole-months' };
    if (!isMonthStart(end) && end < now) return { field: 'to', code: 'whole-months' };
  }
  return bucket('custom', 'custom', from, end, now);
}

export const isPeriodProblem = (p: ReportPeriod | PeriodProblem): p is PeriodProblem => 'code' in p;

/** The choices of the period select: recent quarters and months, newest first (the running ones included). */
export function periodChoices(now: number, quarters = 6, months = 12): { quarters: string[]; months: string[] } {
  const current = monthKey(now);
  const quarterList: string[] = [];
  for (let m = current, i = 0; quarterList.length < quarters && i < quarters * 3 + 3; m = addMonths(m, -1), i++) {
    const key = quarterKeyOf(monthStart(m));
    if (!quarterList.includes(key)) quarterList.push(key);
  }
  const monthList: string[] = [];
  for (let m = current, i = 0; i < months; m = addMonths(m, -1), i++) monthList.push(monthKeyLabel(m));
  return { quarters: quarterList, months: monthList };
}
