/**
 * Filters of the analysis pages (rep page, skill gaps, content library), as they sit in
 * the URL. A period is a preset of whole calendar months ending with the current one
 * (month to date) — so CPIs, gaps and the monthly trend charts cover the same months — or
 * a custom range of days. Bad values never fail the page: the defaults are used and the
 * problem is reported by field, for the page to show.
 */
import { z } from 'zod';
import { INTERACTION_TYPES, type InteractionType } from '../../db/schema';
import { CPI_KEYS, type CpiKey } from '../stats';
import type { Period } from '../lib/period';
import { addMonths, isMonthStart, monthKey, monthStart } from '../lib/periods';
import { DAY_MS, parseCalendarDay } from '../lib/days';

export const PERIOD_PRESETS = ['3m', '6m', '12m', '24m'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
/** `custom` uses from/to; a preset ignores them. */
const PERIOD_CHOICES = [...PERIOD_PRESETS, 'custom'] as const;
const DEFAULT_PRESET: PeriodPreset = '12m';

export const CONTENT_SORTS = ['useful', 'shared', 'title'] as const;
export type ContentSort = (typeof CONTENT_SORTS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the URL may hold; every field optional, empty strings mean "not set". */
const analysisQuerySchema = z.object({
  period: z.enum(PERIOD_CHOICES).optional(),
  from: z.string().regex(DATE).optional(),
  to: z.string().regex(DATE).optional(),
  type: z.enum(INTERACTION_TYPES).optional(),
  team: z.coerce.number().int().positive().optional(),
  cpi: z.enum(CPI_KEYS).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(CONTENT_SORTS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

export interface ResolvedPeriod {
  period: Period;
  /** First and last calendar month (YYYYMM) the period touches. */
  fromMonth: number;
  toMonth: number;
  preset: PeriodPreset | null;
  /** The custom range as given (dates, `to` inclusive). */
  custom: { from: string; to: string } | null;
}

export interface AnalysisFilters {
  range: ResolvedPeriod;
  type: InteractionType | undefined;
  team: number | undefined;
  cpi: CpiKey;
  q: string;
  sort: ContentSort;
  page: number;
}

/** Which field was wrong and why, as codes the page translates. */
export type ProblemCode = 'invalid' | 'date' | 'needs-both' | 'order' | 'too-long' | 'whole-months';

export interface FilterProblem {
  field: string;
  code: ProblemCode;
}

/** The last `months` calendar months, the current one up to now. */
export function presetPeriod(preset: PeriodPreset, now: number): ResolvedPeriod {
  const months = Number(preset.slice(0, -1));
  const toMonth = monthKey(now);
  const fromMonth = addMonths(toMonth, -(months - 1));
  return { period: { from: monthStart(fromMonth), to: now }, fromMonth, toMonth, preset, custom: null };
}

/** A custom range of whole days, `to` inclusive; it ends at now at the latest. */
/** Midnight UTC of a calendar date, or NaN for a day that does not exist (2026-02-31). */
const dayStart = (date: string): number => parseCalendarDay(date) ?? NaN;

function customPeriod(
  from: string,
  to: string,
  now: number,
  options: { wholeMonths?: boolean } = {},
): ResolvedPeriod | FilterProblem {
  const start = dayStart(from);
  const end = Math.min(now, dayStart(to) + DAY_MS);
  if (Number.isNaN(start)) return { field: 'from', code: 'date' };
  if (Number.isNaN(end)) return { field: 'to', code: 'date' };
  if (start >= end) return { field: 'from', code: 'order' };
  if (end - start > 10 * 366 * DAY_MS) return { field: 'from', code: 'too-long' };
  // Staff who are not admins: whole months only, so two ranges never differ by a few answers (src/domain/differencing.ts).
  if (options.wholeMonths && !isMonthStart(start)) return { field: 'from', code: 'whole-months' };
  if (options.wholeMonths && end < now && !isMonthStart(end)) return { field: 'to', code: 'whole-months' };
  return {
    period: { from: start, to: end },
    fromMonth: monthKey(start),
    toMonth: monthKey(end - 1),
    preset: null,
    custom: { from, to },
  };
}

const firstValue = (raw: Record<string, string | undefined>) =>
  Object.fromEntries(
    Object.entries(raw)
      .filter(([, v]) => v !== undefined && v.trim() !== '')
      .map(([k, v]) => [k, v!.trim()]),
  );

/**
 * Reads the filters from the query string. Unknown or malformed values are dropped (the
 * default applies) and listed in `problems`, so the page can say which field was wrong.
 */
export function parseAnalysisFilters(
  raw: Record<string, string | undefined>,
  now: number,
  options: { wholeMonths?: boolean } = {},
): { filters: AnalysisFilters; problems: FilterProblem[] } {
  const given = firstValue(raw);
  const problems: FilterProblem[] = [];
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    const field = analysisQuerySchema.shape[key as keyof typeof analysisQuerySchema.shape];
    if (!field) continue;
    const checked = field.safeParse(value);
    if (checked.success) clean[key] = value;
    else
      problems.push({
        field: key,
        code: key === 'from' || key === 'to' ? 'date' : key === 'q' ? 'too-long' : 'invalid',
      });
  }
  const q = analysisQuerySchema.parse(clean);
  const wantsCustom = q.period === 'custom' || (q.period === undefined && (q.from !== undefined || q.to !== undefined));
  let range = presetPeriod(q.period === undefined || q.period === 'custom' ? DEFAULT_PRESET : q.period, now);
  if (wantsCustom) {
    if (q.from === undefined || q.to === undefined) {
      problems.push({ field: q.from === undefined ? 'from' : 'to', code: 'needs-both' });
    } else {
      const custom = customPeriod(q.from, q.to, now, options);
      if ('field' in custom) problems.push(custom);
      else range = custom;
    }
  }
  return {
    filters: {
      range,
      type: q.type,
      team: q.team,
      cpi: q.cpi ?? 'fcr',
      q: q.q ?? '',
      sort: q.sort ?? 'useful',
      page: q.page ?? 1,
    },
    problems,
  };
}

/** The query string of a set of filters (defaults left out), for links and pushed URLs. */
export function filterSearch(f: Partial<AnalysisFilters>, keep: readonly (keyof AnalysisFilters)[]): string {
  const params = new URLSearchParams();
  for (const key of keep) {
    if (key === 'range' && f.range) {
      if (f.range.custom) {
        params.set('period', 'custom');
        params.set('from', f.range.custom.from);
        params.set('to', f.range.custom.to);
      } else if (f.range.preset && f.range.preset !== DEFAULT_PRESET) params.set('period', f.range.preset);
    }
    if (key === 'type' && f.type) params.set('type', f.type);
    if (key === 'team' && f.team !== undefined) params.set('team', String(f.team));
    if (key === 'cpi' && f.cpi && f.cpi !== 'fcr') params.set('cpi', f.cpi);
    if (key === 'q' && f.q) params.set('q', f.q);
    if (key === 'sort' && f.sort && f.sort !== 'useful') params.set('sort', f.sort);
    if (key === 'page' && f.page !== undefined && f.page > 1) params.set('page', String(f.page));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
