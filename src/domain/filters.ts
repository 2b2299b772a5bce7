/**
 * The staff filter model: the one reading of team, period and interaction type that every
 * staff page (overview, reps, rep page, gaps, content, coaching plan and follow-up, and
 * their exports) takes from the URL, with one list of period choices and one default.
 *
 * A period is a calendar quarter (`2026-Q3`), a calendar month (`2026-07`), the last N
 * calendar months ending with the current one (`12m`), or a custom range of whole UTC days
 * (`custom` with `from` and `to`, `to` included). Every period ends at now at the latest.
 *
 * Error policy, the same on every page: a bad value is reported by field (the page answers
 * 422 and names it) and the default is used in its place; a team that is not one the reader
 * may see is a 404 (the caller's scope check, `teamInScope`), never a hint that it exists.
 */
import { INTERACTION_TYPES, type InteractionType } from '../lib/vocabulary';
import type { Period } from '../lib/period';
import { addMonths, isCalendarDate, isMonthStart, monthKey, monthStart, nextMonthKey } from '../lib/periods';

const DAY_MS = 86_400_000;
const MAX_CUSTOM_DAYS = 10 * 366;
/** Longer values are nothing anyone can choose. */
const MAX_VALUE_LENGTH = 40;

/** The "last N months" choices, in the order offered. */
const LAST_MONTHS = [3, 6, 12, 24] as const;
type LastMonths = (typeof LAST_MONTHS)[number];
/** The period of every staff page when none is chosen. */
export const DEFAULT_PERIOD = '12m';
/** How many recent quarters and months the period choice offers. */
const QUARTER_CHOICES = 6;
const MONTH_CHOICES = 12;

type PeriodKind = 'quarter' | 'month' | 'last' | 'custom';

export interface FilterPeriod {
  kind: PeriodKind;
  /** The value of the `period` URL parameter: `2026-Q3`, `2026-07`, `12m` or `custom`. */
  key: string;
  period: Period;
  /** The period is still running: it ends at now, not at its calendar end. */
  toDate: boolean;
  /** First and last day included (YYYY-MM-DD). */
  fromDate: string;
  lastDate: string;
  days: number;
  /** A custom range shorter than one calendar month (fewer answers, wider intervals). */
  shorterThanMonth: boolean;
  /** First and last calendar month (YYYYMM) the period touches. */
  fromMonth: number;
  toMonth: number;
  /** Custom ranges: the dates as given (`to` included); null for the other kinds. */
  custom: { from: string; to: string } | null;
}

interface Filters {
  /** A team id as given; the caller checks it against the reader's scope (`teamInScope`). */
  team: number | undefined;
  period: FilterPeriod;
  type: InteractionType | undefined;
}

/** The filter parameters as they stay in the URL (old parameters already mapped). */
export interface FilterValues {
  team: string;
  period: string;
  from: string;
  to: string;
  type: string;
}

export type FilterField = keyof FilterValues;

export interface FilterError {
  field: FilterField;
  code: 'invalid' | 'date' | 'required' | 'order' | 'future' | 'too-long' | 'whole-months';
}

export interface ReadFilters {
  filters: Filters;
  /** The values as given (old parameters mapped): what the filter bar shows, bad ones included. */
  values: FilterValues;
  /** The values applied, bad ones left out: what links and exports carry on. */
  applied: FilterValues;
  errors: FilterError[];
  /** No period was asked for: the default is shown. */
  defaultPeriod: boolean;
}

