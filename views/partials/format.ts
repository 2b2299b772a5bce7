/**
 * Numbers on staff pages, in the reader's language: one locale tag per language, one rule per
 * kind of number. Every page formats through these (the analysis, coaching and workspace
 * helpers build their sentences on them). Dates are days in UTC: `isoDay` (src/lib/days.ts).
 *
 * - decimal: fixed decimals, a real minus sign "−", "—" for no value;
 * - percent: whole percent, one decimal below 10% ("4.5%"), "72 %" in Spanish;
 * - count: a whole number with the language's grouping ("12,400" / "12.400");
 * - a CPI in its unit: rates as percent, 1–5 means with two decimals, hours with one.
 */
import { INTL_LOCALES } from '../../src/lib/i18n';
import type { CpiKey } from '../../src/stats';

/** The Intl locale of a staff language (staff read English or Spanish; src/lib/i18n). */
const numberTag = (locale: string): string => INTL_LOCALES[locale === 'es' ? 'es' : 'en'];

const MINUS = '\u2212';
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, style: 'decimal' | 'percent', digits: number): Intl.NumberFormat {
  const key = `${numberTag(locale)} ${style} ${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(numberTag(locale), {
      style,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, f);
  }
  return f;
}

const finite = (value: number, format: (v: number) => string) =>
  Number.isFinite(value) ? format(value).replace('-', MINUS) : '—';

/** 3.8412 → "3.84" (`digits` decimals), −0.5 → "−0.50"; "—" when not a number. */
export const decimal = (locale: string, value: number, digits = 2): string =>
  finite(value, (v) => numberFormat(locale, 'decimal', digits).format(v));

/** Signed, with a real minus sign: "+0.47", "−0.12"; a value that rounds to zero carries no sign. */
export function signed(locale: string, value: number, digits = 2): string {
  const text = decimal(locale, value, digits);
  if (/^\u2212?0([.,]0*)?$/.test(text)) return text.replace(MINUS, '');
  return Number.isFinite(value) && value > 0 ? `+${text}` : text;
}

const percentDigits = (value: number) => (Math.abs(value) < 0.1 && value !== 0 ? 1 : 0);

/** 0.7234 → "72%" ("72 %" in Spanish); one decimal below 10% ("4.5%"), or `digits` when given. */
export function percent(locale: string, value: number, digits = percentDigits(value)): string {
  return finite(value, (v) => numberFormat(locale, 'percent', digits).format(v));
}

/** A whole number with grouping: 12400 → "12,400" ("12.400"). */
export const count = (locale: string, value: number): string => decimal(locale, value, 0);

/** A probability that never reads as certainty: "> 99%", "< 1%" at the ends. */
export function probability(locale: string, p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p > 0.99) return `> ${percent(locale, 0.99, 0)}`;
  if (p < 0.01) return `< ${percent(locale, 0.01, 0)}`;
  return percent(locale, p, 0);
}

/** The unit a CPI (or the response rate) is read in. */
export type Unit = 'rate' | 'mean' | 'hours';
export const unitOf = (cpi: CpiKey | 'responseRate'): Unit =>
  cpi === 'fcr' || cpi === 'responseRate' ? 'rate' : cpi === 'quoteTurnaround' ? 'hours' : 'mean';

/** Hours with one decimal: "22.5 h". */
export const hours = (locale: string, value: number, digits = 1): string => `${decimal(locale, value, digits)} h`;

/** A value in its unit: "72%", "3.84", "22.5 h". */
export function unitValue(locale: string, unit: Unit, value: number): string {
  return unit === 'rate' ? percent(locale, value) : unit === 'mean' ? decimal(locale, value, 2) : hours(locale, value);
}

/** An interval in its unit: "68–76%", "3.21–3.48", "18.0–26.5 h". */
export function unitRange(locale: string, unit: Unit, lower: number, upper: number): string {
  if (unit === 'mean') return `${decimal(locale, lower, 2)}–${decimal(locale, upper, 2)}`;
  if (unit === 'hours') return hours(locale, lower).replace(' h', `–${hours(locale, upper)}`);
  // Each end as `percent` writes it, the percent sign once: "68–76%", "8.5–12%".
  const low = decimal(locale, lower * 100, percentDigits(lower));
  return percent(locale, upper).replace(/^[\d.,\u2212]+/, `${low}–$&`);
}

/** A signed change in its unit: "+8.0 pp" for rates, "+0.47" for means, "−3.5 h" for hours. */
export function unitChange(locale: string, unit: Unit, delta: number): string {
  if (unit === 'rate') return `${signed(locale, delta * 100, 1)} pp`;
  if (unit === 'mean') return signed(locale, delta, 2);
  return `${signed(locale, delta, 1)} h`;
}
