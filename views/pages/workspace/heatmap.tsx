import type { Child } from 'hono/jsx';
import { StaffLayout } from '../../layout';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { FilterBar, type FilterBarProps } from '../../partials/filter-bar';
import { SortState } from '../../partials/workspace/sort-state';

export interface HeatmapPageProps {
  t: StaffT;
  user: SessionUser;
  form: Omit<FilterBarProps, 't'>;
  sort: string;
  dir: string;
  children: Child;
}

/** Reps × CPIs at `/reps`: the same filters as the overview, and a sortable heatmap. */
export function HeatmapPage({ t, user, form, sort, dir, children }: HeatmapPageProps) {
  return (
    <StaffLayout title={t('wsHeatmapTitle')} t={t} lang={user.locale} user={user} currentPath="/reps">
      <h1>{t('wsHeatmapTitle')}</h1>
      <p class="ws-intro">{t('wsHeatmapIntro')}</p>
      <FilterBar t={t} {...form}>
        <SortState sort={sort} dir={dir} />
      </FilterBar>
      <div id="reps-results" class="ws-results">
        {children}
      </div>
    </StaffLayout>
  );
}
