/** Numbers on the coaching pages, in the reader's language (decimal comma in Spanish). */
import type { CpiKey } from '../../../src/stats';
import type { CpiFigure } from '../../../src/domain/coaching-figures';

const tag = (locale: string) => (locale === 'es' ? 'es-ES' : 'en-GB');

export function fmtNumber(locale: string, value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(tag(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );
}

export function fmtPercent(locale: string, value: number): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** A probability that never reads as certainty: "<1 %" and ">99 %" at the ends. */
export function fmtProbability(locale: string, p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p > 0.99) return `>${fmtPercent(locale, 0.99)}`;
  if (p < 0.01) return `<${fmtPercent(locale, 0.01)}`;
  return fmtPercent(locale, p);
}

export const fmtCount = (locale: string, value: number) => new Intl.NumberFormat(tag(locale)).format(value);

/** A figure's value: a percentage for rates and the share within SLA, one decimal for 1–5 means. */
export function fmtFigureValue(locale: string, f: Pick<CpiFigure, 'kind'>, value: number): string {
  return f.kind === 'mean' ? fmtNumber(locale, value, 1) : fmtPercent(locale, value);
}

/** "51–72 %" or "3,1–3,6". */
export function fmtFigureInterval(locale: string, f: Pick<CpiFigure, 'kind' | 'lower' | 'upper'>): string {
  return `${fmtFigureValue(locale, f, f.lower)}–${fmtFigureValue(locale, f, f.upper)}`;
}

/** A target in the CPI's unit: a rate as a percentage, turnaround in hours, means with one decimal. */
export function fmtTarget(locale: string, cpi: CpiKey, value: number): string {
  if (cpi === 'fcr') return fmtPercent(locale, value);
  if (cpi === 'quoteTurnaround') return `${fmtNumber(locale, value, 0)} h`;
  return fmtNumber(locale, value, 1);
}

export const fmtHours = (locale: string, value: number) => `${fmtNumber(locale, value, 0)} h`;

/** A signed difference in the figure's unit (percentage points for rates). */
export function fmtChange(locale: string, f: Pick<CpiFigure, 'kind'>, delta: number): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta);
  return f.kind === 'mean' ? `${sign}${fmtNumber(locale, size, 1)}` : `${sign}${fmtNumber(locale, size * 100, 0)} pp`;
}

/** "2026-03" from YYYYMM. */
export const monthText = (key: number) => `${Math.floor(key / 100)}-${String(key % 100).padStart(2, '0')}`;
