/** GET /content — the content library, open to every staff role (org-wide numbers, no rep data). */
import { StaffLayout } from '../../layout';
import type { SessionUser } from '../../../src/context';
import { FilterForm } from '../../partials/analysis/filters';
import { ContentResults, type ContentResultsProps } from '../../partials/analysis/content-results';

export function ContentPage(p: ContentResultsProps & { user: SessionUser }) {
  const { t } = p.fmt;
  return (
    <StaffLayout title={t('anContentTitle')} t={t} lang={p.user.locale} user={p.user} currentPath="/content">
      <h1>{t('anContentTitle')}</h1>
      <p class="lead">{t('anContentIntro')}</p>
      <FilterForm
        t={t}
        id="content-filters"
        action="/content"
        target="content-results"
        filters={p.filters}
        search
        sort
      />
      <ContentResults {...p} />
    </StaffLayout>
  );
}
