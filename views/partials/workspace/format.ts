/** Number formats of the lead workspace: the shared rules of views/partials/format.ts, bound to the reader's language. */
import type { Locale } from '../../../db/schema';
import { DAY_MS, isoDay } from '../../../src/lib/days';
import { count, decimal, percent, unitChange, unitRange, unitValue, type Unit } from '../format';

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

export function formats(locale: Locale): Formats {
  return {
    int: (v) => count(locale, v),
    pct: (v) => percent(locale, v),
    value: (unit, v) => unitValue(locale, unit, v),
    range: (unit, lower, upper) => unitRange(locale, unit, lower, upper),
    change: (unit, d) => unitChange(locale, unit, d),
    factor: (v) => decimal(locale, v, 1),
  };
}

/** A stored [from, to) baseline as the days a person reads: first day – last day included. */
export const dayRange = (from: number, to: number) => `${isoDay(from)} – ${isoDay(to - DAY_MS)}`;
