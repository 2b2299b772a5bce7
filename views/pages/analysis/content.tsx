/** GET /content — the content library, open to every staff role (org-wide numbers, no rep data). */
import type { StaffKey } from '../../../src/lib/i18n/staff';
import { CONTENT_SORTS, type ContentSort } from '../../../src/domain/analysis-params';
import { StaffLayout } from '../../layout';
import type { SessionUser } from '../../../src/context';
import { FilterBar, type FilterBarProps } from '../../partials/filter-bar';
import { ContentResults, type ContentResultsProps } from '../../partials/analysis/content-results';

const SORT_LABELS: Record<ContentSort, StaffKey> = {
  useful: 'anSortUseful',
  shared: 'anSortShared',
  title: 'anSortTitle',
};

export function ContentPage(p: ContentResultsProps & { user: SessionUser; bar: Omit<FilterBarProps, 't'> }) {
  const { t } = p.fmt;
  const fid = (name: string) => `${p.bar.id}-${name}`;
  return (
    <StaffLayout title={t('anContentTitle')} t={t} lang={p.user.locale} user={p.user} currentPath="/content">
      <h1>{t('anContentTitle')}</h1>
      <p class="lead">{t('anContentIntro')}</p>
      <FilterBar t={t} {...p.bar}>
        <div class="field search-field">
          <label for={fid('q')}>{t('anSearch')}</label>
          <input
            id={fid('q')}
            type="search"
            name="q"
            value={p.filters.q}
            maxlength={200}
            autocomplete="off"
            aria-describedby={fid('q-hint')}
            hx-get={p.bar.action}
            hx-trigger="input changed delay:300ms, search"
            hx-include="closest form"
          />
          <p class="hint" id={fid('q-hint')}>
            {t('anSearchHint')}
          </p>
        </div>
        <div class="field">
          <label for={fid('sort')}>{t('anSort')}</label>
          <select id={fid('sort')} name="sort">
            {CONTENT_SORTS.map((s) => (
              <option value={s} selected={p.filters.sort === s}>
                {t(SORT_LABELS[s])}
              </option>
            ))}
          </select>
        </div>
      </FilterBar>
      <ContentResults {...p} />
    </StaffLayout>
  );
}
