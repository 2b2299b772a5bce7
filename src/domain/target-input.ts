/**
 * The target-and-baseline form, validated per CPI: rates are entered as percent (0–100)
 * and stored as 0–1, 1–5 means stay 1–5, quote turnaround is hours above 0. A baseline
 * is a past period of whole UTC days: first day and last day included, first before last.
 * Messages are codes (`targetPercent`, `baselineOrder`…) the page turns into words.
 */
import { z } from 'zod';
import { CPI_KEYS, type CpiKey } from '../../db/schema';
import { DAY_MS, parseCalendarDay } from '../lib/days';

export type TargetUnit = 'percent' | 'mean' | 'hours';

export function targetUnit(cpi: CpiKey): TargetUnit {
  return cpi === 'fcr' ? 'percent' : cpi === 'quoteTurnaround' ? 'hours' : 'mean';
}

/** The stored value as it is typed in the form (a rate as percent). */
export function targetForForm(cpi: CpiKey, stored: number | null): string {
  if (stored === null) return '';
  const value = targetUnit(cpi) === 'percent' ? stored * 100 : stored;
  return String(Number(value.toFixed(4)));
}

const TARGET_ERROR_CODES = [
  'targetNumber',
  'targetPercent',
  'targetMean',
  'targetHours',
  'targetOrBaseline',
  'dateFormat',
  'baselineBoth',
  'baselineOrder',
  'baselinePast',
] as const;
export type TargetErrorCode = (typeof TARGET_ERROR_CODES)[number];

const dateMs = parseCalendarDay;

const text = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim());

/** The scope fields of every target form: which CPI, and the team (empty: org-wide). */
export const targetScopeSchema = z.object({
  cpi: z.enum(CPI_KEYS),
  team: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.union([z.literal(''), z.string().regex(/^[1-9]\d{0,9}$/)]))
    .transform((v) => (v === '' ? null : Number(v))),
});

export interface TargetValuesInput {
  target: number | null;
  baselineFrom: number | null;
  /** Exclusive end: the day after the last day included. */
  baselineTo: number | null;
}

export function targetValuesSchema(cpi: CpiKey, now: number) {
  const unit = targetUnit(cpi);
  return z.object({ target: text, baselineFrom: text, baselineTo: text }).transform((raw, ctx): TargetValuesInput => {
    const issue = (field: 'target' | 'baselineFrom' | 'baselineTo', code: TargetErrorCode) =>
      ctx.addIssue({ code: 'custom', path: [field], message: code });
    let target: number | null = null;
    if (raw.target !== '') {
      const n = Number(raw.target.replace(',', '.'));
      if (!Number.isFinite(n)) issue('target', 'targetNumber');
      else if (unit === 'percent' && (n < 0 || n > 100)) issue('target', 'targetPercent');
      else if (unit === 'mean' && (n < 1 || n > 5)) issue('target', 'targetMean');
      else if (unit === 'hours' && (n <= 0 || n > 10_000)) issue('target', 'targetHours');
      else target = unit === 'percent' ? n / 100 : n;
    }
    let baselineFrom: number | null = null;
    let baselineTo: number | null = null;
    const from = raw.baselineFrom === '' ? null : dateMs(raw.baselineFrom);
    const last = raw.baselineTo === '' ? null : dateMs(raw.baselineTo);
    if (from === undefined) issue('baselineFrom', 'dateFormat');
    if (last === undefined) issue('baselineTo', 'dateFormat');
    if (from === null && typeof last === 'number') issue('baselineFrom', 'baselineBoth');
    if (last === null && typeof from === 'number') issue('baselineTo', 'baselineBoth');
    if (typeof from === 'number' && typeof last === 'number') {
      if (from >= last) issue('baselineFrom', 'baselineOrder');
      else if (last + DAY_MS > now) issue('baselineTo', 'baselinePast');
      else [baselineFrom, baselineTo] = [from, last + DAY_MS];
    }
    if (raw.target === '' && raw.baselineFrom === '' && raw.baselineTo === '') issue('target', 'targetOrBaseline');
    return { target, baselineFrom, baselineTo };
  });
}

export const isTargetErrorCode = (v: string): v is TargetErrorCode =>
  (TARGET_ERROR_CODES as readonly string[]).includes(v);
