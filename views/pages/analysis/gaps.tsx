/** GET /gaps — skill-gap analysis: link matrix, importance–performance, largest gaps, training effects, content. */
import { StaffLayout } from '../../layout';
import type { SessionUser } from '../../../src/context';
import { FilterForm } from '../../partials/analysis/filters';
import { GapsResults, type GapsResultsProps } from '../../partials/analysis/gaps-results';

export function GapsPage(p: GapsResultsProps & { user: SessionUser; teams: { id: number; name: string }[] }) {
  const { t } = p.fmt;
  return (
    <StaffLayout title={t('anGapsPageTitle')} t={t} lang={p.user.locale} user={p.user} currentPath="/gaps">
      <h1>{t('anGapsPageTitle')}</h1>
      <p class="lead">{t('anGapsPageIntro')}</p>
      <FilterForm
        t={t}
        id="gaps-filters"
        action="/gaps"
        target="gaps-results"
        filters={p.filters}
        teams={p.teams}
        hidden={[{ name: 'cpi', value: p.filters.cpi, id: 'gaps-filter-cpi' }]}
      />
      <GapsResults {...p} />
    </StaffLayout>
  );
}
