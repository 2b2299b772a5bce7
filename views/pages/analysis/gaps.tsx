/** GET /gaps — skill-gap analysis: link matrix, importance–performance, largest gaps, training effects, content. */
import { StaffLayout } from '../../layout';
import type { SessionUser } from '../../../src/context';
import { FilterBar, type FilterBarProps } from '../../partials/filter-bar';
import { GapsResults, type GapsResultsProps } from '../../partials/analysis/gaps-results';

export function GapsPage(p: GapsResultsProps & { user: SessionUser; bar: Omit<FilterBarProps, 't'> }) {
  const { t } = p.fmt;
  return (
    <StaffLayout title={t('anGapsPageTitle')} t={t} lang={p.user.locale} user={p.user} currentPath="/gaps">
      <h1>{t('anGapsPageTitle')}</h1>
      <p class="lead">{t('anGapsPageIntro')}</p>
      <FilterBar t={t} {...p.bar}>
        <input type="hidden" name="cpi" value={p.filters.cpi} id="gaps-filter-cpi" />
      </FilterBar>
      <GapsResults {...p} />
    </StaffLayout>
  );
}
