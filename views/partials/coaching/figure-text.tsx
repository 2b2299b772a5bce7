import type { StaffT } from '../../../src/lib/i18n/staff';
import type { CpiFigure } from '../../../src/domain/coaching-figures';
import { count, hours } from '../format';
import { fmtFigureInterval, fmtFigureValue } from './format';

/** A CPI figure with its 95% interval and n, or "not enough responses" when suppressed. */
export function FigureText({
  t,
  locale,
  figure,
  empty,
}: {
  t: StaffT;
  locale: string;
  figure: CpiFigure | null;
  empty?: string;
}) {
  if (!figure) return <span class="suppressed">{empty ?? t('notEnoughResponses')}</span>;
  const value = fmtFigureValue(locale, figure, figure.value);
  const detail = t('coCiN', { range: fmtFigureInterval(locale, figure), n: count(locale, figure.n) });
  if (figure.kind !== 'turnaround') {
    return (
      <span class="figure">
        <strong>{value}</strong> <span class="muted">({detail})</span>
      </span>
    );
  }
  return (
    <span class="figure">
      <strong>{t('coWithinSla', { share: value, sla: hours(locale, figure.slaHours ?? 0, 0) })}</strong>{' '}
      <span class="muted">({detail})</span>
      {'; '}
      {t('coMedianP90', { median: hours(locale, figure.median ?? NaN), p90: hours(locale, figure.p90 ?? NaN) })}
    </span>
  );
}
