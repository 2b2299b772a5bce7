/** Number formats of the lead workspace, by locale and by CPI unit (rates as percent, 1–5 means, hours). */
import type { CpiKey, Locale } from '../../../db/schema';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { ReportPeriod } from '../../../src/domain/report-period';
import { DAY_MS, isoDay } from '../../../src/lib/days';

export type Unit = 'rate' | 'mean' | 'hours';

export const unitOf = (cpi: CpiKey | 'responseRate'): Unit =>
  cpi === 'fcr' || cpi === 'responseRate' ? 'rate' : cpi === 'quoteTurnaround' ? 'hours' : 'mean';

const tag = (locale: Locale) => (locale === 'es' ? 'es-ES' : 'en-GB');

export interface Formats {
  int(v: number): string;
  /** 0.7234 → "72%" (one decimal below 10%). */
  pct(v: number): string;
  value(unit: Unit, v: number): string;
  /** "68–76%", "3.21–3.48", "18.0–26.5 h". */
  range(unit: Unit, lower: number, upper: number): string;
  /** Signed change: percentage points for rates. */
  change(unit: Unit, d: number): string;
  /** A ratio such as a design effect, one decimal: "3.1". */
  factor(v: number): string;
}

export function formats(locale: Locale, t: StaffT): Formats {
  const number = (digits: number) =>
    new Intl.NumberFormat(tag(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const int = new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 0 });
  const pctNumber = (v: number) => (Math.abs(v) < 0.1 && v !== 0 ? number(1).format(v * 100) : int.format(v * 100));
  const signed = (text: string, d: number) => (d > 0 ? `+${text}` : d < 0 ? `−${text}` : text);
  const f: Formats = {
    int: (v) => int.format(v),
    pct: (v) => t('wsPercent', { v: pctNumber(v) }),
    value: (unit, v) =>
      unit === 'rate' ? f.pct(v) : unit === 'mean' ? number(2).format(v) : t('wsHours', { v: number(1).format(v) }),
    range: (unit, lower, upper) =>
      unit === 'rate'
        ? t('wsPercent', { v: `${pctNumber(lower)}–${pctNumber(upper)}` })
        : unit === 'mean'
          ? `${number(2).format(lower)}–${number(2).format(upper)}`
          : t('wsHours', { v: `${number(1).format(lower)}–${number(1).format(upper)}` }),
    change: (unit, d) =>
      unit === 'rate'
        ? signed(t('wsPoints', { v: number(1).format(Math.abs(d) * 100) }), d)
        : unit === 'mean'
          ? signed(number(2).format(Math.abs(d)), d)
          : signed(t('wsHours', { v: number(1).format(Math.abs(d)) }), d),
    factor: (v) => number(1).format(v),
  };
  return f;
}

/** A stored [from, to) baseline as the days a person reads: first day – last day included. */
export const dayRange = (from: number, to: number) => `${isoDay(from)} – ${isoDay(to - DAY_MS)}`;

export function periodLabel(t: StaffT, p: ReportPeriod): string {
  if (p.kind === 'custom') return t('wsPeriodCustomLabel', { from: p.fromDate, to: p.lastDate });
  return p.toDate ? t('wsPeriodToDate', { key: p.key, last: p.lastDate }) : p.key;
}

/** The filter parameters kept in every URL of a page (empty ones left out). */
export interface FilterValues {
  team: string;
  period: string;
  from: string;
  to: string;
  type: string;
}

export function filterQuery(values: FilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  const all: Record<string, string> = {
    team: values.team,
    period: values.period,
    ...(values.period === 'custom' ? { from: values.from, to: values.to } : {}),
    type: values.type,
    ...extra,
  };
  for (const [k, v] of Object.entries(all)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
