/**
 * The header of a printed report (public/print.css): team, period and the day it was made.
 * Hidden on screen, where the filter bar says the same; shown on paper, where the bar is not.
 */
import type { StaffT } from '../../src/lib/i18n/staff';

export interface PrintHeaderProps {
  team: string;
  period: string;
  /** YYYY-MM-DD, the app's today. */
  date: string;
}

export function PrintHeader({ t, team, period, date }: PrintHeaderProps & { t: StaffT }) {
  return (
    <section class="print-header" aria-label={t('printHeaderLabel')} data-testid="print-header">
      <dl>
        <div>
          <dt>{t('printTeam')}</dt>
          <dd>{team}</dd>
        </div>
        <div>
          <dt>{t('printPeriod')}</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>{t('printDate')}</dt>
          <dd>{date}</dd>
        </div>
      </dl>
    </section>
  );
}