export interface ReadOptions {
  /**
   * Staff who are not admins, on pages with figures per team or rep: a custom range runs from
   * the first day of a month to the last day of a month (or to today), so that no two periods
   * differ by less than a month (./differencing.ts).
   */
  wholeMonths?: boolean;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const LAST = /^(\d{1,2})m$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEAM = /^\d{1,12}$/;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function quarterKeyOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

function monthKeyLabel(key: number): string {
  return `${Math.floor(key / 100)}-${String(key % 100).padStart(2, '0')}`;
}

/** Midnight UTC of a YYYY-MM-DD that names a real day, else undefined. */
function dayStart(text: string): number | undefined {
  return DATE.test(text) && isCalendarDate(text) ? Date.parse(`${text}T00:00:00Z`) : undefined;
}

function bucket(
  kind: PeriodKind,
  key: string,
  from: number,
  end: number,
  now: number,
  custom: FilterPeriod['custom'] = null,
): FilterPeriod | FilterError {
  if (from >= now) return { field: kind === 'custom' ? 'from' : 'period', code: 'future' };
  const to = Math.min(end, now);
  const lastDay = Math.floor((to - 1) / DAY_MS) * DAY_MS;
  const oneMonthLater = monthStart(nextMonthKey(monthKey(from))) + (from - monthStart(monthKey(from)));
  return {
    kind,
    key,
    period: { from, to },
    toDate: end > now,
    fromDate: isoDate(from),
    lastDate: isoDate(lastDay),
    days: Math.ceil((to - from) / DAY_MS),
    shorterThanMonth: kind === 'custom' && to < oneMonthLater,
    fromMonth: monthKey(from),
    toMonth: monthKey(to - 1),
    custom,
  };
}

/** The last `months` calendar months, the current one to date. */
function lastMonthsPeriod(months: number, now: number): FilterPeriod {
  const first = addMonths(monthKey(now), -(months - 1));
  return bucket('last', `${months}m`, monthStart(first), monthStart(nextMonthKey(monthKey(now))), now) as FilterPeriod;
}

const defaultPeriod = (now: number): FilterPeriod => lastMonthsPeriod(Number.parseInt(DEFAULT_PERIOD, 10), now);

const isError = (p: FilterPeriod | FilterError): p is FilterError => 'code' in p;

/** The `period`, `from` and `to` values as a period, or what is wrong with them. */
function readPeriod(values: FilterValues, now: number, options: ReadOptions = {}): FilterPeriod | FilterError {
  const key = values.period || DEFAULT_PERIOD;
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
  const last = LAST.exec(key);
  if (last && (LAST_MONTHS as readonly number[]).includes(Number(last[1])))
    return lastMonthsPeriod(Number(last[1]), now);
  if (key !== 'custom') return { field: 'period', code: 'invalid' };
  if (!values.from) return { field: 'from', code: 'required' };
  if (!values.to) return { field: 'to', code: 'required' };
  const from = dayStart(values.from);
  if (from === undefined) return { field: 'from', code: 'date' };
  const lastDay = dayStart(values.to);
  if (lastDay === undefined) return { field: 'to', code: 'date' };
  // `to` is the last day included, as people read a date range.
  const end = lastDay + DAY_MS;
  if (from >= end) return { field: 'from', code: 'order' };
  if (end - from > MAX_CUSTOM_DAYS * DAY_MS) return { field: 'from', code: 'too-long' };
  if (options.wholeMonths) {
    if (!isMonthStart(from)) return { field: 'from', code: 'whole-months' };
    if (!isMonthStart(end) && end < now) return { field: 'to', code: 'whole-months' };
  }
  return bucket('custom', 'custom', from, end, now, { from: values.from, to: values.to });
}

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/**
 * The URL's filter parameters, old ones read as their equivalents: the coaching pages'
 * `months=3|6|12` is `period=3m|6m|12m`; `from` and `to` without a period are a custom range
 * (the analysis pages' old links).
 */
function filterValuesOf(query: Record<string, string | string[] | undefined>): FilterValues {
  const values: FilterValues = {
    team: text(query.team),
    period: text(query.period),
    from: text(query.from),
    to: text(query.to),
    type: text(query.type),
  };
  const months = text(query.months);
  if (values.period === '' && months !== '') values.period = `${months}m`;
  if (values.period === '' && (values.from !== '' || values.to !== '')) values.period = 'custom';
  return values;
}

/**
 * Reads the filters of a staff page from its query. Every bad value is an error naming its
 * field, with the default used instead; the team id is returned as given, for the caller's
 * scope check.
 */
export function readFilters(
  query: Record<string, string | string[] | undefined>,
  now: number,
  options: ReadOptions = {},
): ReadFilters {
  const values = filterValuesOf(query);
  const errors: FilterError[] = [];
  for (const field of ['period', 'from', 'to', 'type'] as const) {
    if (values[field].length > MAX_VALUE_LENGTH) {
      errors.push({ field, code: 'invalid' });
      values[field] = '';
    }
  }
  let type: InteractionType | undefined;
  if (values.type !== '') {
    type = INTERACTION_TYPES.find((x) => x === values.type);
    if (!type) errors.push({ field: 'type', code: 'invalid' });
  }
  let period = defaultPeriod(now);
  if (!errors.some((e) => e.field !== 'type')) {
    const read = readPeriod(values, now, options);
    if (isError(read)) errors.push(read);
    else period = read;
  }
  const periodBad = errors.some((e) => e.field !== 'type');
  const applied: FilterValues = {
    ...values,
    ...(periodBad ? { period: '', from: '', to: '' } : {}),
    ...(type ? {} : { type: '' }),
  };
  return {
    filters: { team: TEAM.test(values.team) ? Number(values.team) : undefined, period, type },
    values,
    applied,
    errors,
    defaultPeriod: values.period === '',
  };
}

/**
 * The scope check: the chosen team among the teams the reader may see; `undefined` for all
 * of them; `'out-of-scope'` for any other value (the page answers 404).
 */
export function teamInScope<T extends { id: number }>(
  values: Pick<FilterValues, 'team'>,
  teams: readonly T[],
): T | undefined | 'out-of-scope' {
  if (values.team === '') return undefined;
  return (TEAM.test(values.team) && teams.find((x) => x.id === Number(values.team))) || 'out-of-scope';
}

export interface PeriodChoices {
  last: { key: string; months: LastMonths }[];
  quarters: string[];
  months: string[];
  currentQuarter: string;
  currentMonth: string;
}

/** The choices of the period select, the same on every page: last N months, recent quarters and months (newest first), custom. */
export function periodChoices(now: number): PeriodChoices {
  const current = monthKey(now);
  const quarters: string[] = [];
  for (let m = current, i = 0; quarters.length < QUARTER_CHOICES && i < QUARTER_CHOICES * 3 + 3; i++) {
    const key = quarterKeyOf(monthStart(m));
    if (!quarters.includes(key)) quarters.push(key);
    m = addMonths(m, -1);
  }
  const months: string[] = [];
  for (let m = current, i = 0; i < MONTH_CHOICES; m = addMonths(m, -1), i++) months.push(monthKeyLabel(m));
  return {
    last: LAST_MONTHS.map((n) => ({ key: `${n}m`, months: n })),
    quarters,
    months,
    currentQuarter: quarterKeyOf(now),
    currentMonth: monthKeyLabel(current),
  };
}

/**
 * The query string of a page's filters (defaults and empty values left out), with extra
 * parameters, for links and pushed URLs.
 */
export function filterQuery(values: FilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  const all: Record<string, string> = {
    team: values.team,
    period: values.period === DEFAULT_PERIOD ? '' : values.period,
    ...(values.period === 'custom' ? { from: values.from, to: values.to } : {}),
    type: values.type,
    ...extra,
  };
  for (const [k, v] of Object.entries(all)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
