/** Figures on the coaching pages, in the reader's language, on the shared rules of views/partials/format.ts. */
import type { CpiFigure } from '../../../src/domain/coaching-figures';
import { percent, unitChange, unitRange, unitValue, type Unit } from '../format';

/** A figure's unit: rates and the share within the SLA as percent, 1–5 means as means. */
const unitOfFigure = (f: Pick<CpiFigure, 'kind'>): Unit => (f.kind === 'mean' ? 'mean' : 'rate');

/** A figure's value: a percentage for rates and the share within SLA, two decimals for 1–5 means. */
export const fmtFigureValue = (locale: string, f: Pick<CpiFigure, 'kind'>, value: number): string =>
  f.kind === 'mean' ? unitValue(locale, 'mean', value) : percent(locale, value);

/** "51–72%" or "3,14–3,66". */
export const fmtFigureInterval = (locale: string, f: Pick<CpiFigure, 'kind' | 'lower' | 'upper'>): string =>
  unitRange(locale, unitOfFigure(f), f.lower, f.upper);

/** A signed difference in the figure's unit (percentage points for rates). */
export const fmtChange = (locale: string, f: Pick<CpiFigure, 'kind'>, delta: number): string =>
  unitChange(locale, unitOfFigure(f), delta);
