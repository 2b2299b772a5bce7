/** Number formats and names shared by the analysis pages (rep page, skill gaps, content library). */
import type { StaffKey, StaffT } from '../../../src/lib/i18n/staff';
import type { CpiKey } from '../../../src/stats';
import type { Quadrant } from '../../../src/domain/importance-map';
import type { TrainingKind } from '../../../db/schema';
import { isoDay } from '../../../src/lib/days';
import { decimal, percent, probability, signed, unitChange, unitOf, unitValue } from '../format';

export interface Fmt {
  t: StaffT;
  locale: 'en' | 'es';
  num(value: number, digits?: number): string;
  /** Signed, with a real minus sign: "+0.47", "−0.12". */
  signed(value: number, digits?: number): string;
  pct(value: number, digits?: number): string;
  /** A CPI value in its unit: 72%, 3.84, 22.5 h. */
  cpi(cpi: CpiKey, value: number): string;
  /** A change of a CPI: +8.0 pp for rates, +0.47 for 1–5 means. */
  cpiChange(cpi: CpiKey, value: number): string;
  /** A link's change per SD of skill: pp of FCR, points on 1–5, % quote time (from log hours). */
  effect(cpi: CpiKey, value: number): string;
  /** The size of an effect (a detectable effect, a reference), unsigned, in the same units. */
  effectSize(cpi: CpiKey, value: number): string;
  /** "3.71 to 3.97". */
  range(lower: number, upper: number, format: (v: number) => string): string;
  p(value: number | null): string;
  /** A probability as a percentage that never claims certainty: "> 99%", "< 1%". */
  prob(value: number): string;
  date(ms: number): string;
  /** "2026-11-20 10:04 UTC". */
  time(ms: number): string;
}

export function formatter(t: StaffT, userLocale: string): Fmt {
  const locale = userLocale === 'es' ? 'es' : 'en';
  const num = (v: number, digits = 2) => decimal(locale, v, digits);
  const pct = (v: number, digits = 0) => percent(locale, v, digits);
  const sign = (v: number, digits = 2) => signed(locale, v, digits);
  return {
    t,
    locale,
    num,
    signed: sign,
    pct,
    cpi: (cpi, v) => unitValue(locale, unitOf(cpi), v),
    cpiChange: (cpi, v) => unitChange(locale, unitOf(cpi), v),
    range: (lower, upper, format) => t('anRange', { lower: format(lower), upper: format(upper) }),
    p: (v) => (v === null || !Number.isFinite(v) ? '—' : v < 0.001 ? `< ${num(0.001, 3)}` : num(v, 3)),
    prob: (v) => probability(locale, v),
    date: isoDay,
    time: (ms) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    effect: (cpi, v) =>
      cpi === 'fcr'
        ? unitChange(locale, 'rate', v)
        : cpi === 'quoteTurnaround'
          ? t('anEffectTime', { value: sign((Math.exp(v) - 1) * 100, 0) })
          : t('anEffectPoints', { value: sign(v, 2) }),
    effectSize: (cpi, v) =>
      cpi === 'fcr'
        ? `${num(Math.abs(v) * 100, 1)} pp`
        : cpi === 'quoteTurnaround'
          ? t('anEffectTime', { value: num((Math.exp(Math.abs(v)) - 1) * 100, 0) })
          : t('anEffectPoints', { value: num(Math.abs(v), 2) }),
  };
}

const QUADRANTS: Record<Quadrant, StaffKey> = {
  'concentrate-here': 'anQuadrantConcentrate',
  'keep-up-the-good-work': 'anQuadrantKeepUp',
  'low-priority': 'anQuadrantLowPriority',
  'possible-overkill': 'anQuadrantOverkill',
};
export const quadrantName = (t: StaffT, q: Quadrant) => t(QUADRANTS[q]);

const KINDS: Record<TrainingKind, StaffKey> = {
  course: 'anKindCourse',
  assessment: 'anKindAssessment',
  coaching: 'anKindCoaching',
};
export const kindName = (t: StaffT, kind: TrainingKind) => t(KINDS[kind]);
